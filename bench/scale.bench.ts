import { afterAll, describe, it } from 'vitest';
import type { AccordApp } from '../main/app';
import { openTestApp } from '../tests/helpers';
import { fmtMs, medianMs } from './measure';
import { record, watchPeak } from './report';
import { scaledDatabase } from './scaleData';

/**
 * What the officer waits for as the post grows (issue 17): the partner overview, list pages and search, through the
 * handler path, on databases holding 1x, 2x and 4x the large seed (bench/scaleData.ts). The same partner (seed 1's
 * Jordan), the same queries, the same page; goal: at 2x and 4x within 1.5x of the same at 1x. Peak memory is this
 * process's while the measure ran.
 */

const SCALES = [1, 2, 4] as const;
const TODAY = '2026-06-01';
const opened: AccordApp[] = [];
afterAll(() => opened.forEach((app) => app.close()));

interface Measure {
  name: string;
  method: string;
  input: (app: AccordApp) => unknown;
}

const one = (app: AccordApp, sql: string) => (app.context.store.db.prepare(sql).get() as { id: string }).id;
const MEASURES: Measure[] = [
  { name: 'partner overview', method: 'overview.partner', input: (app) => ({ partnerId: one(app, "SELECT id FROM partners WHERE name = 'Jordan'"), today: TODAY }) },
  { name: 'check-in list, first page of 200 by title', method: 'records.list', input: () => ({ type: 'checkIns', limit: 200, offset: 0 }) },
  { name: 'check-in list, page of 200 at row 15,000', method: 'records.list', input: () => ({ type: 'checkIns', limit: 200, offset: 15_000 }) },
  { name: 'planned check-ins by due date, first page', method: 'records.list', input: () => ({ type: 'checkIns', filter: { status: 'planned' }, sort: { field: 'dueDate', direction: 'asc' }, limit: 200, offset: 0 }) },
  { name: "benchmarks of one project, by title", method: 'records.list', input: (app) => ({ type: 'benchmarks', filter: { projectId: one(app, "SELECT p.id FROM projects p JOIN partners r ON r.id = p.partner_id WHERE r.name = 'Jordan' ORDER BY p.title LIMIT 1") }, limit: 200, offset: 0 }) },
  { name: 'check-ins matching "forensics", first page', method: 'records.list', input: () => ({ type: 'checkIns', search: 'forensics', limit: 200, offset: 0 }) },
  { name: 'global search "border patrol"', method: 'search.global', input: () => ({ query: 'border patrol' }) },
  { name: 'global search "الأمن البحري"', method: 'search.global', input: () => ({ query: 'الأمن البحري' }) },
];

/** Per-call time: sub-millisecond calls are timed in batches of at least ~5 ms, the best of 5 medians. */
async function perCall(app: AccordApp, method: string, input: unknown): Promise<number> {
  const call = async () => {
    const result = await app.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  };
  const once = await medianMs(call, { runs: 3, warmup: 2 });
  const batch = Math.max(1, Math.ceil(5 / Math.max(once, 0.001)));
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    best = Math.min(best, (await medianMs(async () => { for (let i = 0; i < batch; i++) await call(); }, { runs: 5, warmup: 0 })) / batch);
  }
  return best;
}

describe('costs as the post grows (1x, 2x, 4x the large seed)', () => {
  it('overview, list pages and search at 2x and 4x against 1x', async () => {
    const times = new Map<string, Map<number, { ms: number; peakMiB: number | undefined }>>();
    for (const scale of SCALES) {
      const app = openTestApp(scaledDatabase(scale));
      opened.push(app);
      app.open();
      for (const measure of MEASURES) {
        const peak = watchPeak();
        const ms = await perCall(app, measure.method, measure.input(app));
        if (!times.has(measure.name)) times.set(measure.name, new Map());
        times.get(measure.name)!.set(scale, { ms, peakMiB: peak.peakMiB() });
        console.log(`[bench] ${measure.name} at ${scale}x: ${fmtMs(ms)}`);
      }
      app.close();
    }
    for (const [name, byScale] of times) {
      const base = byScale.get(1)!;
      for (const scale of SCALES.filter((s) => s > 1)) {
        const at = byScale.get(scale)!;
        record({ measure: `${name} at ${scale}x: ${fmtMs(at.ms)}`, reference: `at 1x: ${fmtMs(base.ms)}`, ratio: at.ms / base.ms, goal: 1.5, peakMiB: at.peakMiB });
      }
    }
  });
});
