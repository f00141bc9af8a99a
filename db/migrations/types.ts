import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One schema step. `up` runs inside the migration transaction and must not await. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
