import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../main/app';
import type { RecordRow } from '../../shared/api/records';
import { errorText } from '../../shared/result';
import { uuidv7 } from '../../shared/uuid';
import { callOk, openTestApp, snapshotDatabase, tempDirectory } from '../helpers';
import { formatMessage } from '../../shared/i18n/format';
import type { MessageKey, MessageParams } from '../../shared/i18n/message';
import type { FieldIssue } from '../../shared/result';

/** A field issue as the gate returns it: a catalog key and its arguments. */
function issue(path: (string | number)[], key: MessageKey, params?: MessageParams): FieldIssue {
  return { path, key, ...(params ? { params } : {}) };
}

/** Every issue's message reads as a sentence in English and in Arabic. */
function expectRenderedInBothLanguages(issues: FieldIssue[] | undefined): void {
  for (const { key, params } of issues ?? []) {
    if (!key) continue;
    expect(formatMessage('en', key, params)).toMatch(/^[A-Z].*\.$/);
    expect(formatMessage('ar', key, params)).toMatch(/[\u0600-\u06ff]/);
  }
}

let dir: ReturnType<typeof tempDirectory>;
let app: AccordApp;
beforeEach(() => {
  dir = tempDirectory();
  app = openTestApp(`${dir.path}/accord.sqlite`);
});
afterEach(() => {
  app.close();
  dir.remove();
});

const draftValues = (partnerId: string) => ({
  title: 'Border security cooperation',
  partnerId,
  sector: 'border_security',
  status: 'draft',
  parties: ['Ministry of Interior', 'U.S. Embassy Tunis'],
  summary: 'Joint patrol training.',
});

type Partner = RecordRow;
type MouDraft = RecordRow;
/** The generic API's calls for the two foundation types. */
const create = (type: 'partners' | 'mouDrafts', values: unknown) => ['records.create', { type, values }] as const;
const partnerValues = (values: Record<string, unknown>) => ({ isoCode: '', notes: '', ...values });

describe('partners and MOU drafts through the dispatch gate', () => {
  it('creates, edits and deletes, and survives a restart', async () => {
    const partner = await callOk<Partner>(app, ...create('partners', { name: 'Tunisia', isoCode: 'tn' }));
    const draft = await callOk<MouDraft>(app, ...create('mouDrafts', draftValues(partner.id)));
    expect(draft).toMatchObject({ partnerId: partner.id, status: 'draft', parties: ['Ministry of Interior', 'U.S. Embassy Tunis'] });
    const edited = await callOk<MouDraft>(app, 'records.update', { type: 'mouDrafts', id: draft.id, values: { ...draftValues(partner.id), title: 'Border security MOU', status: 'in_negotiation' } });
    expect(edited.title).toBe('Border security MOU');

    app.close();
    app = openTestApp(`${dir.path}/accord.sqlite`);
    const drafts = () => callOk<{ rows: MouDraft[] }>(app, 'records.list', { type: 'mouDrafts' }).then((list) => list.rows);
    expect((await drafts()).map((d) => d.title)).toEqual(['Border security MOU']);
    const partners = await callOk<{ rows: Partner[] }>(app, 'records.list', { type: 'partners', countIn: [{ type: 'mouDrafts', field: 'partnerId' }] });
    expect(partners.rows[0]).toMatchObject({ name: 'Tunisia', isoCode: 'TN', counts: { 'mouDrafts.partnerId': 1 } });

    await callOk(app, 'records.delete', { type: 'mouDrafts', id: draft.id });
    expect(await drafts()).toEqual([]);
  });

  it('keeps the same post identity across restarts', async () => {
    const first = (await callOk<{ postId: string }>(app, 'app.info', {})).postId;
    app.close();
    app = openTestApp(`${dir.path}/accord.sqlite`);
    expect((await callOk<{ postId: string }>(app, 'app.info', {})).postId).toBe(first);
  });

  it('records every field change with a clock stamp and an audit entry', async () => {
    const partner = await callOk<Partner>(app, ...create('partners', { name: 'Jordan', isoCode: 'JO' }));
    await callOk(app, 'records.update', { type: 'partners', id: partner.id, values: { name: 'Jordan', isoCode: 'JO', notes: 'Amman' } });
    const db = app.context.store.db;
    const changes = db.prepare('SELECT column_name AS col, value, hlc, prev_hlc AS prev FROM field_changes WHERE row_id = ? ORDER BY hlc').all(partner.id) as { col: string; value: string; hlc: string; prev: string | null }[];
    expect(changes.map((c) => c.col)).toEqual(['name', 'name_ar', 'iso_code', 'notes', 'notes']);
    const [, , , firstNotes, secondNotes] = changes;
    expect(secondNotes!.prev).toBe(firstNotes!.hlc); // the version it replaced travels with the change
    expect(changes.map((c) => c.hlc)).toEqual([...changes.map((c) => c.hlc)].sort());
    const audit = db.prepare('SELECT action, changes FROM audit_log WHERE row_id = ? ORDER BY at, id').all(partner.id) as { action: string; changes: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.changes)).toEqual({ notes: ['', 'Amman'] });
  });

  it('writes a tombstone on delete', async () => {
    const partner = await callOk<Partner>(app, ...create('partners', { name: 'Morocco' }));
    await callOk(app, 'records.delete', { type: 'partners', id: partner.id });
    const tombstone = app.context.store.db.prepare("SELECT value FROM field_changes WHERE row_id = ? AND column_name = '_deleted'").get(partner.id);
    expect(tombstone).toEqual({ value: 'true' });
  });

  it('does not record an edit that changes nothing', async () => {
    const partner = await callOk<Partner>(app, ...create('partners', { name: 'Egypt' }));
    const before = snapshotDatabase(app);
    await callOk(app, 'records.update', { type: 'partners', id: partner.id, values: partnerValues({ name: 'Egypt' }) });
    expect(snapshotDatabase(app)).toBe(before);
  });
});

describe('bad input changes nothing', () => {
  let partner: Partner;
  beforeEach(async () => {
    partner = await callOk<Partner>(app, ...create('partners', { name: 'Tunisia' }));
  });

  const mou = (values: unknown) => ({ type: 'mouDrafts', values });
  const cases: [string, string, (partnerId: string) => unknown, string, unknown][] = [
    ['an empty title', 'records.create', (p) => mou({ ...draftValues(p), title: '  ' }), 'VALIDATION', [issue(['values', 'title'], 'validation.required')]],
    ['an over-long title', 'records.create', (p) => mou({ ...draftValues(p), title: 'x'.repeat(201) }), 'VALIDATION', [issue(['values', 'title'], 'validation.tooLong', { max: 200 })]],
    ['an unknown partner', 'records.create', () => mou(draftValues(uuidv7())), 'VALIDATION', [issue(['partnerId'], 'validation.partnerNotFound')]],
    ['a status that does not exist', 'records.create', (p) => mou({ ...draftValues(p), status: 'ratified' }), 'VALIDATION', [issue(['values', 'status'], 'validation.invalidChoice')]],
    ['a value of the wrong kind', 'records.create', (p) => mou({ ...draftValues(p), parties: 'everyone' }), 'VALIDATION', undefined],
    ['a duplicate partner name', 'records.create', () => ({ type: 'partners', values: { name: 'tunisia' } }), 'VALIDATION', [issue(['name'], 'validation.duplicateName')]],
    ['an id that is not a UUID', 'records.get', () => ({ type: 'partners', id: "1' OR 1=1 --" }), 'VALIDATION', undefined],
    ['a record that does not exist', 'records.update', (p) => ({ type: 'mouDrafts', id: uuidv7(), values: draftValues(p) }), 'NOT_FOUND', undefined],
    ['a method that does not exist', 'partners.drop', () => ({}), 'UNKNOWN_METHOD', undefined],
    ['no input at all for a create', 'records.create', () => null, 'VALIDATION', undefined],
  ];

  it.each(cases)('%s: a typed error, and the database as it was', async (_name, method, input, code, issues) => {
    const before = snapshotDatabase(app);
    const result = await app.call(method, input(partner.id));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(10);
    if (issues) expect(result.error.details?.issues).toEqual(issues);
    expectRenderedInBothLanguages(result.error.details?.issues);
    expect(snapshotDatabase(app)).toBe(before);
  });

  it('refuses to delete a partner that still has drafts, and says why', async () => {
    await callOk(app, ...create('mouDrafts', draftValues(partner.id)));
    const before = snapshotDatabase(app);
    const result = await app.call('records.delete', { type: 'partners', id: partner.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!result.ok && result.error.message).toMatch(/1 MOU draft/);
    expect(snapshotDatabase(app)).toBe(before);
  });

  it('says why a delete or a status change was refused in Arabic as well as English', async () => {
    const draft = await callOk<MouDraft>(app, ...create('mouDrafts', draftValues(partner.id)));
    const refusedDelete = await app.call('records.delete', { type: 'partners', id: partner.id });
    expect(refusedDelete.ok).toBe(false);
    if (refusedDelete.ok) return;
    expect(errorText(refusedDelete.error, 'en')).toContain('still has 1 MOU draft');
    expect(errorText(refusedDelete.error, 'ar')).toContain('مسودات مذكرات التفاهم: 1');
    const illegal = await app.call('records.update', { type: 'mouDrafts', id: draft.id, values: { ...draftValues(partner.id), status: 'signed' } });
    expect(illegal).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'records.illegalTransition' } });
    expect(!illegal.ok && errorText(illegal.error, 'ar')).toBe('مسودة مذكرة تفاهم: لا يمكن الانتقال من «مسودة» إلى «موقعة».');
  });

  it('reports an unexpected failure as INTERNAL without leaking it, and rolls back', async () => {
    const before = snapshotDatabase(app);
    app.context.store.db.exec('CREATE TRIGGER explode BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, \'disk says no\'); END');
    const beforeWithTrigger = snapshotDatabase(app);
    const result = await app.call(...create('mouDrafts', draftValues(partner.id)));
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!result.ok && result.error.message).not.toMatch(/disk says no/);
    expect(snapshotDatabase(app)).toBe(beforeWithTrigger);
    expect(before).toBe(beforeWithTrigger); // triggers are not rows
  });
});
