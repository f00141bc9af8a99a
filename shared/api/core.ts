import { z } from 'zod';
import { recordId } from '../domain/common';
import { mouDraftInput, mouDraftRecord } from '../domain/mou';
import { partnerInput, partnerRecord } from '../domain/partner';
import type { MethodGroup } from './types';

/** The foundation's methods: the app itself, partner nations, MOU drafts. */
export const coreMethods = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      postId: z.string(),
      postName: z.string(),
      handlingMarking: z.string(),
      databasePath: z.string(),
    }),
  },
  'partners.list': {
    input: z.object({}),
    output: z.array(partnerRecord),
  },
  'partners.get': {
    input: z.object({ id: recordId }),
    output: partnerRecord,
  },
  'partners.create': {
    input: partnerInput,
    output: partnerRecord,
  },
  'partners.update': {
    input: z.object({ id: recordId, values: partnerInput }),
    output: partnerRecord,
  },
  'partners.delete': {
    input: z.object({ id: recordId }),
    output: z.object({ id: z.string() }),
  },
  'mou.list': {
    input: z.object({ partnerId: recordId.optional() }),
    output: z.array(mouDraftRecord),
  },
  'mou.get': {
    input: z.object({ id: recordId }),
    output: mouDraftRecord,
  },
  'mou.create': {
    input: mouDraftInput,
    output: mouDraftRecord,
  },
  'mou.update': {
    input: z.object({ id: recordId, values: mouDraftInput }),
    output: mouDraftRecord,
  },
  'mou.delete': {
    input: z.object({ id: recordId }),
    output: z.object({ id: z.string() }),
  },
} as const satisfies MethodGroup;
