import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoAccord } from './support';

/**
 * A benchmark's results page in Chromium, on the seeded demo data: the progress chart (plan, measured values,
 * periodic targets) with one dot per measured value, the table of the same points, the trend beside the latest
 * joint rating; in Arabic the time axis runs right to left with the value axis on the right.
 */
let benchmark: { id: string; title: string; measured: number; targets: number };

const demo = useDemoAccord({
  inspect(db) {
    benchmark = db
      .prepare(
        `SELECT b.id, b.title, (SELECT COUNT(*) FROM measurements m WHERE m.benchmark_id = b.id AND m.value <> '') AS measured, (SELECT COUNT(*) FROM benchmark_targets t WHERE t.benchmark_id = b.id) AS targets
         FROM benchmarks b WHERE b.unit = 'number' ORDER BY targets DESC, measured DESC, b.id LIMIT 1`,
      )
      .get() as typeof benchmark;
    expect(benchmark.measured).toBeGreaterThan(1);
  },
});
const { shots } = demo;

async function open(language: 'en' | 'ar'): Promise<Page> {
  const page = await demo.open(language, `#/records/benchmarks/${benchmark.id}`);
  await page.getByTestId('progress-chart').locator('.recharts-wrapper > svg').waitFor();
  await page.getByTestId('progress-chart').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, `benchmark-chart-${language}.png`), fullPage: true });
  return page;
}

/** x of each tick label of the time axis, in the order the axis draws them (oldest first). */
const tickXs = (page: Page) => page.locator('.recharts-xAxis-tick-labels text').evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('x'))));

describe('a benchmark’s progress chart', () => {
  it('draws the plan, each measured value and the periodic targets, beside a table of the same points, with the trend next to the joint rating', async () => {
    const page = await open('en');
    const chart = page.getByTestId('progress-chart');
    await expect.poll(() => chart.locator('.recharts-line-dots').last().locator('circle').count()).toBe(benchmark.measured);
    expect(await chart.locator('.recharts-line').count()).toBe(2);
    expect(await chart.locator('.recharts-scatter-symbol').count()).toBe(benchmark.targets);
    expect((await chart.locator('.recharts-legend-item-text').allTextContents()).sort()).toEqual(['Measured', 'Periodic target', 'Plan (baseline to target)']);
    const table = page.getByTestId('progress-table');
    expect(await table.locator('tbody tr[data-kind=measured]').count()).toBeGreaterThanOrEqual(benchmark.measured);
    expect(await table.locator('tbody tr[data-kind=baseline]').count()).toBe(1);
    expect(await table.locator('tbody tr[data-kind=target]').count()).toBe(1);
    expect(await page.getByTestId('trend').getAttribute('data-status')).toMatch(/^(ahead|on|behind)$/);
    expect(await page.getByTestId('latest-rating').textContent()).toMatch(/On track|At risk|Off track|Not rated/);
    const xs = await tickXs(page);
    expect(xs.length).toBeGreaterThan(1);
    expect(xs[0]!).toBeLessThan(xs[xs.length - 1]!);
    await page.screenshot({ path: join(shots, 'benchmark-chart-en.png'), fullPage: true });
    await page.close();
  });

  it('reads right to left in Arabic: time runs from the right, the value axis on the right, the legend right to left', async () => {
    const page = await open('ar');
    const chart = page.getByTestId('progress-chart');
    await expect.poll(() => chart.locator('.recharts-line-dots').last().locator('circle').count()).toBe(benchmark.measured);
    expect((await chart.locator('.recharts-legend-item-text').allTextContents()).sort()).toEqual(['الخطة (من خط الأساس إلى الهدف)', 'المقيس', 'هدف دوري'].sort());
    const xs = await tickXs(page);
    expect(xs[0]!).toBeGreaterThan(xs[xs.length - 1]!);
    const surface = await chart.locator('.recharts-wrapper > svg').boundingBox();
    const yAxis = await chart.locator('.recharts-yAxis').boundingBox();
    expect(yAxis!.x).toBeGreaterThan(surface!.x + surface!.width / 2);
    expect(await chart.locator('.recharts-legend-wrapper').evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
    expect(await page.getByTestId('progress-table').locator('caption').textContent()).toContain('خط الأساس');
    await page.screenshot({ path: join(shots, 'benchmark-chart-ar.png'), fullPage: true });
    await page.close();
  });
});
