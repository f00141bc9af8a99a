import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, tempDirectory } from '../helpers';
import { createBilingualMou } from '../integration/documents/mouFixture';
import { launchBrowser, startAccord, type RunningAccord, signIn } from './support';

/**
 * The MOU documents panel in the browser: the pre-export warning is shown
 * before the PDF is made, the PDF arrives as a download with the handling
 * marking and the Arabic text; a signed file downloaded here verifies and
 * imports (as a new version) on the import page; recording the signature
 * locks the draft. The panel reads in Arabic too.
 */
const dir = tempDirectory();
const PASSPHRASE = 'correct horse battery';
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let mouId = '';

beforeAll(async () => {
  const db = join(dir.path, 'post.sqlite');
  const app = openTestApp(db);
  ({ mouId } = await createBilingualMou(app, { agreed: true }));
  app.close();
  accord = await startAccord(db, ['--marking', 'SENSITIVE BUT UNCLASSIFIED']);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage();
  await signIn(page, accord.url);
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
  dir.remove();
});

async function downloadFrom(action: () => Promise<void>, file: string): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await action();
  await (await download).saveAs(file);
  return readFileSync(file);
}

describe('MOU documents in the browser', () => {
  it('warns before export, downloads the PDF, exports and imports a signed file, and records the signature', async () => {
    await page.goto(`${accord.url.replace(/\/\?token=.*/, '')}/#/records/mouDrafts/${mouId}`);
    const panel = page.getByTestId('mou-documents');
    await panel.locator('#field-docFormat').selectOption('pdf');
    await panel.getByRole('button', { name: 'Check and export' }).click();
    const warnings = page.getByTestId('pre-export-warnings');
    await expect.poll(() => warnings.textContent()).toMatch(/Clause 2: the numbers differ between the English and Arabic text \(only in English: 90; only in Arabic: 60\)/);

    const pdf = await downloadFrom(() => warnings.getByRole('button', { name: 'Export anyway' }).click(), join(dir.path, 'mou.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [join(dir.path, 'mou.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('SENSITIVE BUT UNCLASSIFIED');
    expect(text).toMatch(/الحدود/);

    // A signed file: this post's key is created with the passphrase, as for a bundle export.
    await panel.locator('#field-docFormat').selectOption('signed');
    await panel.locator('#field-docPassphrase').fill(PASSPHRASE);
    // No post is trusted here yet, so none can be a reader: the person says, explicitly, that it goes unencrypted.
    expect(await panel.getByRole('button', { name: 'Check and export' }).isDisabled()).toBe(true);
    await panel.getByTestId('doc-readers').getByLabel(/Export unencrypted/).check();
    // Set ACCORD_SHOTS=DIR to keep a picture of the documents panel with its readers, for a person to look at.
    if (process.env.ACCORD_SHOTS) await panel.screenshot({ path: join(process.env.ACCORD_SHOTS, 'mou-documents-readers-en.png') });
    await panel.getByRole('button', { name: 'Check and export' }).click();
    const signedPath = join(dir.path, 'mou.accord-mou.zip');
    const signed = await downloadFrom(() => page.getByTestId('pre-export-warnings').getByRole('button', { name: 'Export anyway' }).click(), signedPath);
    expect(signed.subarray(0, 2).toString()).toBe('PK');

    // Record the signature: the draft becomes signed and the signing shows its version hash.
    await panel.locator('#field-signedBy').fill('Jane Doe');
    await panel.getByRole('button', { name: 'Record as signed' }).click();
    await expect.poll(() => page.getByTestId('mou-signings').textContent()).toMatch(/Signed by \u2068Jane Doe\u2069 on \d{1,2} [A-Z][a-z]{2,3} \d{4}: version 1, SHA-256 [0-9a-f]{64}/);
    await expect.poll(() => page.locator('[data-field="status"] dd').textContent()).toBe('Signed');

    // The signed file verifies (sent by this post) and loads as a new version.
    await page.goto(`${accord.url.replace(/\/\?token=.*/, '')}/#/mou`);
    await page.getByRole('link', { name: 'Verify / import a signed MOU file' }).click();
    await page.locator('#field-signedMouFile').setInputFiles(signedPath);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByTestId('signed-mou-verified').textContent()).toContain('Every part matches its signed SHA-256');
    expect(await page.getByTestId('signed-mou-parts').textContent()).toContain('snapshot.json');
    await page.getByRole('button', { name: 'Import as a new version' }).click();
    await expect.poll(() => page.getByTestId('signed-mou-imported').textContent()).toMatch(/Imported as version 2 of the draft/);

    // An altered file is refused, naming the part.
    const altered = Buffer.from(signed);
    altered[altered.indexOf('%PDF') + 50]! ^= 1;
    await page.locator('#field-signedMouFile').setInputFiles({ name: 'altered.accord-mou.zip', mimeType: 'application/zip', buffer: altered });
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByTestId('signed-mou-error').textContent()).toMatch(/Part "mou\.pdf" does not match its signed SHA-256/);

    // Amending the signed MOU starts a new draft copied from it; the signed one is superseded.
    await page.goto(`${accord.url.replace(/\/\?token=.*/, '')}/#/records/mouDrafts/${mouId}`);
    await page.getByTestId('mou-documents').getByRole('button', { name: 'Start a new version' }).click();
    await expect.poll(() => page.url()).not.toContain(mouId);
    await expect.poll(() => page.locator('[data-field="status"] dd').textContent()).toBe('Draft');
    await page.goto(`${accord.url.replace(/\/\?token=.*/, '')}/#/records/mouDrafts/${mouId}`);
    await expect.poll(() => page.locator('[data-field="status"] dd').textContent()).toBe('Superseded');

    // The panel in Arabic (right to left).
    await page.getByRole('button', { name: 'Switch to Arabic' }).click();
    await page.goto(`${accord.url.replace(/\/\?token=.*/, '')}/#/records/mouDrafts/${mouId}`);
    await expect.poll(() => page.getByTestId('mou-documents').locator('h2').textContent()).toBe('المستندات');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });
});
