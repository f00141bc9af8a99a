import { afterAll, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../db/dump';
import { listConflicts, resolveConflict } from '../../db/sync/state';
import { syncedTables } from '../../db/syncedTables';
import { seedDatabase } from '../../main/seed/generate';
import { inspectBundle, publicKeyFile, trustSenderOf } from '../../main/sync/service';
import { callOk, snapshotDatabase, tempDirectory } from '../helpers';
import { exportFrom, importInto, openPost, plainProtection, trustAll } from './support';

const dir = tempDirectory();
afterAll(() => dir.remove());
let n = 0;
const post = (name: string) => openPost(`${dir.path}/${name}-${n++}.sqlite`, name);
const dump = (p: ReturnType<typeof post>) => dumpSyncedTables(p.app.context.store.db);

describe('merging bundles between posts', () => {
  it('two posts seeded differently and edited on both sides end identical', async () => {
    const tunis = post('Embassy Tunis, ODC');
    const rabat = post('Embassy Rabat, SCO');
    await trustAll([tunis, rabat]);
    const tn = await callOk<{ id: string }>(tunis.app, 'records.create', { type: 'partners', values: { name: 'Tunisia', isoCode: 'TN' } });
    await callOk(tunis.app, 'records.create', { type: 'mouDrafts', values: { title: 'Coast guard MOU', partnerId: tn.id, sector: 'maritime', parties: ['Ministry of Defence'] } });
    await callOk(rabat.app, 'records.create', { type: 'partners', values: { name: 'Morocco', isoCode: 'MA' } });
    await importInto(rabat, await exportFrom(tunis, rabat.app.context.store.post.id));
    await importInto(tunis, await exportFrom(rabat, tunis.app.context.store.post.id));
    expect(dump(tunis)).toBe(dump(rabat));
    await callOk(rabat.app, 'records.update', { type: 'partners', id: tn.id, values: { name: 'Tunisia', isoCode: 'TN', notes: 'Met the MoI on 3 May' } });
    await callOk(tunis.app, 'records.update', { type: 'partners', id: tn.id, values: { name: 'Republic of Tunisia', isoCode: 'TN', notes: '' } });
    await importInto(rabat, await exportFrom(tunis, rabat.app.context.store.post.id));
    await importInto(tunis, await exportFrom(rabat, tunis.app.context.store.post.id));
    expect(dump(tunis)).toBe(dump(rabat));
    expect(dump(tunis)).toContain('Republic of Tunisia');
    expect(dump(tunis)).toContain('Met the MoI on 3 May');
    expect(listConflicts(tunis.app.context.store.db)).toEqual([]);
  });

  it('a concurrent edit of one field keeps the losing value in a conflict that can be kept, and the choice syncs', async () => {
    const a = post('A');
    const b = post('B');
    await trustAll([a, b]);
    const id = a.app.context.store.transaction(() => a.app.context.store.insert(syncedTables.partners, { nameAr: '', name: 'Libya', isoCode: 'LY', notes: '' }));
    await importInto(b, await exportFrom(a));
    const before = { name: 'Libya', isoCode: 'LY', notes: '' };
    a.app.context.store.transaction(() => a.app.context.store.update(syncedTables.partners, id, before, { notes: 'from A' }));
    b.app.context.store.transaction(() => b.app.context.store.update(syncedTables.partners, id, before, { notes: 'from B' }));
    const fromB = await exportFrom(b);
    const preview = await inspectBundle(a.app.context.store, fromB);
    expect(preview.preview?.tables.partners).toMatchObject({ conflicting: 1 });
    await importInto(a, fromB);
    await importInto(b, await exportFrom(a));
    expect(dump(a)).toBe(dump(b));
    const conflicts = listConflicts(a.app.context.store.db);
    expect(conflicts).toHaveLength(1);
    expect([conflicts[0]!.winnerValue, conflicts[0]!.loserValue].sort()).toEqual(['from A', 'from B']);
    const loser = conflicts[0]!.loserValue;
    expect(listConflicts(b.app.context.store.db)).toHaveLength(1);
    resolveConflict(a.app.context.store, conflicts[0]!.id, 'loser');
    expect(listConflicts(a.app.context.store.db)).toEqual([]);
    await importInto(b, await exportFrom(a));
    // B held the same conflict: A's choice settles it there too.
    expect(listConflicts(b.app.context.store.db)).toEqual([]);
    expect(listConflicts(b.app.context.store.db, 'all')[0]!.status).toBe('kept_loser');
    expect(dump(b)).toContain(JSON.stringify(loser));
    expect(dump(a)).toBe(dump(b));
  });

  it('importing the same bundle twice, or an older one after a newer, changes nothing', async () => {
    const a = post('A');
    const b = post('B');
    await trustAll([a, b]);
    const id = a.app.context.store.transaction(() => a.app.context.store.insert(syncedTables.partners, { nameAr: '', name: 'Egypt', isoCode: 'EG', notes: 'v1' }));
    const older = await exportFrom(a);
    a.app.context.store.transaction(() => a.app.context.store.update(syncedTables.partners, id, { name: 'Egypt', isoCode: 'EG', notes: 'v1' }, { notes: 'v2' }));
    const newer = await exportFrom(a);
    await importInto(b, newer);
    const snapshot = snapshotDatabase(b.app);
    expect((await importInto(b, newer)).status).toBe('already-imported');
    expect(snapshotDatabase(b.app)).toBe(snapshot);
    const report = await importInto(b, older);
    expect(report.warnings).toContain('older-sequence');
    expect(dump(b)).toContain('"v2"');
    expect(dump(b)).toBe(dump(a));
  });

  it('relays: a bundle from A reaches C through B, in any order, and C never needs a bundle from A', async () => {
    const a = post('A');
    const b = post('B');
    const c = post('C');
    await trustAll([b, c]);
    await trustAll([a, b]);
    // C checks A's own signature on A's changes, so it trusts A's key (from A's public key file), never B's word for it.
    trustSenderOf(c.app.context.store, Buffer.from(JSON.stringify(await publicKeyFile(a.app.context.store, plainProtection, undefined))));
    const values = { nameAr: '', name: 'Algeria', isoCode: 'DZ', notes: 'v1' };
    const id = a.app.context.store.transaction(() => a.app.context.store.insert(syncedTables.partners, values));
    const first = await exportFrom(a);
    a.app.context.store.transaction(() => a.app.context.store.update(syncedTables.partners, id, values, { notes: 'v2' }));
    const second = await exportFrom(a);
    await importInto(b, second);
    await importInto(b, first); // arrives late: changes nothing
    const relayed = await exportFrom(b, c.app.context.store.post.id);
    const report = await importInto(c, relayed);
    expect(dump(c)).toBe(dump(a));
    expect(dump(c)).toContain('"v2"');
    // The import is audited on every record it touched, naming the bundle by its hash.
    const audit = c.app.context.store.db.prepare('SELECT action, changes FROM audit_log WHERE row_id = ?').all(id) as { action: string; changes: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(JSON.parse(audit[0]!.changes)).toMatchObject({ importedFromBundle: report.hash });
    expect(c.app.context.store.db.prepare('SELECT sender_post_id FROM sync_bundle_log WHERE hash = ?').pluck().get(report.hash)).toBe(b.app.context.store.post.id);
  });

  it('deletes travel as tombstones and win over concurrent edits', async () => {
    const a = post('A');
    const b = post('B');
    await trustAll([a, b]);
    const values = { nameAr: '', name: 'Jordan', isoCode: 'JO', notes: '' };
    const id = a.app.context.store.transaction(() => a.app.context.store.insert(syncedTables.partners, values));
    await importInto(b, await exportFrom(a));
    a.app.context.store.transaction(() => a.app.context.store.delete(syncedTables.partners, id, values));
    b.app.context.store.transaction(() => b.app.context.store.update(syncedTables.partners, id, values, { notes: 'late edit' }));
    await importInto(b, await exportFrom(a));
    await importInto(a, await exportFrom(b));
    expect(dump(a)).toBe(dump(b));
    expect(dump(a)).not.toContain('Jordan');
  });
});

describe('trusted posts', () => {
  it('records that arrive in a bundle are stored with the same types, searchable and linked, as where they were made', async () => {
    const tunis = post('Embassy Tunis, ODC');
    const rabat = post('Embassy Rabat, SCO');
    await trustAll([tunis, rabat]);
    seedDatabase(tunis.app.context.store, { size: 'small', seed: 7 });
    await importInto(rabat, await exportFrom(tunis));
    expect(dump(rabat)).toBe(dump(tunis));
    const derived = (p: ReturnType<typeof post>) => {
      const db = p.app.context.store.db;
      const types = Object.values(syncedTables).map((table) => {
        const columns = Object.values(table.columns).map((column) => `typeof("${column}")`).join(' || ');
        return db.prepare(`SELECT id, ${columns} AS types FROM "${table.name}" ORDER BY id`).all();
      });
      const links = db.prepare('SELECT target_id, source_type, source_id, field FROM record_links ORDER BY 1, 2, 3, 4').all();
      return { types, links };
    };
    expect(derived(rabat)).toEqual(derived(tunis));
    expect(derived(rabat).links.length).toBeGreaterThan(0);
    for (const query of ['border', 'training', 'الأمن']) {
      const found = async (p: ReturnType<typeof post>) => (await callOk<{ id: string }[]>(p.app, 'search.global', { query, limit: 200 })).map((hit) => hit.id).sort();
      expect(await found(rabat), query).toEqual(await found(tunis));
    }
    expect((await callOk<unknown[]>(rabat.app, 'search.global', { query: 'training', limit: 200 })).length).toBeGreaterThan(0);

    // Edits and deletes arrive the same way: the search index and the links follow them.
    const [gone] = (await callOk<{ rows: { id: string; title: string }[] }>(tunis.app, 'records.list', { type: 'actionItems' })).rows;
    const [partner] = (await callOk<{ rows: { id: string; name: string; isoCode: string }[] }>(tunis.app, 'records.list', { type: 'partners' })).rows;
    await callOk(tunis.app, 'records.update', { type: 'partners', id: partner!.id, values: { name: 'Zanzibarite Republic', isoCode: partner!.isoCode, notes: '' } });
    await callOk(tunis.app, 'records.delete', { type: 'actionItems', id: gone!.id });
    await importInto(rabat, await exportFrom(tunis, rabat.app.context.store.post.id));
    expect(dump(rabat)).toBe(dump(tunis));
    expect(derived(rabat)).toEqual(derived(tunis));
    expect((await callOk<{ id: string }[]>(rabat.app, 'search.global', { query: 'zanzibarite' })).map((hit) => hit.id)).toEqual([partner!.id]);
    expect((await callOk<{ id: string }[]>(tunis.app, 'search.global', { query: gone!.title, limit: 200 })).map((hit) => hit.id)).not.toContain(gone!.id);
    expect((await callOk<{ id: string }[]>(rabat.app, 'search.global', { query: gone!.title, limit: 200 })).map((hit) => hit.id)).not.toContain(gone!.id);
  });

  it('a post that really changed its key is trusted again only after its old key is revoked', async () => {
    const a = post('A');
    const b = post('B');
    await trustAll([a, b]);
    const { revokePost } = await import('../../db/sync/state');
    const { trustSenderOf } = await import('../../main/sync/service');
    // B reinstalled: same post id, new key.
    b.app.context.store.db.prepare('DELETE FROM sync_key').run();
    const { ensureKey } = await import('../../main/sync/keys');

    ensureKey(b.app.context.store.db, plainProtection, undefined, new Date().toISOString());
    const rotated = await exportFrom(b);
    await expect(importInto(a, rotated)).rejects.toMatchObject({ code: 'UNTRUSTED_SENDER', details: { reason: 'key-changed' } });
    expect(() => trustSenderOf(a.app.context.store, rotated)).toThrow(/different key/);
    revokePost(a.app.context.store.db, b.app.context.store.post.id, new Date().toISOString());
    await expect(importInto(a, rotated)).rejects.toMatchObject({ code: 'UNTRUSTED_SENDER', details: { reason: 'key-changed' } });
    trustSenderOf(a.app.context.store, rotated);
    expect((await importInto(a, rotated)).status).toBe('applied');
  });
});
