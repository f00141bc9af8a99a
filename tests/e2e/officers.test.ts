import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory, TEST_OFFICER } from '../helpers';
import { launchBrowser, signIn, startAccord, type RunningAccord } from './support';

/** Officers in the window: sign-in, the header, the officers page, the idle lock (time moved by Playwright's clock), in English and Arabic. */
const dir = tempDirectory();
const shots = process.env.ACCORD_SHOTS_OFFICERS ?? '/tmp/shots-officers';
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  accord = await startAccord(join(dir.path, 'accord.sqlite'));
  ({ browser, close: closeBrowser } = await launchBrowser());
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
  dir.remove();
});

async function openPage(language: 'en' | 'ar'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.addInitScript((lang) => localStorage.setItem('accord.language', lang), language);
  // The page's timers and Date come from this clock: the idle time passes when the test says so.
  await page.clock.install();
  return page;
}

describe('officers in the window', () => {
  it('asks who is signing in, refuses a wrong passphrase, then names the officer in the header', async () => {
    const page = await openPage('en');
    await page.goto(accord.url);
    const screen = page.getByTestId('session-screen');
    await screen.waitFor();
    await screen.locator('#field-signInPassphrase').fill('not the passphrase');
    await screen.locator('button[type=submit]').click();
    await expect.poll(() => screen.getByRole('alert').textContent()).toBe('That officer and passphrase do not match.');
    await page.screenshot({ path: join(shots, 'sign-in-en.png') });
    await signIn(page);
    await expect.poll(() => page.getByTestId('signed-in').textContent()).toContain(`Signed in: \u2068${TEST_OFFICER.name}\u2069 (Editor)`);

    // An editor adds a read-only officer.
    await page.getByRole('link', { name: 'Officers' }).click();
    const form = page.getByTestId('add-officer');
    await form.locator('#field-officerName').fill('Sam Cole');
    await form.locator('#field-officerPassphrase').fill('sam passphrase');
    await form.getByRole('button', { name: 'Add officer' }).click();
    await expect.poll(() => page.getByTestId('officers-page').textContent()).toContain('Sam Cole');
    await page.screenshot({ path: join(shots, 'officers-en.png'), fullPage: true });

    // The audit trail says who made a change.
    await page.goto(accord.url.replace(/\/\?token=.*/, '/#/records/partners/new'));
    await page.locator('#field-name').fill('Republic of Tunisia');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('audit-trail').textContent()).toContain(`by \u2068${TEST_OFFICER.name}\u2069`);
    await page.screenshot({ path: join(shots, 'audit-en.png'), fullPage: true });

    // Idle for the post's 15 minutes: the lock screen covers the page, and what was typed survives it.
    await page.goto(accord.url.replace(/\/\?token=.*/, '/#/records/partners/new'));
    await page.locator('#field-name').fill('Kingdom of Morocco (unsaved)');
    await page.clock.fastForward('14:00');
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    await page.clock.fastForward('01:10');
    await page.getByTestId('lock-screen').waitFor();
    await page.screenshot({ path: join(shots, 'lock-en.png') });
    const lock = page.getByTestId('lock-screen');
    await lock.locator('#field-unlockPassphrase').fill('wrong passphrase');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => lock.getByRole('alert').textContent()).toBe('That officer and passphrase do not match.');
    await lock.locator('#field-unlockPassphrase').fill(TEST_OFFICER.passphrase);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByTestId('lock-screen').count()).toBe(0);
    expect(await page.locator('#field-name').inputValue()).toBe('Kingdom of Morocco (unsaved)');

    await page.getByTestId('signed-in').getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('session-screen').waitFor();
    await page.close();
  });

  it('in Arabic: signs in a read-only officer, whose change is refused in Arabic, and locks', async () => {
    const page = await openPage('ar');
    await page.goto(accord.url);
    const screen = page.getByTestId('session-screen');
    await screen.locator('#field-signInOfficer').selectOption({ label: 'Sam Cole' });
    await screen.locator('#field-signInPassphrase').fill('sam passphrase');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: join(shots, 'sign-in-ar.png') });
    await screen.locator('button[type=submit]').click();
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('signed-in').textContent()).toContain('اطلاع فقط');
    // No officers link for a read-only officer; the page itself says only editors manage officers.
    await page.goto(accord.url.replace(/\/\?token=.*/, '/#/officers'));
    await expect.poll(() => page.getByTestId('officers-page').textContent()).toContain('لا يدير الموظفين إلا محرِّر.');
    // A read-only officer still changes their own passphrase, after giving the current one.
    const own = page.getByTestId('own-passphrase');
    await own.locator('#field-ownCurrent').fill('not my passphrase');
    await own.locator('#field-ownNext').fill('sam new passphrase');
    await own.locator('#field-ownAgain').fill('sam new passphrase');
    await own.locator('button[type=submit]').click();
    await expect.poll(() => own.getByTestId('own-passphrase-error').textContent()).toBe('هذه ليست عبارة مرورك الحالية.');
    await page.screenshot({ path: join(shots, 'officers-read-only-ar.png'), fullPage: true });
    await own.locator('#field-ownCurrent').fill('sam passphrase');
    await own.locator('button[type=submit]').click();
    await expect.poll(async () => (await page.getByRole('status').allTextContents()).join(' ')).toContain('تغيّرت عبارة مرورك');

    await page.goto(accord.url.replace(/\/\?token=.*/, '/#/records/partners/new'));
    await page.locator('#field-name').fill('المملكة الأردنية الهاشمية');
    await page.locator('form button[type=submit]').first().click();
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' ')).toContain('Sam Cole موظف للاطلاع فقط');
    await page.screenshot({ path: join(shots, 'refused-ar.png') });

    await page.clock.fastForward('15:10');
    await page.getByTestId('lock-screen').waitFor();
    expect(await page.getByTestId('lock-screen').textContent()).toContain('أُقفل أكورد بعد 15 دقيقة');
    await page.screenshot({ path: join(shots, 'lock-ar.png') });
    await page.close();
  });

  it('in Arabic: the officers page for an editor', async () => {
    const page = await openPage('ar');
    await signIn(page, accord.url.replace('/?', '/?') + '#/officers');
    await expect.poll(() => page.getByTestId('officers-page').textContent()).toContain('Sam Cole');
    await page.screenshot({ path: join(shots, 'officers-ar.png'), fullPage: true });
    await page.close();
  });
});
