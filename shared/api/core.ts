import { z } from 'zod';
import type { MethodGroup } from './types';

/** The app itself. Partner nations and MOU drafts are registry record types (records.*), like every other. */
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
} as const satisfies MethodGroup;
