import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../scripts/electronRuntime.mjs';
import { tempDirectory } from '../helpers';
import { CONDITION_TIMEOUT_MS } from '../waits';
import { conditionWaits } from './support';

/**
 * The real desktop shell, through Playwright's Electron launcher. It runs only
 * where an Electron runtime exists (better-sqlite3-multiple-ciphers' N-API prebuild loads in it as in Node); this
 * repository's CI cannot download one, so there it is reported as skipped.
 */
const root = join(__dirname, '..', '..');
const runtime = findElectronRuntime();
const skipReason = !runtime.path
  ? runtime.reason
  : process.platform === 'linux' && !process.env.DISPLAY
    ? 'no display (run under xvfb-run)'
    : undefined;
if (skipReason) console.warn(`[accord] Electron window tests skipped: ${skipReason}`);

const dir = tempDirectory();
afterAll(() => dir.remove());

describe.skipIf(Boolean(skipReason))(`Electron window${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('opens the app isolated and sandboxed, and saves through IPC', async () => {
    const app = await electron.launch({ executablePath: runtime.path!, args: [join(root, 'dist', 'electron', 'main.cjs'), '--db', join(dir.path, 'accord.sqlite')] });
    try {
      const window = conditionWaits(await app.firstWindow({ timeout: CONDITION_TIMEOUT_MS }));
      expect(window.url()).toBe('accord://app/index.html');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => Object.keys((window as unknown as { accord: object }).accord))).toEqual(['invoke', 'onEvent']);
      // First start: the desktop app seals the key with the OS keychain, so it asks only for the post's name.
      await window.getByLabel("This post's name").fill('Embassy Tunis, ODC');
      await window.getByRole('button', { name: 'Name this post' }).click();
      await window.getByRole('button', { name: 'Start planning' }).click();
      await window.getByRole('link', { name: 'New Partner nation' }).click();
      await window.locator('#field-name').fill('Tunisia');
      await window.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => window.locator('[data-testid=partners-table]').textContent()).toContain('Tunisia');
      // A navigation away from the app is refused.
      await window.evaluate(() => (location.href = 'https://example.com/')).catch(() => undefined);
      expect(window.url()).toMatch(/^accord:\/\/app\//);
    } finally {
      await app.close();
    }
  });
});
