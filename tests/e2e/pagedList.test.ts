import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecord } from '../../db/repositories/records';
import { seedDatabase } from '../../main/seed/generate';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { openTestApp, tempDirectory } from '../helpers';
import { launchBrowser, startAccord, type RunningAccord, signIn } from './support';

/**
 * A list far longer than a screen, in headless Chromium against the real `accord serve`: the count is the database's,
 * rows come a page at a time as they scroll into view, and the order is the server's (issue 17).
 */
const ADDED = 2_500;
const EXTRA_PROJECTS = 1_050;
const dir = tempDirectory();
const databasePath = join(dir.path, 'accord.sqlite');
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
/** The pages the window asked for: offset, limit and sort of each records.list call for benchmarks. */
const asked: { offset: number; limit: number; sort?: { field: string; direction: string } }[] = [];
let total = 0;

beforeAll(async () => {
  const app = openTestApp(databasePath);
  const store = app.context.store;
  seedDatabase(store, { size: 'small', seed: 4 });
  const projectId = (store.db.prepare('SELECT id FROM projects ORDER BY id LIMIT 1').get() as { id: string }).id;
  const schema = inputSchema(recordType('benchmarks'));
  const projectSchema = inputSchema(recordType('projects'));
  const partnerId = (store.db.prepare('SELECT id FROM partners ORDER BY id LIMIT 1').get() as { id: string }).id;
  store.transaction(() => {
    for (let i = 0; i < ADDED; i++) insertRecord(store, 'benchmarks', schema.parse({ title: `Paged indicator ${String(i).padStart(4, '0')}`, projectId }) as Record<string, unknown>);
    // More projects than a picker lists whole: the last by title is beyond the first PICKER_LIMIT.
    for (let i = 0; i < EXTRA_PROJECTS; i++) insertRecord(store, 'projects', projectSchema.parse({ title: `Zz filler project ${String(i).padStart(4, '0')}`, partnerId, sector: 'police' }) as Record<string, unknown>);
    const last = insertRecord(store, 'projects', projectSchema.parse({ title: 'Zzz last project', partnerId, sector: 'police' }) as Record<string, unknown>);
    insertRecord(store, 'benchmarks', schema.parse({ title: 'Only indicator of the last project', projectId: last }) as Record<string, unknown>);
  });
  total = (store.db.prepare('SELECT COUNT(*) AS n FROM benchmarks').get() as { n: number }).n;
  app.close();
  accord = await startAccord(databasePath);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('request', (request) => {
    if (!request.url().includes('/api/records.list')) return;
    const input = request.postDataJSON() as { type: string; offset?: number; limit: number; sort?: { field: string; direction: string } };
    if (input.type === 'benchmarks') asked.push({ offset: input.offset ?? 0, limit: input.limit, sort: input.sort });
  });
  await signIn(page, accord.url);
  await page.getByTestId('marking-top').waitFor();
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
  dir.remove();
});

/** Titles in the order the database sorts them (by title without case, then id), read beside the running server. */
function titlesInOrder(direction: 'ASC' | 'DESC'): string[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare(`SELECT title FROM benchmarks ORDER BY title COLLATE NOCASE ${direction}, id ${direction}`).all() as { title: string }[]).map((row) => row.title);
  } finally {
    db.close();
  }
}

const list = () => page.getByTestId('benchmarks-list');
const titles = () => list().locator('tbody tr.vrow td:first-child').allTextContents();
const scrollTo = (fraction: number) =>
  list().evaluate((element, at) => {
    element.scrollTop = (element.scrollHeight - element.clientHeight) * at;
    element.dispatchEvent(new Event('scroll'));
  }, fraction);

describe('a long list in the window', () => {
  it('shows the real count and draws only the first page of rows', async () => {
    expect(total).toBeGreaterThan(ADDED);
    await page.evaluate(() => (window.location.hash = '#/records/benchmarks'));
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe(`${total.toLocaleString('en-US')} records`);
    await expect.poll(titles).not.toEqual([]);
    const inOrder = titlesInOrder('ASC');
    const shown = await titles();
    expect(shown).toEqual(inOrder.slice(0, shown.length));
    expect(shown.length).toBeLessThan(100);
    expect(await list().locator('table').getAttribute('aria-rowcount')).toBe(String(total + 1));
    // One page asked for, not the whole list.
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.max(...asked.map((call) => call.offset + call.limit))).toBeLessThan(total);
  });

  it('fetches further pages as the officer scrolls, and draws the rows the database has there', async () => {
    const inOrder = titlesInOrder('ASC');
    await scrollTo(0.5);
    await expect.poll(async () => (await titles()).some((title) => inOrder.indexOf(title) > total * 0.4)).toBe(true);
    await scrollTo(1);
    await expect.poll(async () => (await titles()).at(-1)).toBe(inOrder.at(-1));
    expect(asked.some((call) => call.offset > total * 0.4 && call.offset < total * 0.6)).toBe(true);
    expect(asked.some((call) => call.offset + call.limit >= total)).toBe(true);
    const shown = await titles();
    expect(shown).toEqual(inOrder.slice(inOrder.indexOf(shown[0]!), inOrder.indexOf(shown[0]!) + shown.length));
    expect(await list().locator('tbody tr.vrow').count()).toBeLessThan(100);
  });

  it('sorts on the server: descending by title shows the database order from its first page', async () => {
    await scrollTo(0);
    asked.length = 0;
    await page.getByRole('button', { name: 'Indicator' }).click();
    await page.getByRole('button', { name: 'Indicator' }).click();
    const descending = titlesInOrder('DESC');
    await expect.poll(async () => (await titles())[0]).toBe(descending[0]);
    const shown = await titles();
    expect(shown).toEqual(descending.slice(0, shown.length));
    expect(asked.some((call) => call.sort?.field === 'title' && call.sort.direction === 'desc' && call.offset === 0)).toBe(true);
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe(`${total.toLocaleString('en-US')} records`);
  });

  it('keeps search working on the paged list, with its real count', async () => {
    await page.getByTestId('list-search').fill('paged indicator 0042');
    await expect.poll(titles).toEqual(['Paged indicator 0042']);
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe('1 record');
    await page.getByTestId('list-search').fill('');
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe(`${total.toLocaleString('en-US')} records`);
  });

  it('filters by a linked record the picker cannot list whole: a search box finds it, and the list shows its rows only', async () => {
    // Over a thousand projects: the project filter searches instead of listing the first thousand by title.
    const search = page.locator('#filter-projectId');
    expect(await search.getAttribute('type')).toBe('search');
    await search.fill('zzz last');
    const select = page.locator('#filter-projectId-select');
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['Any', 'Zzz last project']);
    await select.selectOption({ label: 'Zzz last project' });
    await expect.poll(titles).toEqual(['Only indicator of the last project']);
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe('1 record');
    // Its project is past the thousand titles the page loads: its title is asked for by id, not left as "…".
    await expect.poll(() => list().locator('tbody tr.vrow td:nth-child(2)').allTextContents()).toEqual(['Zzz last project']);
    await select.selectOption({ label: 'Any' });
    await expect.poll(() => page.getByTestId('list-count').textContent()).toBe(`${total.toLocaleString('en-US')} records`);
  });
});
