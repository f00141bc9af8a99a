import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory } from '../helpers';
import { createFirstOfficer, launchBrowser, signIn, startAccord, type RunningAccord } from './support';

/**
 * A new database in browser mode: the first screen asks for the post's name
 * and the passphrase that seals its new signing key, then shows the key's
 * fingerprint and where the data lives; the header's Backup button writes a
 * backup into the backups folder. Screenshots (English and Arabic) land in
 * dist/test-report/ for a person to look at.
 */
const dir = tempDirectory();
const databasePath = join(dir.path, 'accord.sqlite');
const shots = join(__dirname, '..', '..', 'dist', 'test-report');
const PASSPHRASE = 'correct horse battery';
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  accord = await startAccord(databasePath, [], { firstStart: true });
  ({ browser, close: closeBrowser } = await launchBrowser());
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
  dir.remove();
});

async function openFresh(language: 'en' | 'ar'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 820 } });
  page.setDefaultTimeout(15_000);
  await page.addInitScript((lang) => localStorage.setItem('accord.language', lang), language);
  await page.goto(accord.url);
  // The first page creates the post's first officer (the default editor); later ones sign in as it.
  if (officerCreated) await signIn(page);
  else await createFirstOfficer(page);
  officerCreated = true;
  return page;
}
let officerCreated = false;

describe('first start', () => {
  it('shows the welcome in Arabic, right to left, before anything else but the first officer', async () => {
    const page = await openFresh('ar');
    const dialog = page.getByTestId('first-start');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await dialog.textContent()).toContain('مرحبًا بك في أكورد');
    await page.locator('#field-welcomeName').fill('السفارة في تونس، مكتب التعاون الدفاعي');
    await page.screenshot({ path: join(shots, 'first-start-ar.png') });
    await page.close();
  });

  it('asks for the name and the passphrase, then shows the fingerprint and where the data is', async () => {
    const page = await openFresh('en');
    const dialog = page.getByTestId('first-start');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.locator('#field-welcomeName').fill('Embassy Tunis, Office of Defense Cooperation');
    await page.locator('#field-welcomePassphrase').fill(PASSPHRASE);
    await page.locator('#field-welcomePassphraseAgain').fill('not the same');
    await page.screenshot({ path: join(shots, 'first-start-en.png') });
    await page.getByRole('button', { name: 'Name this post' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('The two passphrases are not the same.');
    await page.locator('#field-welcomePassphraseAgain').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Name this post' }).click();
    const fingerprint = page.getByTestId('first-start-fingerprint');
    await expect.poll(() => fingerprint.textContent()).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(await dialog.textContent()).toContain(databasePath);
    await page.screenshot({ path: join(shots, 'first-start-ready-en.png') });
    await page.getByRole('button', { name: 'Start planning' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.locator('.post').textContent()).toContain('Embassy Tunis, Office of Defense Cooperation');

    // The header's Backup button writes into the backups folder beside the database.
    await page.getByRole('button', { name: 'Backup', exact: true }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    const done = page.getByTestId('backup-dialog').getByRole('status');
    await expect.poll(() => done.textContent()).toMatch(/Backup written: .*backups.*accord-.*\.sqlite/);
    const written = (await done.textContent())!.match(/: (.+\.sqlite) \(/)![1]!;
    expect(existsSync(written)).toBe(true);
    await page.screenshot({ path: join(shots, 'backup-en.png') });

    // Named now: the next visit goes straight to the app.
    const again = await openFresh('en');
    await expect.poll(() => again.locator('.post').textContent()).toContain('Embassy Tunis');
    expect(await again.getByTestId('first-start').count()).toBe(0);
    await again.close();
    await page.close();
  });
});
