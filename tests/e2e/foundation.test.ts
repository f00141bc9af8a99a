import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory } from '../helpers';
import { launchBrowser, startAccord, type RunningAccord, signIn } from './support';

/**
 * An officer's first session, in a real headless Chromium against the real
 * `accord serve`: partner, MOU draft, edit, bad input, delete, restart.
 */
const dir = tempDirectory();
const databasePath = join(dir.path, 'accord.sqlite');
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  accord = await startAccord(databasePath);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage();
  await signIn(page, accord.url);
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
  dir.remove();
});

const field = (name: string) => page.locator(`#field-${name}`);
const fieldError = (name: string) => page.locator(`#field-${name}-error`);
const mainNav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

/** Saving a form opens the saved record's page, titled with its name. */
async function expectSavedRecordPage(title: string) {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
}

async function createPartner(name: string, isoCode: string) {
  await page.getByRole('link', { name: 'New Partner nation' }).click();
  await field('name').fill(name);
  await field('isoCode').fill(isoCode);
  await page.getByRole('button', { name: 'Save' }).click();
  await expectSavedRecordPage(name);
  await mainNav('Partner nations').click();
  await expect.poll(() => page.locator('[data-testid=partners-table]').textContent()).toContain(name);
}

describe('foundation workflow in the browser', () => {
  it('shows the handling marking at the top and bottom and drops the token from the address bar', async () => {
    await expect.poll(() => page.getByTestId('marking-top').textContent()).toBe('UNCLASSIFIED');
    expect(await page.getByTestId('marking-bottom').textContent()).toBe('UNCLASSIFIED');
    expect(page.url()).not.toContain('token=');
  });

  it('creates a partner nation, refusing a blank name at the field', async () => {
    await page.getByRole('link', { name: 'New Partner nation' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => fieldError('name').textContent()).toBe('This field is required.');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await createPartner('Tunisia', 'tn');
    await createPartner('Jordan', 'JO');
  });

  it('shows a main-side error at its field (duplicate name) and saves nothing', async () => {
    await page.getByRole('link', { name: 'New Partner nation' }).click();
    await field('name').fill('tunisia');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => fieldError('name').textContent()).toBe('A record with this name already exists.');
    // The refused name is still typed in: leaving asks first.
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(() => page.locator('[data-testid=partners-table] tbody tr.vrow').count()).toBe(2);
  });

  it('creates an MOU draft, refusing an empty title, a missing partner and over-long text', async () => {
    await mainNav('MOU drafts').click();
    await page.getByRole('link', { name: 'New MOU draft' }).click();
    await field('summary').fill('x'.repeat(4001));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => fieldError('title').textContent()).toBe('This field is required.');
    expect(await fieldError('partnerId').textContent()).toBe('Choose a partner nation.');
    expect(await fieldError('summary').textContent()).toBe('Use at most 4,000 characters.');

    await field('title').fill('Border security cooperation');
    await field('partnerId').selectOption({ label: 'Tunisia' });
    await field('sector').selectOption('border_security');
    await field('parties').fill('Ministry of Interior\nU.S. Embassy Tunis');
    await field('summary').fill('Joint training for border guards.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectSavedRecordPage('Border security cooperation');
    await mainNav('MOU drafts').click();
    const table = page.locator('[data-testid=mou-table]');
    await expect.poll(() => table.textContent()).toContain('Border security cooperation');
    expect(await table.textContent()).toContain('Tunisia');
    expect(await table.textContent()).toContain('Border security');
  });

  it('edits the draft', async () => {
    await page.getByRole('button', { name: 'Edit Border security cooperation' }).click();
    expect(await field('parties').inputValue()).toBe('Ministry of Interior\nU.S. Embassy Tunis');
    await field('title').fill('Border security MOU');
    await field('status').selectOption('in_negotiation');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectSavedRecordPage('Border security MOU');
    await mainNav('MOU drafts').click();
    const table = page.locator('[data-testid=mou-table]');
    await expect.poll(() => table.textContent()).toContain('Border security MOU');
    expect(await table.textContent()).toContain('In negotiation');
  });

  it('refuses to delete a partner that has a draft, with a visible message', async () => {
    await mainNav('Partner nations').click();
    await page.getByRole('button', { name: 'Delete Tunisia' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('still has 1 MOU draft');
    expect(await page.locator('[data-testid=partners-table]').textContent()).toContain('Tunisia');
  });

  it('keeps everything after a restart', async () => {
    await accord.stop();
    accord = await startAccord(databasePath);
    await signIn(page, accord.url.replace('/?', '/?') + '#/records/mouDrafts');
    await expect.poll(() => page.locator('[data-testid=mou-table]').textContent()).toContain('Border security MOU');
  });

  it('deletes only after confirmation', async () => {
    await page.getByRole('button', { name: 'Delete Border security MOU' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('[data-testid=mou-table]').textContent()).toContain('Border security MOU');
    await page.getByRole('button', { name: 'Delete Border security MOU' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByText('No MOU drafts yet.').count()).toBe(1);
  });

  it('works in Arabic, right to left, with Arabic field messages', async () => {
    await page.getByRole('button', { name: 'Switch to Arabic' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('link', { name: 'إضافة مسودة مذكرة تفاهم' }).click();
    await page.getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => fieldError('title').textContent()).toBe('هذا الحقل مطلوب.');
    await page.screenshot({ path: join(__dirname, '..', '..', 'dist', 'screenshot-ar.png') });
    await page.getByRole('button', { name: 'التبديل إلى الإنجليزية' }).click();
  });
});
