import { beforeEach, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import type { RecordLink, RecordRow } from '../../../shared/api/records';
import { RECORD_TYPE_NAMES, recordType, recordTypes } from '../../../shared/records/registry';
import { uuidv7 } from '../../../shared/uuid';
import { callOk, snapshotDatabase, useFreshApp } from '../../helpers';
import { buildModel, create, editable, update } from './fixtures';
import { formatMessage } from '../../../shared/i18n/format';
import type { FieldIssue } from '../../../shared/result';

/** Every issue's message reads as a sentence in English and in Arabic. */
function expectRenderedInBothLanguages(issues: FieldIssue[] | undefined): void {
  for (const { key, params } of issues ?? []) {
    if (!key) continue;
    expect(formatMessage('en', key, params)).toMatch(/^[A-Z].*\.$/);
    expect(formatMessage('ar', key, params)).toMatch(/[\u0600-\u06ff]/);
  }
}

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Model = Awaited<ReturnType<typeof buildModel>>;
const list = (input: Record<string, unknown>) => callOk<{ rows: RecordRow[]; total: number }>(app, 'records.list', input);
const get = (type: string, id: string) => callOk<{ record: RecordRow; linksOut: RecordLink[]; linksIn: RecordLink[]; warnings?: string[] }>(app, 'records.get', { type, id });

/** Which record of the model is of which type. */
function byType(model: Model): Record<string, RecordRow> {
  return {
    partners: model.partner,
    sectorPriorities: model.sectorPriority,
    stakeholders: model.ministry,
    people: model.officer,
    objectives: model.objective,
    projects: model.project,
    benchmarks: model.benchmark,
    benchmarkTargets: model.benchmarkTarget,
    checkIns: model.checkIn,
    measurements: model.measurement,
    mouDrafts: model.mou,
    mouClauses: model.clause,
    mouSignatories: model.signatory,
    meetings: model.meeting,
    actionItems: model.actionItem,
    resources: model.resource,
    briefDeliveries: model.briefDelivery,
    budgetDeadlines: model.deadline,
  };
}

describe('every record type through the dispatch gate', () => {
  it('creates, reads, edits, lists, finds and deletes one of each', async () => {
    const model = await buildModel(app);
    const records = byType(model);
    expect(Object.keys(records).sort()).toEqual([...RECORD_TYPE_NAMES].sort());

    for (const [type, created] of Object.entries(records)) {
      const { record } = await get(type, created.id);
      expect(record).toEqual(created);
      // Edit the title field (a text every type has; a typed value for measured values and targets), then find it by list, search and filter.
      const { titleField, typedBy } = recordType(type);
      const typed = typedBy?.fields.includes(titleField) ?? false;
      const renamed = typed ? '987654' : `${created.title} revised`;
      const edited = await update(app, type, created.id, { ...editable(type, created), [titleField]: renamed });
      expect(edited.title).toBe(renamed);
      expect(edited.updatedAt >= created.updatedAt).toBe(true);
      const found = await list({ type, search: typed ? '987654' : 'revised' });
      expect(found.rows.map((row) => row.id)).toEqual([created.id]);
      expect(found.total).toBe(1);
    }
    expect(model.project.isPilot).toBe(true);
    expect(model.signatory).toMatchObject({ title: 'Joey Hood', name: 'Joey Hood', jobTitle: 'Ambassador' });
    expect(model.partner.isoCode).toBe('TN');
    expect(model.resource.requestedMinor).toBe(25_000_000);

    // Children first: every delete leaves a tombstone and the record gone.
    const order = ['actionItems', 'meetings', 'resources', 'briefDeliveries', 'budgetDeadlines', 'mouSignatories', 'mouClauses', 'mouDrafts', 'measurements', 'benchmarkTargets', 'checkIns', 'benchmarks', 'projects', 'sectorPriorities', 'people', 'stakeholders', 'objectives', 'partners'];
    for (const type of order) {
      const ids = (await list({ type })).rows.map((row) => row.id);
      for (const id of ids) await callOk(app, 'records.delete', { type, id });
      expect((await list({ type })).total).toBe(0);
    }
    const tombstones = app.context.store.db.prepare("SELECT COUNT(*) AS n FROM field_changes WHERE column_name = '_deleted'").get() as { n: number };
    expect(tombstones.n).toBe(20);
  });

  it('lists with filters, sorts, paging and a search box', async () => {
    const model = await buildModel(app);
    for (const [title, due, status] of [
      ['Second joint review', '2026-12-31', 'planned'],
      ['Third joint review', '2027-06-30', 'assessed'],
    ] as const) {
      await create(app, 'checkIns', { title, projectId: model.project.id, dueDate: due, status, benchmarkIds: [model.benchmark.id] });
    }
    const byDue = await list({ type: 'checkIns', filter: { projectId: model.project.id }, sort: { field: 'dueDate', direction: 'desc' } });
    expect(byDue.rows.map((row) => row.dueDate)).toEqual(['2027-06-30', '2026-12-31', '2026-06-30']);
    const planned = await list({ type: 'checkIns', filter: { status: 'planned' }, sort: { field: 'title', direction: 'asc' } });
    expect(planned.rows.map((row) => row.title)).toEqual(['First joint review', 'Second joint review']);
    const page = await list({ type: 'checkIns', sort: { field: 'dueDate', direction: 'asc' }, limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, rows: [{ title: 'Third joint review' }] });
    const citing = await list({ type: 'checkIns', filter: { benchmarkIds: model.benchmark.id } });
    expect(citing.total).toBe(3);
    const pilots = await list({ type: 'projects', filter: { isPilot: true } });
    expect(pilots.rows.map((row) => row.id)).toEqual([model.project.id]);
    expect((await list({ type: 'projects', filter: { isPilot: false } })).total).toBe(0);
    expect((await list({ type: 'checkIns', search: 'second' })).rows.map((row) => row.title)).toEqual(['Second joint review']);
  });

  it('shows links both ways: a benchmark lists the clauses and check-in points that cite it', async () => {
    const model = await buildModel(app);
    const benchmark = await get('benchmarks', model.benchmark.id);
    expect(benchmark.linksIn).toEqual(
      expect.arrayContaining([
        { type: 'mouClauses', id: model.clause.id, title: 'Training', field: 'benchmarkIds' },
        { type: 'checkIns', id: model.checkIn.id, title: 'First joint review', field: 'benchmarkIds' },
      ]),
    );
    expect(benchmark.linksOut).toEqual([
      { type: 'projects', id: model.project.id, title: 'Community policing pilot in Sfax', field: 'projectId' },
      { type: 'objectives', id: model.objective.id, title: 'Professional, accountable police', field: 'objectiveIds' },
    ]);
    // A linked record's Arabic title comes with it (where its type has one and it is filled in), both ways.
    await update(app, 'projects', model.project.id, { ...editable('projects', model.project), titleAr: 'الشرطة المجتمعية في صفاقس' });
    await update(app, 'checkIns', model.checkIn.id, { ...editable('checkIns', model.checkIn), titleAr: 'المراجعة المشتركة الأولى' });
    const titled = await get('benchmarks', model.benchmark.id);
    expect(titled.linksOut[0]).toEqual({ type: 'projects', id: model.project.id, title: 'Community policing pilot in Sfax', titleAr: 'الشرطة المجتمعية في صفاقس', field: 'projectId' });
    expect(titled.linksIn).toContainEqual({ type: 'checkIns', id: model.checkIn.id, title: 'First joint review', titleAr: 'المراجعة المشتركة الأولى', field: 'benchmarkIds' });
    const clause = await get('mouClauses', model.clause.id);
    expect(clause.linksOut.map((link) => [link.type, link.id])).toEqual([
      ['mouDrafts', model.mou.id],
      ['benchmarks', model.benchmark.id],
      ['checkIns', model.checkIn.id],
      ['objectives', model.objective.id],
    ]);
    const objective = await get('objectives', model.objective.id);
    expect(objective.linksIn.map((link) => link.type).sort()).toEqual(['benchmarks', 'mouClauses', 'projects']);
    // Links inside JSON items count too: a person shows the meeting they attended and the action they own.
    const officer = await get('people', model.officer.id);
    expect(officer.linksIn.map((link) => [link.type, link.field])).toEqual(
      expect.arrayContaining([
        ['meetings', 'attendees'],
        ['actionItems', 'ownerId'],
      ]),
    );
    // Editing the citation moves the back-link.
    await update(app, 'mouClauses', model.clause.id, { ...editable('mouClauses', model.clause), benchmarkIds: [] });
    expect((await get('benchmarks', model.benchmark.id)).linksIn.map((link) => link.type)).toEqual(['checkIns', 'measurements', 'benchmarkTargets']);
  });

  it('shows a link to a record that no longer exists as missing instead of failing', async () => {
    const model = await buildModel(app);
    // Another post deleted the objective (sync writes the row directly; readers tolerate it).
    app.context.store.db.prepare('DELETE FROM objectives WHERE id = ?').run(model.objective.id);
    const project = await get('projects', model.project.id);
    expect(project.linksOut).toContainEqual({ type: 'objectives', id: model.objective.id, title: '', field: 'objectiveIds', missing: true });
  });

  it('warns on a meeting that decides resources with no resource manager attending', async () => {
    const model = await buildModel(app);
    expect((await get('meetings', model.meeting.id)).warnings).toEqual([]);
    await update(app, 'meetings', model.meeting.id, { ...editable('meetings', model.meeting), attendees: [{ personId: model.officer.id, role: 'Partner lead' }] });
    expect((await get('meetings', model.meeting.id)).warnings).toEqual([JSON.stringify({ key: 'validation.noResourceManager' })]);
  });

  it('records every create, update and delete in the audit trail, per field, with the post', async () => {
    const model = await buildModel(app);
    await update(app, 'projects', model.project.id, { ...editable('projects', model.project), status: 'completed', isPilot: false });
    const audit = await callOk<{ action: string; postId: string; postName: string; changes: Record<string, [unknown, unknown]> }[]>(app, 'records.audit', { type: 'projects', id: model.project.id });
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(audit[0]!.changes.title).toEqual([null, 'Community policing pilot in Sfax']);
    expect(audit[1]!.changes).toEqual({ isPilot: [true, false], status: ['active', 'completed'] });
    expect(audit[1]!.postId).toBe(app.context.store.post.id);
    expect(audit[1]!.postName).toBe(app.context.store.post.name);
    await callOk(app, 'records.delete', { type: 'actionItems', id: model.actionItem.id });
    const deleted = await callOk<{ action: string }[]>(app, 'records.audit', { type: 'actionItems', id: model.actionItem.id });
    expect(deleted.map((entry) => entry.action)).toEqual(['create', 'delete']);
  });

  it('stores booleans as 0/1 so a synced change fits its INTEGER column', async () => {
    const model = await buildModel(app);
    const change = app.context.store.db.prepare("SELECT value FROM field_changes WHERE row_id = ? AND column_name = 'is_pilot'").get(model.project.id);
    expect(change).toEqual({ value: '1' });
  });
});

describe('the registry', () => {
  it("names no field 'title' except a type's title field (every API row's title is its display name)", () => {
    for (const spec of recordTypes) {
      const clash = spec.fields.find((field) => field.name === 'title' && spec.titleField !== 'title');
      expect(clash, spec.name).toBeUndefined();
    }
  });
});

describe('rules the schema cannot see', () => {
  it('refuses to delete a record others still point at, and says what', async () => {
    const model = await buildModel(app);
    const before = snapshotDatabase(app);
    const result = await app.call('records.delete', { type: 'projects', id: model.project.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { counts: { benchmarks: 1, checkIns: 1 } } } });
    expect(!result.ok && result.error.message).toMatch(/1 benchmark, 1 check-in point/);
    const partner = await app.call('records.delete', { type: 'partners', id: model.partner.id });
    expect(!partner.ok && partner.error.message).toBe(
      '“Tunisia” still has 1 MOU draft, 1 project, 1 sector priority, 1 stakeholder organisation, 1 meeting, 1 resource line pointing at it. Delete or move them before deleting it.',
    );
    const cited = await app.call('records.delete', { type: 'benchmarks', id: model.benchmark.id });
    expect(!cited.ok && cited.error.message).toMatch(/1 MOU clause/);
    expect(snapshotDatabase(app)).toBe(before);
  });

  it('locks the clauses of a signed MOU', async () => {
    const model = await buildModel(app);
    const mou = editable('mouDrafts', model.mou);
    for (const status of ['agreed', 'signed']) await update(app, 'mouDrafts', model.mou.id, { ...mou, status });
    const before = snapshotDatabase(app);
    const edit = await app.call('records.update', { type: 'mouClauses', id: model.clause.id, values: { ...editable('mouClauses', model.clause), textEn: 'Changed after signature.' } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'records.mouLocked', details: { issues: [{ path: ['mouId'], key: 'validation.recordLocked' }] } } });
    const add = await app.call('records.create', { type: 'mouClauses', values: { mouId: model.mou.id, position: 2, heading: 'New' } });
    expect(add).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const remove = await app.call('records.delete', { type: 'mouClauses', id: model.clause.id });
    expect(remove).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(snapshotDatabase(app)).toBe(before);
  });
});

describe('bad input: a typed error, and nothing saved', () => {
  let model: Model;
  beforeEach(async () => {
    model = await buildModel(app);
  });

  const cases: [string, (m: Model) => [string, unknown], string, unknown][] = [
    ['a value of the wrong kind', (m) => ['records.create', { type: 'resources', values: { ...editable('resources', m.resource), fiscalYear: 'next year' } }], 'VALIDATION', [{ path: ['values', 'fiscalYear'], key: 'validation.invalidNumber' }]],
    ['money with a fraction', (m) => ['records.create', { type: 'resources', values: { ...editable('resources', m.resource), requestedMinor: 10.5 } }], 'VALIDATION', [{ path: ['values', 'requestedMinor'], key: 'validation.invalidNumber' }]],
    ['a field the type does not have', (m) => ['records.create', { type: 'people', values: { ...editable('people', m.officer), salary: 1 } }], 'VALIDATION', undefined],
    ['a link to a record that does not exist', () => ['records.create', { type: 'benchmarks', values: { title: 'X', projectId: uuidv7() } }], 'VALIDATION', [{ path: ['projectId'], key: 'validation.recordNotFound' }]],
    ['a link in a list to a record that does not exist', (m) => ['records.create', { type: 'mouClauses', values: { mouId: m.mou.id, position: 2, heading: 'X', checkInIds: [m.checkIn.id, uuidv7()] } }], 'VALIDATION', [{ path: ['checkInIds'], key: 'validation.recordNotFound' }]],
    ['an attendee who does not exist', (m) => ['records.update', { type: 'meetings', id: m.meeting.id, values: { ...editable('meetings', m.meeting), attendees: [{ personId: uuidv7(), role: '' }] } }], 'VALIDATION', [{ path: ['attendees'], key: 'validation.recordNotFound' }]],
    ['an illegal status transition', (m) => ['records.update', { type: 'mouDrafts', id: m.mou.id, values: { ...editable('mouDrafts', m.mou), status: 'signed' } }], 'CONFLICT', [{ path: ['status'], key: 'validation.illegalTransition' }]],
    ['a target date before its baseline date', (m) => ['records.update', { type: 'benchmarks', id: m.benchmark.id, values: { ...editable('benchmarks', m.benchmark), targetDate: '2025-12-31' } }], 'VALIDATION', [{ path: ['values', 'targetDate'], key: 'validation.targetBeforeBaseline' }]],
    ['an end date before its start date', (m) => ['records.update', { type: 'projects', id: m.project.id, values: { ...editable('projects', m.project), endDate: '2025-01-01' } }], 'VALIDATION', [{ path: ['values', 'endDate'], key: 'validation.endBeforeStart' }]],
    ['an agreement without date and name', (m) => ['records.update', { type: 'sectorPriorities', id: m.sectorPriority.id, values: { ...editable('sectorPriorities', m.sectorPriority), agreedOn: '' } }], 'VALIDATION', [{ path: ['values', 'agreedOn'], key: 'validation.agreementNeedsDate' }]],
    ['approved over requested', (m) => ['records.update', { type: 'resources', id: m.resource.id, values: { ...editable('resources', m.resource), approvedMinor: 300_000_00 } }], 'VALIDATION', [{ path: ['values', 'approvedMinor'], key: 'validation.approvedOverRequested' }]],
    ['a measured value that does not read as its benchmark\'s unit', (m) => ['records.create', { type: 'measurements', values: { benchmarkId: m.benchmark.id, checkInId: m.checkIn.id, value: 'about half' } }], 'VALIDATION', [{ path: ['value'], key: 'validation.valueNotOfUnit' }]],
    ['a target that does not read as the benchmark\'s unit', (m) => ['records.update', { type: 'benchmarks', id: m.benchmark.id, values: { ...editable('benchmarks', m.benchmark), targetValue: 'four hundred' } }], 'VALIDATION', [{ path: ['values', 'targetValue'], key: 'validation.valueNotOfUnit' }]],
    ['a unit change that measured values would not read as', (m) => ['records.update', { type: 'benchmarks', id: m.benchmark.id, values: { ...editable('benchmarks', m.benchmark), unit: 'yes_no', baselineValue: 'no', targetValue: 'yes' } }], 'VALIDATION', [{ path: ['unit'], key: 'validation.unitInUse' }]],
    ['a date that does not exist', (m) => ['records.update', { type: 'checkIns', id: m.checkIn.id, values: { ...editable('checkIns', m.checkIn), dueDate: '2026-02-30' } }], 'VALIDATION', [{ path: ['values', 'dueDate'], key: 'validation.invalidDate' }]],
    ['a duplicate partner name', () => ['records.create', { type: 'partners', values: { name: 'TUNISIA' } }], 'VALIDATION', [{ path: ['name'], key: 'validation.duplicateName' }]],
    ['a malformed country code', () => ['records.create', { type: 'partners', values: { name: 'Jordan', isoCode: 'J1' } }], 'VALIDATION', [{ path: ['values', 'isoCode'], key: 'validation.invalidCode' }]],
    ['a record type that does not exist', () => ['records.create', { type: 'weapons', values: {} }], 'VALIDATION', undefined],
    ['editing a record that does not exist', (m) => ['records.update', { type: 'projects', id: uuidv7(), values: editable('projects', m.project) }], 'NOT_FOUND', undefined],
    ['a filter on a field the type does not have', () => ['records.list', { type: 'projects', filter: { budget: 1 } }], 'VALIDATION', [{ path: ['filter', 'budget'], key: 'validation.invalid' }]],
    ['a sort on a field the type does not have', () => ['records.list', { type: 'projects', sort: { field: 'id; DROP TABLE projects' } }], 'VALIDATION', [{ path: ['sort', 'field'], key: 'validation.invalid' }]],
  ];

  it.each(cases)('%s', async (_name, input, code, issues) => {
    const before = snapshotDatabase(app);
    const [method, payload] = input(model);
    const result = await app.call(method, payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(10);
    if (issues) expect(result.error.details?.issues?.map(({ path, key }) => ({ path, key }))).toEqual(issues);
    expectRenderedInBothLanguages(result.error.details?.issues);
    expect(snapshotDatabase(app)).toBe(before);
  });
});
