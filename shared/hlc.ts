/**
 * Hybrid logical clock. A stamp is "<wall ms, 15 digits>:<counter, 6 digits>",
 * so stamps compare correctly as plain strings (and in SQL). Ties between
 * posts are broken by post id, never by arrival order.
 */

export interface HlcState {
  wallMs: number;
  counter: number;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;

export function formatHlc(state: HlcState): string {
  return `${String(state.wallMs).padStart(WALL_DIGITS, '0')}:${String(state.counter).padStart(COUNTER_DIGITS, '0')}`;
}

export function parseHlc(stamp: string): HlcState {
  const match = /^(\d{15}):(\d{6})$/.exec(stamp);
  if (!match) throw new Error(`Not a clock stamp: ${stamp}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]) };
}

/** Next local stamp: never goes backwards, even when the wall clock does. */
export function tickHlc(last: HlcState, nowMs: number): HlcState {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0 };
  return carry({ wallMs: last.wallMs, counter: last.counter + 1 });
}

const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
/** The largest wall time a stamp can carry; a clock never goes past it (imports refuse stamps far ahead of now). */
export const MAX_WALL_MS = 10 ** WALL_DIGITS - 1;

/** A counter past its six digits moves the wall time on by a millisecond instead: every stamp stays formattable. */
function carry(state: HlcState): HlcState {
  const next = state.counter > MAX_COUNTER ? { wallMs: state.wallMs + 1, counter: 0 } : state;
  return { wallMs: Math.min(next.wallMs, MAX_WALL_MS), counter: Math.min(next.counter, MAX_COUNTER) };
}

/** Fold a remote stamp into the local clock so later local edits sort after it. */
export function receiveHlc(last: HlcState, remote: HlcState, nowMs: number): HlcState {
  const wallMs = Math.max(last.wallMs, remote.wallMs, nowMs);
  if (wallMs === last.wallMs && wallMs === remote.wallMs) return carry({ wallMs, counter: Math.max(last.counter, remote.counter) + 1 });
  if (wallMs === last.wallMs) return carry({ wallMs, counter: last.counter + 1 });
  if (wallMs === remote.wallMs) return carry({ wallMs, counter: remote.counter + 1 });
  return { wallMs, counter: 0 };
}

/** Total order of (stamp, post id): the last-writer-wins rule. */
export function compareStamps(a: { hlc: string; postId: string }, b: { hlc: string; postId: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.postId !== b.postId) return a.postId < b.postId ? -1 : 1;
  return 0;
}
