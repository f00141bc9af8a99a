import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { closeDatabase, openDatabase } from '../db/open';
import { insertRecord } from '../db/repositories/records';
import { Store } from '../db/store';
import { seedDatabase } from '../main/seed/generate';
import { recordType } from '../shared/records/registry';
import { inputSchema } from '../shared/records/spec';
import { launchBrowser, signIn, startAccord, type RunningAccord } from '../tests/e2e/support';
import { fmtMs, medianMs, reportRatio } from './measure';
import { record, watchPeak } from './report';
import { scaledDatabase } from './scaleData';

/**
 * Record lists in headless Chromium, the production renderer against the real `accord serve`:
 * - opening the check-in list of 100,000 rows (5x the large seed) against opening one of 1,000 rows: lists page from
 *   the database as they scroll, so the goal is "about as quick" (<= 1.5x); the server's peak memory beside it;
 * - on the large seed's 10,000 benchmarks, the windowed table against the same page drawing every row
 *   (#/records/benchmarks?virtualize=off), opening and scrolling top to bottom (goal <= 0.5x).
 * The databases are kept in the temp folder (bench/scaleData.ts).
 */

let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.setDefaultTimeout(120_000);
});
afterAll(async () => {
  await closeBrowser?.();
});

/** A post with exactly `rows` check-in points: the small seed's, and the rest added under its first project. */
function checkInDatabase(rows: number): string {
  const path = join(tmpdir(), `accord-bench-list-${rows}-checkins-v1.sqlite`);
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const db = openDatabase(building);
  const store = new Store(db);
  seedDatabase(store, { size: 'small', seed: 1 });
  const projectId = (db.prepare('SELECT id FROM projects ORDER BY id LIMIT 1').get() as { id: string }).id;
  const have = (db.prepare('SELECT COUNT(*) AS n FROM check_ins').get() as { n: number }).n;
  const schema = inputSchema(recordType('checkIns'));
  store.transaction(() => {
    for (let i = have; i < rows; i++) insertRecord(store, 'checkIns', schema.parse({ title: `Quarterly review ${i}`, projectId, dueDate: '2027-03-31' }) as Record<string, unknown>);
  });
  closeDatabase(db);
  renameSync(building, path);
  return path;
}

async function serve(path: string): Promise<RunningAccord> {
  const accord = await startAccord(path);
  // The address alone opens nothing: the bench signs in as a person would.
  await signIn(page, accord.url);
  return accord;
}

/** From another page, opens a list and waits until its count and first rows (with `all`, every row) are on screen; ms measured in the page. */
function openList(hash: string, testId: string, rows: number, all = false): Promise<number> {
  return page.evaluate(
    async ({ hash, testId, rows, all }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      window.location.hash = '#/records/partners';
      while (!document.querySelector('[data-testid=partners-table] tr.vrow')) await frame();
      const start = performance.now();
      window.location.hash = hash;
      for (;;) {
        await frame();
        const count = document.querySelector('[data-testid=list-count]')?.textContent ?? '';
        const drawn = document.querySelectorAll(`[data-testid=${testId}] tr.vrow`).length;
        if (count.replace(/\D/g, '') === String(rows) && drawn > 0 && (!all || drawn === rows)) break;
      }
      await frame(); // the frame that paints the rows
      return performance.now() - start;
    },
    { hash, testId, rows, all },
  );
}

/** Scrolls the open list from top to bottom in 40 steps, one painted frame per step; ms measured in the page. */
function scrollThrough(testId: string): Promise<number> {
  return page.evaluate(async (testId) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const list = document.querySelector<HTMLElement>(`[data-testid=${testId}]`)!;
    list.scrollTop = 0;
    await frame();
    const start = performance.now();
    for (let step = 1; step <= 40; step++) {
      list.scrollTop = (list.scrollHeight * step) / 40;
      list.dispatchEvent(new Event('scroll'));
      await frame();
      await frame();
    }
    return performance.now() - start;
  }, testId);
}

const renderedRows = (testId: string) => page.locator(`[data-testid=${testId}] tr.vrow`).count();

describe('record lists in Chromium', () => {
  it('opening a 100,000-row list against a 1,000-row one', async () => {
    const small = await serve(checkInDatabase(1_000));
    const smallMs = await medianMs(() => openList('#/records/checkIns', 'checkIns-list', 1_000), { runs: 5, warmup: 1 });
    await small.stop();
    const large = await serve(scaledDatabase(5));
    await openList('#/records/checkIns', 'checkIns-list', 100_000); // warm-up (the first open of a big file reads it from disk)
    const peak = watchPeak(large.pid);
    const largeMs = await medianMs(() => openList('#/records/checkIns', 'checkIns-list', 100_000), { runs: 5, warmup: 0 });
    const serverPeak = peak.peakMiB();
    const scrollPeak = watchPeak(large.pid);
    const scrollMs = await scrollThrough('checkIns-list');
    const drawn = await renderedRows('checkIns-list');
    const scrollServerPeak = scrollPeak.peakMiB();
    await large.stop();
    if (drawn >= 200) throw new Error(`unexpected rows in the DOM: ${drawn}`);
    record({ measure: `open the check-in list of 100,000 rows: ${fmtMs(largeMs)}`, reference: `of 1,000 rows: ${fmtMs(smallMs)}`, ratio: largeMs / smallMs, goal: 1.5, peakMiB: serverPeak });
    console.log(`[bench] scrolled the 100,000-row list top to bottom in 40 steps: ${fmtMs(scrollMs)}, server peak ${scrollServerPeak?.toFixed(0) ?? '?'} MiB, ${drawn} rows in the DOM`);
  });

  it('the large seed\'s 10,000 benchmarks: windowed against every row drawn', async () => {
    const accord = await serve(scaledDatabase(1));
    const ROWS = 10_000;
    const windowedMs = await medianMs(() => openList('#/records/benchmarks', 'benchmarks-list', ROWS), { runs: 3, warmup: 1 });
    const windowedRows = await renderedRows('benchmarks-list');
    const fullMs = await medianMs(() => openList('#/records/benchmarks?virtualize=off', 'benchmarks-list', ROWS, true), { runs: 3, warmup: 0 });
    const fullRows = await renderedRows('benchmarks-list');
    if (fullRows !== ROWS || windowedRows >= 200) throw new Error(`unexpected rows in the DOM: windowed ${windowedRows}, full ${fullRows}`);
    console.log(`[bench] rows in the DOM: windowed ${windowedRows}, full ${fullRows}`);
    reportRatio({ name: `open benchmark list, windowed (${ROWS} rows)`, measuredMs: windowedMs, referenceName: 'all rows drawn', referenceMs: fullMs, goal: 0.5 });

    await openList('#/records/benchmarks', 'benchmarks-list', ROWS);
    const scrollWindowed = await medianMs(() => scrollThrough('benchmarks-list'), { runs: 3, warmup: 1 });
    await openList('#/records/benchmarks?virtualize=off', 'benchmarks-list', ROWS, true);
    const scrollFull = await medianMs(() => scrollThrough('benchmarks-list'), { runs: 3, warmup: 0 });
    reportRatio({ name: 'scroll benchmark list, windowed (40 steps)', measuredMs: scrollWindowed, referenceName: 'all rows drawn', referenceMs: scrollFull, goal: 0.5 });
    await accord.stop();
  });
});
