import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import type { ClauseComparison, MouVersionInfo } from '../../../shared/api/mouVersions';
import { uuidv7 } from '../../../shared/uuid';
import { callOk, snapshotDatabase, useFreshApp } from '../../helpers';
import { buildModel, create, editable, update } from './fixtures';

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Comparison = { from: MouVersionInfo; to: MouVersionInfo; draftChanges: Record<string, [unknown, unknown]>; clauses: ClauseComparison[] };

describe('saved MOU versions', () => {
  it('saves numbered snapshots and compares them clause by clause, with word redlines in both languages', async () => {
    const model = await buildModel(app);
    const first = await callOk<MouVersionInfo>(app, 'mou.versions.save', { mouId: model.mou.id, label: 'Sent to the ministry' });
    expect(first).toMatchObject({ number: 1, label: 'Sent to the ministry', savedBy: app.context.store.post.id, savedByName: app.context.store.post.name });

    // The partner's counter-draft: one clause reworded, one added, the title changed.
    await update(app, 'mouClauses', model.clause.id, {
      ...editable('mouClauses', model.clause),
      textEn: 'The Parties shall train 500 officers by June 2027.',
      textAr: 'يقوم الطرفان بتدريب ٥٠٠ ضابط في مجال الشرطة المجتمعية بحلول يونيو ٢٠٢٧.',
    });
    const added = await create(app, 'mouClauses', { mouId: model.mou.id, position: 2, heading: 'Reporting', textEn: 'Reports are shared quarterly.' });
    await update(app, 'mouDrafts', model.mou.id, { ...editable('mouDrafts', model.mou), title: 'Community policing MOU (rev. 2)', status: 'in_negotiation' });
    const second = await callOk<MouVersionInfo>(app, 'mou.versions.save', { mouId: model.mou.id });
    expect(second).toMatchObject({ number: 2, label: 'Version 2' });
    expect((await callOk<MouVersionInfo[]>(app, 'mou.versions.list', { mouId: model.mou.id })).map((v) => v.number)).toEqual([2, 1]);

    const comparison = await callOk<Comparison>(app, 'mou.versions.compare', { mouId: model.mou.id, from: first.id, to: second.id });
    expect(comparison.draftChanges).toEqual({ title: ['Community policing MOU', 'Community policing MOU (rev. 2)'], status: ['draft', 'in_negotiation'] });
    expect(comparison.clauses.map((c) => [c.clauseId, c.change])).toEqual([
      [model.clause.id, 'changed'],
      [added.id, 'added'],
    ]);
    const changed = comparison.clauses[0]!;
    expect(changed.en.filter((s) => s.op !== 'equal').map((s) => [s.op, s.text.trim()])).toEqual([
      ['delete', '400'],
      ['insert', '500'],
    ]);
    expect(changed.ar.filter((s) => s.op !== 'equal').map((s) => s.text.trim())).toEqual(['٤٠٠', '٥٠٠']);
    expect(changed.before!.textEn).toContain('400');
    expect(changed.after!.textEn).toContain('500');

    // Deleting a clause after the save shows as removed when compared with the current draft.
    await callOk(app, 'records.delete', { type: 'mouClauses', id: added.id });
    const withCurrent = await callOk<Comparison>(app, 'mou.versions.compare', { mouId: model.mou.id, from: second.id, to: 'current' });
    expect(withCurrent.to.id).toBe('current');
    expect(withCurrent.clauses.map((c) => [c.clauseId, c.change])).toEqual([
      [model.clause.id, 'unchanged'],
      [added.id, 'removed'],
    ]);
  });

  it('syncs versions: a saved version is a change of a synced table', async () => {
    const model = await buildModel(app);
    const version = await callOk<MouVersionInfo>(app, 'mou.versions.save', { mouId: model.mou.id, label: 'v1' });
    const columns = app.context.store.db.prepare("SELECT column_name AS c FROM field_changes WHERE table_name = 'mou_versions' AND row_id = ? ORDER BY c").all(version.id);
    expect(columns.map((row) => (row as { c: string }).c)).toEqual(['label', 'mou_id', 'number', 'saved_at', 'saved_by', 'snapshot']);
    // The snapshot is the document engine's input (shared/documents/fromSnapshot.ts): a signatory's job title is 'title' there.
    const { snapshot } = app.context.store.db.prepare('SELECT snapshot FROM mou_versions WHERE id = ?').get(version.id) as { snapshot: string };
    expect(JSON.parse(snapshot).signatories).toEqual([{ id: model.signatory.id, mouId: model.mou.id, name: 'Joey Hood', title: 'Ambassador', organisation: '', nameAr: '', jobTitleAr: '', organisationAr: '', side: 'us', signingOrder: 1 }]);
  });

  it('answers an unknown draft or version with a typed error and saves nothing', async () => {
    const model = await buildModel(app);
    const before = snapshotDatabase(app);
    expect(await app.call('mou.versions.save', { mouId: uuidv7(), label: '' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('mou.versions.save', { mouId: model.mou.id, label: 'x'.repeat(101) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.call('mou.versions.compare', { mouId: model.mou.id, from: uuidv7(), to: 'current' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshotDatabase(app)).toBe(before);
  });
});
