import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { verifyBundle } from '../../main/sync/bundle';
import type { SaveContent } from '../../main/handlers/types';
import { errorText, type AppErrorShape } from '../../shared/result';
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
    // The export reaches the dialog as its spool file, copied stream to stream, never as bytes held whole.
    const handedOver: SaveContent[] = [];
    app.context.saveFile = (name, content) => (handedOver.push(content), saveWithDialog(name, content));
    dialogState.answer = { canceled: false, filePath: join(dir.path, 'chosen.accord-bundle') };
    expect(await callOk(app, 'sync.saveFile', { jobId })).toEqual({ saved: true, path: join(dir.path, 'chosen.accord-bundle') });
    expect(handedOver).toEqual([{ copyOf: expect.any(String) }]);
    expect(dialogState.asked[0]).toMatch(/^accord-Embassy-Tunis-ODC-1-.*\.accord-bundle$/);
    expect(verifyBundle(readFileSync(join(dir.path, 'chosen.accord-bundle'))).header.sender.name).toBe('Embassy Tunis, ODC');
    expect(readFileSync(join(dir.path, 'chosen.accord-bundle'))).toEqual(readFileSync((handedOver[0] as { copyOf: string }).copyOf));
    expect(statSync(join(dir.path, 'chosen.accord-bundle')).mode & 0o777).toBe(0o600);
    // A save that fails (here the chosen name is a folder) says why in the officer's language and leaves no half file.
    mkdirSync(join(dir.path, 'a-folder'));
    dialogState.answer = { canceled: false, filePath: join(dir.path, 'a-folder') };
    const failed = await app.call('sync.saveFile', { jobId });
    expect(failed.ok ? null : failed.error).toMatchObject({ key: 'platform.saveFailed', params: { path: join(dir.path, 'a-folder') } });
    expect(errorText((failed as { error: AppErrorShape }).error, 'ar')).toContain('تعذّر حفظ الملف');
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.partial'))).toEqual([]);
    expect(statSync(join(dir.path, 'a-folder')).isDirectory()).toBe(true);
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
