import { z } from 'zod';
import type { MethodGroup } from './types';

/** MOU drafts as the document tools list them (`accord mou list`): each with its saved versions and its latest signing. */
export const mouDocumentsListMethods = {
  'mou.documents.list': {
    input: z.object({}),
    output: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: z.string(),
        versions: z.number().int(),
        latest: z.object({ number: z.number().int(), savedAt: z.string() }).nullable(),
        signed: z.object({ signedBy: z.string(), signedAt: z.string(), versionNumber: z.number().int(), versionSha256: z.string() }).nullable(),
      }),
    ),
  },
} as const satisfies MethodGroup;
