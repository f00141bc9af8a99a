import type { ParseArgsConfig } from 'node:util';
import { openApp, type AccordApp } from '../app';
import { resolveDatabasePath } from '../dataPath';

/** Exit codes a script can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2, databaseTooNew: 3, bundleRejected: 4, untrustedSender: 5 } as const;

export type OptionValues = Record<string, string | boolean | undefined>;

/** One `accord <name>` command; its options are parsed strictly before `run`. */
export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

/** Wrong arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** Every command that touches a database takes --db (else ACCORD_DB, else the default folder). */
export const databaseOption = { db: { type: 'string' } } as const;

/** The app on the database the options name (--db, else ACCORD_DB, else the default folder). */
export function openAppFromOptions(values: OptionValues): AccordApp {
  return openApp({
    databasePath: resolveDatabasePath({ flag: values.db as string | undefined }),
    handlingMarking: (values.marking as string | undefined) ?? process.env.ACCORD_MARKING,
  });
}
