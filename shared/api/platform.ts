import { z } from 'zod';
import type { MethodGroup } from './types';

const filePath = z.string().trim().min(1).max(4096);

/** The app around the data: first start, where the data lives, backups and restores. */
export const platformMethods = {
  /** What the first-start screen and the backup panel show. */
  'platform.status': {
    input: z.object({}),
    output: z.object({
      /** True until this post has a name: the first-start screen asks for it. */
      firstStart: z.boolean(),
      databasePath: z.string(),
      /** Where "Back up now" writes when no file is named. */
      backupDirectory: z.string(),
    }),
  },
  /** A consistent copy of the open database (SQLite online backup) to `out`, or a new file in the backup folder. Never overwrites. */
  'platform.backup': {
    input: z.object({ out: filePath.optional() }),
    output: z.object({ path: z.string(), bytes: z.number(), schemaVersion: z.number(), takenAt: z.string() }),
  },
  /** Checks a backup (integrity, an Accord database, not from a newer version) and, only then, makes it the open database, keeping the previous contents in a file. */
  'platform.restore': {
    input: z.object({ from: filePath, check: z.boolean().default(false) }),
    output: z.object({
      path: z.string(),
      schemaVersion: z.number(),
      postName: z.string(),
      /** Where the contents it replaced were kept; null for a check only. */
      previousCopy: z.string().nullable(),
    }),
  },
  /** Desktop: the next file the OS asked Accord to open (a double-clicked bundle or signed MOU file), for the import preview; null when none waits. */
  'platform.openedFile': {
    input: z.object({}),
    output: z.object({ kind: z.enum(['bundle', 'signedMou']), name: z.string(), data: z.string() }).nullable(),
  },
} as const satisfies MethodGroup;
