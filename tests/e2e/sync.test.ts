import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, openTestApp, tempDirectory } from '../helpers';
import { apiSignedIn, launchBrowser, startAccord, type RunningAccord, signIn } from './support';

/**
 * Two posts, two `accord serve` instances on two databases, seeded
 * differently: each names itself and creates its key in the Sync section,
 * exports a bundle (downloaded by the browser), and the other imports it
 * through the UI (upload, preview, trust by fingerprint, apply). Both end with
 * identical `accord dump` output.
 */
const dir = tempDirectory();
const bin = join(__dirname, '..', '..', 'bin', 'accord.cjs');
const PASSPHRASE = 'correct horse battery';
const posts: { name: string; db: string; accord?: RunningAccord; page?: Page }[] = [
  { name: 'Embassy Tunis, ODC', db: join(dir.path, 'tunis.sqlite') },
  { name: 'Embassy Rabat, SCO', db: join(dir.path, 'rabat.sqlite') },
];
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  for (const [post, partner] of [[posts[0]!, 'Tunisia'], [posts[1]!, 'Morocco']] as const) {
    const app = openTestApp(post.db);
    await callOk(app, 'records.create', { type: 'partners', values: { name: partner, isoCode: '' } });
    app.close();
    post.accord = await startAccord(post.db);
  }
  ({ browser, close: closeBrowser } = await launchBrowser());
  for (const post of posts) {
    post.page = await browser.newPage();
    await signIn(post.page, post.accord!.url);
  }
});
afterAll(async () => {
  await closeBrowser?.();
  for (const post of posts) await post.accord?.stop();
  dir.remove();
});

async function setUpIdentity(page: Page, name: string): Promise<string> {
  await page.getByRole('link', { name: 'Sync' }).click();
  await page.locator('#field-postName').fill(name);
  await page.locator('#field-keyPassphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create key' }).click();
  const fingerprint = page.getByTestId('own-fingerprint');
  await expect.poll(() => fingerprint.textContent()).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  return (await fingerprint.textContent())!;
}

/** Exports through the Sync screen; without readers, the person ticks "unencrypted" (there is no default). */
async function exportBundle(page: Page, forPostName: string | null, file: string, readers: string[] = []): Promise<void> {
  if (forPostName) await page.locator('#field-exportFor').selectOption({ label: `Changes for ${forPostName} since what it has seen` });
  await page.locator('#field-exportPassphrase').fill(PASSPHRASE);
  const picker = page.getByTestId('export-readers');
  if (readers.length === 0) await picker.getByLabel(/Export unencrypted/).check();
  for (const reader of readers) await picker.getByLabel(reader, { exact: true }).check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create bundle' }).click();
  await (await download).saveAs(file);
  await expect.poll(() => page.getByTestId('export-result').textContent()).toMatch(/Bundle ready/);
}

async function importBundle(page: Page, file: string, senderFingerprint: string, expectedNew: { table: string; count: number }) {
  await page.locator('#field-bundleFile').setInputFiles(file);
  await page.getByRole('button', { name: 'Check file' }).click();
  const trust = page.getByTestId('preview-trust');
  await expect.poll(() => trust.textContent()).toMatch(/not trusted yet|trusted/);
  expect(await page.getByTestId('preview-fingerprint').textContent()).toBe(senderFingerprint);
  if (/not trusted yet/.test((await trust.textContent()) ?? '')) {
    await page.getByRole('button', { name: 'The fingerprint matches: trust this post' }).click();
    await expect.poll(() => trust.textContent()).toBe('Sender is trusted.');
  }
  const row = page.getByTestId(`preview-${expectedNew.table}`);
  await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(String(expectedNew.count));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).count()).toBeGreaterThan(0);
}

/** Set ACCORD_E2E_SCREENSHOTS=DIR to keep screenshots of the Sync section for a person to look at. */
const shotDirectory = process.env.ACCORD_E2E_SCREENSHOTS;

/** A direct call to a running `accord serve` (as a second person at that post would make through its UI). */
async function api<T = unknown>(url: string, method: string, input: unknown): Promise<T> {
  return (await apiSignedIn(url))<T>(method, input);
}

const dump = (db: string) => spawnSync(process.execPath, [bin, 'dump', '--db', db], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: '' } }).stdout;

describe('sync through the UI', () => {
  it('two posts exchange bundles in the browser and end identical', async () => {
    const [tunis, rabat] = posts as [Required<(typeof posts)[0]>, Required<(typeof posts)[0]>];
    const tunisFingerprint = await setUpIdentity(tunis.page, tunis.name);
    const rabatFingerprint = await setUpIdentity(rabat.page, rabat.name);
    expect(tunisFingerprint).not.toBe(rabatFingerprint);

    const first = join(dir.path, 'tunis-everything.accord-bundle');
    await exportBundle(tunis.page, null, first);
    await importBundle(rabat.page, first, tunisFingerprint, { table: 'partners', count: 1 });
    await expect.poll(() => rabat.page.getByTestId('peers-table').textContent()).toContain(tunis.name);

    // Rabat answers with only what Tunis lacks.
    const answer = join(dir.path, 'rabat-for-tunis.accord-bundle');
    await exportBundle(rabat.page, tunis.name, answer);
    await importBundle(tunis.page, answer, rabatFingerprint, { table: 'partners', count: 1 });

    const tunisDump = dump(tunis.db);
    expect(tunisDump).toContain('Morocco');
    expect(tunisDump).toContain('Tunisia');
    expect(dump(rabat.db)).toBe(tunisDump);

    // Trusted from a bundle, Rabat has no encryption key at Tunis yet: its key file brings one, and from then
    // on Tunis's changes for Rabat are encrypted to it (ticked for the person, as the post they are for).
    const picker = tunis.page.getByTestId('export-readers');
    await expect.poll(() => picker.textContent()).toContain(`${rabat.name}: no encryption key yet`);
    const keyDownload = rabat.page.waitForEvent('download');
    await rabat.page.getByRole('button', { name: 'Export public key file' }).click();
    const rabatKey = join(dir.path, 'rabat.key.json');
    await (await keyDownload).saveAs(rabatKey);
    await tunis.page.locator('#field-bundleFile').setInputFiles(rabatKey);
    await tunis.page.getByRole('button', { name: 'Check file' }).click();
    await expect.poll(() => tunis.page.getByTestId('key-file-fingerprint').textContent()).toBe(rabatFingerprint);
    await tunis.page.getByRole('button', { name: 'The fingerprint matches: trust this post' }).click();
    await expect.poll(() => tunis.page.getByTestId('peers-table').textContent()).toContain('Received');
    await api(tunis.accord.url, 'records.create', { type: 'partners', values: { name: 'Libya', isoCode: 'LY', notes: 'sealed for Rabat' } });
    await tunis.page.locator('#field-exportFor').selectOption({ label: `Changes for ${rabat.name} since what it has seen` });
    expect(await picker.getByLabel(rabat.name, { exact: true }).isChecked()).toBe(true);
    if (shotDirectory) await tunis.page.screenshot({ path: join(shotDirectory, 'sync-readers-en.png'), fullPage: true });
    const sealed = join(dir.path, 'tunis-for-rabat.accord-bundle');
    await exportBundle(tunis.page, rabat.name, sealed, [rabat.name]);
    await expect.poll(() => tunis.page.getByTestId('export-result').textContent()).toContain(`Encrypted to ${rabat.name}.`);
    const { readFileSync: read } = await import('node:fs');
    expect(read(sealed).includes('sealed for Rabat')).toBe(false);
    await importBundle(rabat.page, sealed, tunisFingerprint, { table: 'partners', count: 1 });
    expect(dump(rabat.db)).toContain('sealed for Rabat');

    // An altered file is refused with a message that says so.
    const { readFileSync, writeFileSync } = await import('node:fs');
    const altered = Buffer.from(readFileSync(answer));
    altered.writeUInt8(altered.readUInt8(altered.length - 80) ^ 0xff, altered.length - 80);
    const alteredPath = join(dir.path, 'altered.accord-bundle');
    writeFileSync(alteredPath, altered);
    await tunis.page.locator('#field-bundleFile').setInputFiles(alteredPath);
    await tunis.page.getByRole('button', { name: 'Check file' }).click();
    await expect.poll(() => tunis.page.getByTestId('import-error').textContent()).toMatch(/altered after it was signed/);

    // Both posts edit the same field before exchanging: the conflict is listed with both values, either can be kept.
    const morocco = await api<{ rows: { id: string; name: string }[] }>(tunis.accord.url, 'records.list', { type: 'partners' }).then((list) => list.rows.find((p) => p.name === 'Morocco')!);
    await api(tunis.accord.url, 'records.update', { type: 'partners', id: morocco.id, values: { name: 'Morocco', notes: 'Tunis: MoI meeting moved to June' } });
    await api(rabat.accord.url, 'records.update', { type: 'partners', id: morocco.id, values: { name: 'Morocco', notes: 'Rabat: MoI meeting on 3 May' } });
    const fromTunis = join(dir.path, 'tunis-2.accord-bundle');
    await exportBundle(tunis.page, rabat.name, fromTunis);
    await importBundle(rabat.page, fromTunis, tunisFingerprint, { table: 'partners', count: 0 });
    const fromRabat = join(dir.path, 'rabat-2.accord-bundle');
    await exportBundle(rabat.page, tunis.name, fromRabat);
    await importBundle(tunis.page, fromRabat, rabatFingerprint, { table: 'partners', count: 0 });
    const conflicts = tunis.page.getByTestId('conflicts');
    await expect.poll(() => conflicts.textContent()).toContain('Tunis: MoI meeting moved to June');
    expect(await conflicts.textContent()).toContain('Rabat: MoI meeting on 3 May');
    const loser = (await conflicts.locator('blockquote').nth(1).textContent())!;
    if (shotDirectory) await tunis.page.screenshot({ path: join(shotDirectory, 'sync-conflict-en.png'), fullPage: true });
    await conflicts.getByRole('button', { name: 'Keep this' }).nth(1).click();
    await expect.poll(() => tunis.page.getByText('No conflicts.').count()).toBe(1);
    const resolution = join(dir.path, 'tunis-3.accord-bundle');
    await exportBundle(tunis.page, rabat.name, resolution);
    await importBundle(rabat.page, resolution, tunisFingerprint, { table: 'partners', count: 0 });
    expect(dump(tunis.db)).toContain(loser);
    expect(dump(rabat.db)).toBe(dump(tunis.db));

    // The section reads right to left in Arabic.
    await tunis.page.getByRole('button', { name: 'Switch to Arabic' }).click();
    await expect.poll(() => tunis.page.locator('#sync-heading').textContent()).toBe('المزامنة بين المواقع');
    expect(await tunis.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    if (shotDirectory) await tunis.page.screenshot({ path: join(shotDirectory, 'sync-ar.png'), fullPage: true });
  }, 120_000);

  it("a post replaces its encryption key in the window; the other stores the new key from its key file and seals its next file to it", async () => {
    const [tunis, rabat] = posts as [Required<(typeof posts)[0]>, Required<(typeof posts)[0]>];
    await tunis.page.getByRole('button', { name: 'التبديل إلى الإنجليزية' }).click();
    await expect.poll(() => tunis.page.locator('#sync-heading').textContent()).toBe('Sync between posts');
    const fingerprint = await rabat.page.getByTestId('own-fingerprint').textContent();

    const keyPart = rabat.page.getByTestId('encryption-key');
    await keyPart.getByRole('button', { name: 'Replace encryption key…' }).click();
    await expect.poll(() => keyPart.textContent()).toContain('The signing key and its fingerprint stay');
    if (shotDirectory) await rabat.page.screenshot({ path: join(shotDirectory, 'sync-rotate-en.png'), fullPage: true });
    await rabat.page.locator('#field-rotatePassphrase').fill(PASSPHRASE);
    await keyPart.getByRole('button', { name: 'Replace key', exact: true }).click();
    await expect.poll(() => rabat.page.getByRole('status').filter({ hasText: 'New encryption key made' }).count()).toBeGreaterThan(0);
    await expect.poll(() => keyPart.textContent()).toContain('Replaced keys still kept: 1');
    expect(await rabat.page.getByTestId('own-fingerprint').textContent()).toBe(fingerprint);

    const keyDownload = rabat.page.waitForEvent('download');
    await rabat.page.getByRole('button', { name: 'Export public key file' }).click();
    const newKey = join(dir.path, 'rabat-new.key.json');
    await (await keyDownload).saveAs(newKey);
    await tunis.page.locator('#field-bundleFile').setInputFiles(newKey);
    await tunis.page.getByRole('button', { name: 'Check file' }).click();
    const preview = tunis.page.getByTestId('key-file-preview');
    await expect.poll(() => preview.textContent()).toContain(`${rabat.name} has replaced its encryption key`);
    expect(await preview.textContent()).toContain('its fingerprint does not need to be checked again');
    await preview.getByRole('button', { name: 'Store the new key' }).click();
    await expect.poll(() => tunis.page.getByRole('status').filter({ hasText: 'new encryption key is stored' }).count()).toBeGreaterThan(0);

    await api(tunis.accord.url, 'records.create', { type: 'partners', values: { name: 'Sudan', isoCode: 'SD', notes: 'sealed to the new key' } });
    const sealed = join(dir.path, 'tunis-for-rabat-new-key.accord-bundle');
    await exportBundle(tunis.page, rabat.name, sealed, [rabat.name]);
    await importBundle(rabat.page, sealed, (await tunis.page.getByTestId('own-fingerprint').textContent())!, { table: 'partners', count: 1 });
    expect(dump(rabat.db)).toContain('sealed to the new key');

    // The same part in Arabic, with the choice to drop the old key at once.
    await rabat.page.getByRole('button', { name: 'Switch to Arabic' }).click();
    await keyPart.getByRole('button', { name: 'استبدال مفتاح التشفير…' }).click();
    await keyPart.getByRole('checkbox').check();
    await expect.poll(() => keyPart.textContent()).toContain('لن تُفتح هنا بعد الآن');
    if (shotDirectory) await rabat.page.screenshot({ path: join(shotDirectory, 'sync-rotate-ar.png'), fullPage: true });
  }, 120_000);
});
