import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser, startAccord, type RunningAccord } from '../tests/e2e/support';
import { medianMs, reportRatio } from './measure';

/**
 * The benchmark list with 10,000 rows (the large seed: 50 partners x 8
 * projects x 25 benchmarks) in headless Chromium: the windowed table against
 * the same page drawing every row (#/records/benchmarks?virtualize=off).
 * Both load the same rows through the same API call, so the ratio is what
 * windowing saves the officer. The seeded file is kept in the temp folder.
 */

const ROWS = 10_000;
const databasePath = join(tmpdir(), 'accord-bench-planning-list-large-seed1.sqlite');
const root = join(__dirname, '..');
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  if (!existsSync(databasePath)) {
    console.log(`[bench] seeding the large dataset into ${databasePath} (once)…`);
    const seeded = spawnSync(process.execPath, [join(root, 'bin', 'accord.cjs'), 'seed', '--db', databasePath, '--size', 'large', '--seed', '1'], { stdio: 'inherit', env: { ...process.env, ACCORD_DB: '' } });
    if (seeded.status !== 0) throw new Error('accord seed failed');
  }
  accord = await startAccord(databasePath);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.setDefaultTimeout(120_000);
  await page.goto(accord.url);
  await page.getByTestId('marking-top').waitFor();
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
});

/** From another page, opens the benchmark list and waits until its rows are on screen; ms measured in the page. */
function openList(virtualize: boolean): Promise<number> {
  return page.evaluate(
    async ({ hash, rows }) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      window.location.hash = '#/records/partners';
      while (!document.querySelector('[data-testid=partners-list] tr.vrow')) await frame();
      const start = performance.now();
      window.location.hash = hash;
      for (;;) {
        await frame();
        const count = document.querySelector('[data-testid=list-count]')?.textContent ?? '';
        if (count.replace(/\D/g, '') === String(rows) && document.querySelector('[data-testid=benchmarks-list] tr.vrow')) break;
      }
      await frame(); // the frame that paints the rows
      return performance.now() - start;
    },
    { hash: virtualize ? '#/records/benchmarks' : '#/records/benchmarks?virtualize=off', rows: ROWS },
  );
}

/** Scrolls the open list from top to bottom in 40 steps, one painted frame per step; ms measured in the page. */
function scrollThrough(): Promise<number> {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const list = document.querySelector<HTMLElement>('[data-testid=benchmarks-list]')!;
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
  });
}

async function renderedRows(): Promise<number> {
  return page.locator('[data-testid=benchmarks-list] tr.vrow').count();
}

describe('benchmark list with 10,000 rows in Chromium', () => {
  it('opening the list: windowed vs every row drawn', async () => {
    const windowedMs = await medianMs(() => openList(true), { runs: 3, warmup: 1 });
    const windowedRows = await renderedRows();
    const fullMs = await medianMs(() => openList(false), { runs: 3, warmup: 0 });
    const fullRows = await renderedRows();
    if (fullRows !== ROWS || windowedRows >= 200) throw new Error(`unexpected rows in the DOM: windowed ${windowedRows}, full ${fullRows}`);
    console.log(`[bench] rows in the DOM: windowed ${windowedRows}, full ${fullRows}`);
    reportRatio({ name: `open benchmark list, windowed (${ROWS} rows)`, measuredMs: windowedMs, referenceName: 'all rows drawn', referenceMs: fullMs, goal: 0.5 });
  });

  it('scrolling top to bottom: windowed vs every row drawn', async () => {
    await openList(true);
    const windowedMs = await medianMs(scrollThrough, { runs: 3, warmup: 1 });
    await openList(false);
    const fullMs = await medianMs(scrollThrough, { runs: 3, warmup: 0 });
    reportRatio({ name: 'scroll benchmark list, windowed (40 steps)', measuredMs: windowedMs, referenceName: 'all rows drawn', referenceMs: fullMs, goal: 0.5 });
  });
});
