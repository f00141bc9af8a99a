import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { verifyBundle } from '../../main/sync/bundle';
import { callOk, openTestApp, tempDirectory } from '../helpers';

/** The desktop Save dialog adapter, against a mocked `electron` (the real one runs only where Electron is installed). */
const dialogState = vi.hoisted(() => ({ answer: { canceled: false, filePath: '' }, asked: [] as string[] }));
vi.mock('electron', () => ({
  BrowserWindow: { getFocusedWindow: () => null },
  dialog: {
    showSaveDialog: (options: { defaultPath: string }) => {
      dialogState.asked.push(options.defaultPath);
      return Promise.resolve(dialogState.answer);
    },
  },
}));

const dir = tempDirectory();
afterAll(() => dir.remove());

describe('saving exports in the desktop app', () => {
  it('asks where with the native dialog, writes the exact bundle there, and writes nothing when cancelled', async () => {
    const { saveWithDialog } = await import('../../main/electron/saveDialog');
    const app = openTestApp(join(dir.path, 'desktop.sqlite'));
    app.context.saveFile = saveWithDialog;
    expect(await callOk(app, 'sync.identity', {})).toMatchObject({ savesWithDialog: true });
    await callOk(app, 'sync.setup', { name: 'Embassy Tunis, ODC', passphrase: 'correct horse battery' });
    const { jobId } = await callOk<{ jobId: string }>(app, 'sync.export.start', { forPost: null, passphrase: 'correct horse battery', encryptFor: 'unencrypted' });
    for (;;) {
      const status = await callOk<{ state: string }>(app, 'sync.jobs.status', { jobId });
      if (status.state !== 'running') break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    dialogState.answer = { canceled: false, filePath: join(dir.path, 'chosen.accord-bundle') };
    expect(await callOk(app, 'sync.saveFile', { jobId })).toEqual({ saved: true, path: join(dir.path, 'chosen.accord-bundle') });
    expect(dialogState.asked[0]).toMatch(/^accord-Embassy-Tunis-ODC-1-.*\.accord-bundle$/);
    expect(verifyBundle(readFileSync(join(dir.path, 'chosen.accord-bundle'))).header.sender.name).toBe('Embassy Tunis, ODC');
    dialogState.answer = { canceled: true, filePath: '' };
    expect(await callOk(app, 'sync.saveFile', { publicKey: {} })).toEqual({ saved: false, path: null });
    dialogState.answer = { canceled: false, filePath: join(dir.path, 'key.json') };
    await callOk(app, 'sync.saveFile', { publicKey: {} });
    expect(JSON.parse(readFileSync(join(dir.path, 'key.json'), 'utf8'))).toMatchObject({ format: 'accord-public-key', name: 'Embassy Tunis, ODC' });
    app.close();
    // Without the desktop shell there is no dialog: the browser downloads instead.
    const browserMode = openTestApp(join(dir.path, 'browser.sqlite'));
    expect(await callOk(browserMode, 'sync.identity', {})).toMatchObject({ savesWithDialog: false });
    expect((await browserMode.call('sync.saveFile', { publicKey: {} })).ok).toBe(false);
    expect(existsSync(join(dir.path, 'browser.sqlite'))).toBe(true);
    browserMode.close();
  });
});
