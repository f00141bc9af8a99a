import type { Database } from 'better-sqlite3-multiple-ciphers';
import { formatHlc, parseHlc, receiveHlc, tickHlc, type HlcState } from '../shared/hlc';
import { statement } from './statements';

/**
 * This post's hybrid logical clock, kept in the one-row `clock` table so a
 * stamp never repeats across restarts. The only code that reads or writes that
 * row: Store ticks it for every local change, an import folds the highest
 * remote stamp into it, a bundle names its current stamp. Callers run inside
 * the transaction that uses the stamp (read and write are not atomic alone).
 */

const NEVER_TICKED: HlcState = { wallMs: 0, counter: 0 };

/** The clock as persisted (zero before the first change). */
export function readClock(db: Database): HlcState {
  return storedClock(db) ?? NEVER_TICKED;
}

/** The last stamp this post issued or adopted, or null before the first change. */
export function currentStamp(db: Database): string | null {
  const stored = storedClock(db);
  return stored ? formatHlc(stored) : null;
}

/** The next local stamp: after every stamp issued or adopted here, even when the wall clock went back. */
export function tickClock(db: Database, nowMs: number): string {
  return withTicks(db, (tick) => tick(nowMs));
}

/**
 * Runs `fn` with a `tick` that gives the same stamps as that many tickClock calls, the clock row read before and
 * written after once (a batch of records stamps many fields). Nothing else may tick this clock while `fn` runs.
 */
export function withTicks<T>(db: Database, fn: (tick: (nowMs: number) => string) => T): T {
  let state = readClock(db);
  let ticked = false;
  const result = fn((nowMs) => {
    state = tickHlc(state, nowMs);
    ticked = true;
    return formatHlc(state);
  });
  if (ticked) persist(db, state);
  return result;
}

/** Adopts a remote stamp, so later local edits sort after everything received. */
export function adoptRemoteStamp(db: Database, remoteStamp: string, nowMs: number): void {
  persist(db, receiveHlc(readClock(db), parseHlc(remoteStamp), nowMs));
}

function storedClock(db: Database): HlcState | undefined {
  return statement(db, 'SELECT wall_ms AS wallMs, counter FROM clock WHERE id = 1').get() as HlcState | undefined;
}

function persist(db: Database, state: HlcState): void {
  statement(db, 'INSERT INTO clock (id, wall_ms, counter) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET wall_ms = excluded.wall_ms, counter = excluded.counter').run(
    state.wallMs,
    state.counter,
  );
}
