import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../db/dump';
import { seedDatabase } from '../../main/seed/generate';
import type { RecordLink } from '../../shared/api/records';
import { recordType } from '../../shared/records/registry';
import { callOk, tempDirectory } from '../helpers';
import { exportFrom, importInto, openPost, trustAll, type TestPost } from '../sync/support';

let dir: ReturnType<typeof tempDirectory>;
let tunis: TestPost;
let amman: TestPost;
beforeEach(async () => {
  dir = tempDirectory();
  tunis = openPost(`${dir.path}/tunis.sqlite`, 'Embassy Tunis');
  amman = openPost(`${dir.path}/amman.sqlite`, 'Embassy Amman');
  await trustAll([tunis, amman]);
});
afterEach(() => {
  tunis.app.close();
  amman.app.close();
  dir.remove();
});

describe('the planning model between posts', () => {
  it('arrives whole from another post: same records, searchable, linked both ways, audited under the sender', async () => {
    seedDatabase(tunis.app.context.store, { size: 'small', seed: 3 });
    await importInto(amman, await exportFrom(tunis));
    expect(dumpSyncedTables(amman.app.context.store.db)).toBe(dumpSyncedTables(tunis.app.context.store.db));

    // Search and back-links are derived by triggers, so rows written by the sync engine have them too.
    const search = (post: TestPost, query: string) => callOk<{ id: string }[]>(post.app, 'search.global', { query, limit: 200 });
    for (const query of ['joint review', 'الامن', 'المعايير']) {
      expect((await search(amman, query)).map((hit) => hit.id).sort(), query).toEqual((await search(tunis, query)).map((hit) => hit.id).sort());
    }
    const [benchmark] = (await callOk<{ rows: { id: string }[] }>(amman.app, 'records.list', { type: 'benchmarks', limit: 1 })).rows;
    const links = (post: TestPost) => callOk<{ linksIn: RecordLink[] }>(post.app, 'records.get', { type: 'benchmarks', id: benchmark!.id });
    expect((await links(amman)).linksIn).toEqual((await links(tunis)).linksIn);

    type Entry = { postId: string; postName: string; action: string; changes: Record<string, [unknown, unknown]>; importedFromBundle?: string };
    const audit = await callOk<Entry[]>(amman.app, 'records.audit', { type: 'benchmarks', id: benchmark!.id });
    expect(audit.map((entry) => [entry.action, entry.postName, entry.postId])).toEqual([['create', 'Embassy Tunis', tunis.app.context.store.post.id]]);
    expect(audit[0]!.importedFromBundle).toMatch(/^[0-9a-f]{64}$/);
    expect(audit[0]!.changes.title).toEqual([null, (await callOk<{ record: { title: string } }>(tunis.app, 'records.get', { type: 'benchmarks', id: benchmark!.id })).record.title]);

    // An edit at Tunis arrives as an update whose "before" is what Amman held.
    const project = (await callOk<{ rows: Record<string, unknown>[] }>(tunis.app, 'records.list', { type: 'projects', limit: 1 })).rows[0]!;
    const values = Object.fromEntries(recordType('projects').fields.map((field) => [field.name, project[field.name]]));
    await callOk(tunis.app, 'records.update', { type: 'projects', id: project.id, values: { ...values, isPilot: !project.isPilot, status: 'cancelled' } });
    await importInto(amman, await exportFrom(tunis));
    const projectAudit = await callOk<Entry[]>(amman.app, 'records.audit', { type: 'projects', id: project.id });
    expect(projectAudit.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(projectAudit[1]!.changes).toEqual({ isPilot: [project.isPilot, !project.isPilot], status: [project.status, 'cancelled'] });
  });
});
