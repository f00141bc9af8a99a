import type { MouClause } from './types';
import { tokenize } from './text';

/**
 * Redline between two saved versions of an MOU draft: which clauses were
 * added, removed or changed, and for a changed clause which words, in each
 * language. Clauses match by their stable id when both versions carry one,
 * otherwise by number, so a renumbered clause with an id reads as "changed"
 * rather than as one removal plus one addition.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export type ClauseChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ClauseRedline {
  change: ClauseChange;
  /** The clause in the older version (absent when added). */
  before?: MouClause;
  /** The clause in the newer version (absent when removed). */
  after?: MouClause;
  numberChanged: boolean;
  headingChanged: boolean;
  referencesChanged: boolean;
  /** Word-level diff of the English text (every segment 'equal' when unchanged). */
  en: DiffSegment[];
  /** Word-level diff of the Arabic text. */
  ar: DiffSegment[];
}

export interface Redline {
  /** Clauses in reading order of the newer version, removed ones where they stood before. */
  clauses: ClauseRedline[];
}

function clauseKey(clause: MouClause, useIds: boolean): string {
  return useIds && clause.id ? `id:${clause.id}` : `number:${clause.number}`;
}

export function redlineClauses(before: readonly MouClause[], after: readonly MouClause[]): Redline {
  // Ids only mean something if both versions carry them.
  const useIds = before.some((clause) => clause.id) && after.some((clause) => clause.id);
  const oldIndexByKey = new Map<string, number>();
  before.forEach((clause, index) => oldIndexByKey.set(clauseKey(clause, useIds), index));
  // Which old clause each new one continues (first come, first matched, should keys repeat).
  const matchOf = after.map(() => -1);
  const matchedOld = new Set<number>();
  after.forEach((clause, index) => {
    const oldIndex = oldIndexByKey.get(clauseKey(clause, useIds));
    if (oldIndex !== undefined && !matchedOld.has(oldIndex)) {
      matchedOld.add(oldIndex);
      matchOf[index] = oldIndex;
    }
  });
  const result: ClauseRedline[] = [];
  // Removed clauses are shown where they stood: before the first surviving clause that followed them.
  let nextOld = 0;
  const emitRemovedUpTo = (limit: number) => {
    for (; nextOld < limit; nextOld++) {
      if (!matchedOld.has(nextOld)) result.push(removed(before[nextOld]!));
    }
  };
  after.forEach((clause, index) => {
    const oldIndex = matchOf[index]!;
    if (oldIndex < 0) {
      result.push(added(clause));
      return;
    }
    emitRemovedUpTo(oldIndex);
    result.push(compareClause(before[oldIndex]!, clause));
  });
  emitRemovedUpTo(before.length);
  return { clauses: result };
}

/** Only what differs: the list a reviewer reads. */
export function changedClauses(redline: Redline): ClauseRedline[] {
  return redline.clauses.filter((clause) => clause.change !== 'unchanged');
}

function added(clause: MouClause): ClauseRedline {
  return { change: 'added', after: clause, numberChanged: false, headingChanged: false, referencesChanged: false, en: whole('insert', clause.en), ar: whole('insert', clause.ar) };
}

function removed(clause: MouClause): ClauseRedline {
  return { change: 'removed', before: clause, numberChanged: false, headingChanged: false, referencesChanged: false, en: whole('delete', clause.en), ar: whole('delete', clause.ar) };
}

function whole(op: DiffOp, text: string): DiffSegment[] {
  return text ? [{ op, text }] : [];
}

function compareClause(before: MouClause, after: MouClause): ClauseRedline {
  const en = diffWords(before.en, after.en);
  const ar = diffWords(before.ar, after.ar);
  const numberChanged = before.number !== after.number;
  const headingChanged = (before.heading ?? '') !== (after.heading ?? '');
  const referencesChanged = JSON.stringify(before.references ?? []) !== JSON.stringify(after.references ?? []);
  const textChanged = en.some((s) => s.op !== 'equal') || ar.some((s) => s.op !== 'equal');
  const change: ClauseChange = textChanged || numberChanged || headingChanged || referencesChanged ? 'changed' : 'unchanged';
  return { change, before, after, numberChanged, headingChanged, referencesChanged, en, ar };
}

/** Past this many edits a word diff stops being readable (and costs quadratic memory): show a replacement. */
const MAX_EDIT_DISTANCE = 2_000;

/** Word-level diff of two texts (tokens from `tokenize`), adjacent segments of one kind merged. */
export function diffWords(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const segments: DiffSegment[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += text;
    else segments.push({ op, text });
  };
  push('equal', a.slice(0, prefix).join(''));
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  const ops = myers(middleA, middleB);
  if (ops) {
    for (const [op, token] of ops) push(op, token);
  } else {
    push('delete', middleA.join(''));
    push('insert', middleB.join(''));
  }
  push('equal', a.slice(a.length - suffix).join(''));
  return segments;
}

/**
 * The shortest edit script between two lists of keys (one op per step: 'equal'
 * consumes one of each, 'delete' one of `a`, 'insert' one of `b`), or null past
 * MAX_EDIT_DISTANCE edits. The DOCX redline matches paragraphs with it.
 */
export function editScript(a: string[], b: string[]): DiffOp[] | null {
  return myers(a, b)?.map(([op]) => op) ?? null;
}

/**
 * Myers' O(ND) shortest edit script. Returns null when the edit distance
 * exceeds MAX_EDIT_DISTANCE. The trace keeps one window of the V array per
 * step (O(D^2) memory), which the cap bounds.
 */
function myers(a: string[], b: string[]): [DiffOp, string][] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(a, b, trace);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

function backtrack(a: string[], b: string[], trace: Int32Array[]): [DiffOp, string][] {
  const ops: [DiffOp, string][] = [];
  let x = a.length;
  let y = b.length;
  const at = (d: number, k: number) => trace[d]![k + d]!;
  for (let d = trace.length - 1; d > 0; d--) {
    const k = x - y;
    const prevK = k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1)) ? k + 1 : k - 1;
    const prevX = at(d - 1, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(['equal', a[--x]!]);
      y--;
    }
    if (prevK === k + 1) ops.push(['insert', b[prevY]!]);
    else ops.push(['delete', a[prevX]!]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push(['equal', a[--x]!]);
    y--;
  }
  return ops.reverse();
}
