import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import { errorText } from '../../shared/result';
import { syncedTables, type SyncedTable } from '../../db/syncedTables';
import type { AccordApp } from '../../main/app';
import { callOk, openTestApp, tempDirectory, untilDone } from '../helpers';

/** The sync API as the renderer uses it (over IPC or the loopback host): jobs whose progress is pushed as events, files as bytes. */
const dir = tempDirectory();
afterAll(() => dir.remove());
const partners: SyncedTable = syncedTables.partners;
const PASSPHRASE = 'correct horse battery';

async function upload(app: AccordApp, bytes: Buffer): Promise<string> {
  return (await callOk<{ uploadId: string }>(app, 'sync.upload', { bytes })).uploadId;
}

describe('sync over the API', () => {
  it('exports, uploads, previews, trusts by fingerprint and imports as jobs with progress, answering other calls meanwhile', async () => {
    const tunis = openTestApp(`${dir.path}/tunis.sqlite`);
    const rabat = openTestApp(`${dir.path}/rabat.sqlite`);
    const setup = await callOk<{ fingerprint: string }>(tunis, 'sync.setup', { name: 'Embassy Tunis, ODC', passphrase: PASSPHRASE });
    await callOk(rabat, 'sync.setup', { name: 'Embassy Rabat, SCO', passphrase: PASSPHRASE });
    const store = tunis.context.store;
    store.transaction(() => {
      for (let i = 0; i < 4000; i += 1) store.insert(partners, { name: `Partner ${i}`, isoCode: 'TN', notes: '' });
    });

    const wrong = await tunis.call('sync.export.start', { forPost: null, passphrase: 'not the passphrase', encryptFor: 'unencrypted' });
    expect(wrong.ok).toBe(false);
    const started = await callOk<{ jobId: string }>(tunis, 'sync.export.start', { forPost: null, passphrase: PASSPHRASE, encryptFor: 'unencrypted' });
    const exported = await untilDone(tunis, started.jobId);
    expect(exported.final.state).toBe('done');
    expect(exported.final.file!.changes).toBeGreaterThanOrEqual(4000 * 3);
    expect(exported.seen.some((status) => status.state === 'running')).toBe(true); // progress was pushed while it ran
    const { bytes: downloaded } = await callOk<{ bytes: Uint8Array }>(tunis, 'sync.download', { jobId: started.jobId });
    const bundle = Buffer.from(downloaded);
    expect(bundle.length).toBe(exported.final.file!.size);

    // Files travel as bytes, under the upload's byte cap; anything else is refused before it is kept.
    expect((await rabat.call('sync.upload', { bytes: bundle.toString('base64') })).ok).toBe(false);
    expect(await rabat.call('sync.upload', { bytes: Buffer.alloc(MAX_BUNDLE_BYTES + 1) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const uploadId = await upload(rabat, bundle);
    const firstLook = await untilDone(rabat, (await callOk<{ jobId: string }>(rabat, 'sync.inspect.start', { uploadId })).jobId);
    expect(firstLook.final.inspection).toMatchObject({ trust: 'unknown', fingerprint: setup.fingerprint, preview: null, header: { sender: { name: 'Embassy Tunis, ODC' } } });
    const refused = await untilDone(rabat, (await callOk<{ jobId: string }>(rabat, 'sync.import.start', { uploadId })).jobId);
    expect(refused.final.error).toMatchObject({ code: 'UNTRUSTED_SENDER', details: { reason: 'unknown' } });
    expect((await rabat.call('sync.peers.trust', { uploadId, fingerprint: '0000 1111' })).ok).toBe(false);
    await callOk(rabat, 'sync.peers.trust', { uploadId, fingerprint: setup.fingerprint.toLowerCase() });

    const preview = await untilDone(rabat, (await callOk<{ jobId: string }>(rabat, 'sync.inspect.start', { uploadId })).jobId);
    expect(preview.final.inspection!.preview!.tables.partners).toMatchObject({ new: 4000, changed: 0, deleted: 0, conflicting: 0 });
    expect((await callOk<{ rows: unknown[] }>(rabat, 'records.list', { type: 'partners' })).rows).toHaveLength(0); // a preview changes nothing

    const importJob = await callOk<{ jobId: string }>(rabat, 'sync.import.start', { uploadId });
    const info = await callOk<{ postName: string }>(rabat, 'app.info', {}); // answered while the job runs
    expect(info.postName).toBe('Embassy Rabat, SCO');
    // The merge runs on the worker thread: while it is part-way, this thread reports its progress and answers
    // reads, which see all of the import or none of it (the worker may commit before its last report arrives).
    const answeredMidway: number[] = [];
    const imported = await untilDone(rabat, importJob.jobId, async (status) => {
      if (status.phase === 'applying' && status.done > 0 && status.done < status.total) answeredMidway.push((await callOk<{ total: number }>(rabat, 'records.list', { type: 'partners', limit: 1 })).total);
    });
    expect(imported.final.state).toBe('done');
    expect(answeredMidway.length).toBeGreaterThan(0);
    expect(answeredMidway.filter((count) => count !== 0 && count !== 4000)).toEqual([]);
    expect(imported.final.report).toMatchObject({ status: 'applied', sender: { name: 'Embassy Tunis, ODC' } });
    expect((await callOk<{ total: number }>(rabat, 'records.list', { type: 'partners', limit: 1 })).total).toBe(4000);
    expect(await callOk(rabat, 'sync.peers.list', {})).toMatchObject([{ name: 'Embassy Tunis, ODC', fingerprint: setup.fingerprint, revokedAt: null }]);
    tunis.close();
    rabat.close();
  }, 60_000);

  it('a save made while an import holds the write lock is refused with a clear message and saves nothing', async () => {
    const path = `${dir.path}/busy.sqlite`;
    const app = openTestApp(path);
    app.open(); // the database exists, migrated, before another connection takes the lock
    // Another connection to the same file holding the write lock, as the sync worker does while it merges.
    const importer = new Database(path);
    importer.exec('BEGIN IMMEDIATE');
    app.context.store.db.pragma('busy_timeout = 20'); // the app waits up to 5 s; the test need not
    const refused = await app.call('records.create', { type: 'partners', values: { name: 'Tunisia', isoCode: 'TN' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'error.busy', details: { reason: 'busy' } } });
    if (refused.ok) return;
    expect(refused.error.details).not.toHaveProperty('localized');
    expect(errorText(refused.error, 'en')).toBe('Another task (a bundle import) is writing to the database; nothing was saved. Try again in a moment.');
    expect(errorText(refused.error, 'ar')).toBe('مهمة أخرى (استيراد حزمة) تكتب في قاعدة البيانات؛ لم يُحفظ شيء. حاول مرة أخرى بعد قليل.');
    importer.exec('ROLLBACK');
    importer.close();
    expect((await callOk<{ rows: unknown[] }>(app, 'records.list', { type: 'partners' })).rows).toHaveLength(0);
    await callOk(app, 'records.create', { type: 'partners', values: { name: 'Tunisia', isoCode: 'TN' } });
    expect((await callOk<{ rows: unknown[] }>(app, 'records.list', { type: 'partners' })).rows).toHaveLength(1);
    app.close();
  });
});
