import { afterAll, describe, expect, it } from 'vitest';
import { syncedTables } from '../../db/syncedTables';
import { importOffThread, SYNC_WORKER_MEMORY } from '../../main/sync/inWorker';
import { prepareBundle } from '../../main/sync/service';
import { AppError, errorText } from '../../shared/result';
import { tempDirectory } from '../helpers';
import { exportFrom, openPost, trustAll } from './support';

/**
 * The sync worker's stated memory cap (main/sync/inWorker.ts): an import that would need more is stopped with a
 * clear error in the officer's language and changes nothing; it is not retried uncapped on the main thread.
 * Runs the built worker (dist/main/syncWorker.cjs), as every import from the window and the CLI does.
 */
const dir = tempDirectory('accord-worker-memory-');
afterAll(() => dir.remove());
const noProgress = () => undefined;

describe('the sync worker memory cap', () => {
  it('stops an import past the cap with the reason in English and Arabic, leaving the post as it was, and the same bundle imports under the real cap', async () => {
    const tunis = openPost(`${dir.path}/tunis.sqlite`, 'Embassy Tunis');
    const rabatPath = `${dir.path}/rabat.sqlite`;
    const rabat = openPost(rabatPath, 'Embassy Rabat');
    await trustAll([tunis, rabat]);
    const store = tunis.app.context.store;
    // About 5 MiB of notes: one signed batch's changes, parsed, need more than a few MiB of heap.
    store.transaction(() => {
      for (let i = 0; i < 6000; i += 1) store.insert(syncedTables.partners, { name: `Partner ${i}`, isoCode: 'TN', notes: `Cooperation on border security ${i}. `.repeat(25) });
    });
    const bundle = await exportFrom(tunis);
    const db = rabat.app.context.store.db;
    const before = db.prepare('SELECT (SELECT COUNT(*) FROM partners) AS partners, (SELECT COUNT(*) FROM field_changes) AS changes, (SELECT COUNT(*) FROM sync_batches) AS batches').get();
    const target = { store: rabat.app.context.store, databasePath: rabatPath };

    const refused = await importOffThread(target, prepareBundle(bundle), noProgress, { heapMiB: 8, youngMiB: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    const shape = (refused as AppError).toShape();
    expect(shape).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'memory-cap', capMiB: 8 } });
    expect(errorText(shape, 'en')).toContain('more than the 8 MiB of memory');
    expect(errorText(shape, 'en')).toContain('nothing was changed');
    expect(errorText(shape, 'ar')).toContain('ميبيبايت');
    expect(errorText(shape, 'ar')).toContain('لم يتغيّر شيء');
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM partners) AS partners, (SELECT COUNT(*) FROM field_changes) AS changes, (SELECT COUNT(*) FROM sync_batches) AS batches').get()).toEqual(before);

    const report = await importOffThread(target, prepareBundle(bundle), noProgress, SYNC_WORKER_MEMORY);
    expect(report.status).toBe('applied');
    expect(report.summary!.applied).toBeGreaterThanOrEqual(6000 * 3);
    expect(db.prepare('SELECT COUNT(*) FROM partners').pluck().get()).toBe(6000);
    tunis.app.close();
    rabat.app.close();
  });
});
