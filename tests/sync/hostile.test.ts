import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpSyncedTables } from '../../db/dump';
import { signMouDraft } from '../../db/repositories/mouSignings';
import { createRecord, getRecord, updateRecord } from '../../db/repositories/records';
import type { WireChange } from '../../db/sync/changes';
import { bundleChanges, frameBundle, verifyBundle, type BundleHeader } from '../../main/sync/bundle';
import { unlockPrivateKey } from '../../main/sync/keys';
import { importBundle } from '../../main/sync/service';
import { formatMessage } from '../../shared/i18n/format';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { AppError } from '../../shared/result';
import { snapshotDatabase, tempDirectory } from '../helpers';
import { exportFrom, legacyOf, openPost, plainProtection, trustAll, type TestPost } from './support';

/**
 * Bundles a compromised laptop, a buggy build or a newer version could sign: real bundles from a real post,
 * their changes altered and re-signed with that post's own trusted key. Each must be refused whole, naming the
 * record, the field and the registry's reason, with the receiver's database exactly as it was.
 */

const dir = tempDirectory();
afterAll(() => dir.remove());

let sender: TestPost;
let receiver: TestPost;
let header: BundleHeader;
let base: WireChange[];
type Ids = 'partner' | 'other' | 'objective' | 'project' | 'checkIn' | 'resource' | 'draft' | 'clause' | 'signatory' | 'open' | 'signing' | 'version';
const ids = {} as Record<Ids, string>;
let counter = 0;

function changesOf(bytes: Buffer): WireChange[] {
  return bundleChanges(bytes);
}

/** A fresh stamp just after now, as the sender's clock would issue it. */
function nextStamp(): string {
  counter += 1;
  return `${String(Date.now()).padStart(15, '0')}:${String(counter).padStart(6, '0')}`;
}

function resign(changes: unknown[]): Buffer {
  const text = Buffer.from(JSON.stringify(changes));
  counter += 1;
  const forged = { ...header, sequence: header.sequence + 1000 + counter, counts: { changes: changes.length, tables: {} }, uncompressedBytes: text.length };
  return frameBundle(forged, gzipSync(text), unlockPrivateKey(sender.app.context.store.db, plainProtection, undefined));
}

/** An edit of one field as the sender would make it: replacing the value it held (the real bundle's latest). */
function edit(table: string, rowId: string, column: string, value: unknown): WireChange {
  const held = base.filter((change) => change[0] === table && change[1] === rowId && change[2] === column).sort((a, b) => (a[4] < b[4] ? -1 : 1)).at(-1);
  return [table, rowId, column, value, nextStamp(), header.sender.postId, held?.[4] ?? null, held?.[5] ?? null];
}

/** A new record: every field of a real one of the table, with some replaced. */
function copyOf(table: string, rowId: string, newId: string, overrides: Record<string, unknown>): WireChange[] {
  const stamp = nextStamp();
  const latest = new Map<string, WireChange>();
  for (const change of base) if (change[0] === table && change[1] === rowId && change[2] !== '_deleted') latest.set(change[2], change);
  return [...latest.values()].map((change) => [table, newId, change[2], change[2] in overrides ? overrides[change[2]] : change[3], stamp, header.sender.postId, null, null]);
}

async function expectRefused(changes: unknown[], table: string, field: string): Promise<AppError> {
  const before = snapshotDatabase(receiver.app);
  const dump = dumpSyncedTables(receiver.app.context.store.db);
  let caught: unknown;
  try {
    await importBundle(receiver.app.context.store, resign(changes));
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the bundle should have been refused').toBeInstanceOf(AppError);
  const error = caught as AppError;
  expect(error.code).toBe('BUNDLE_REJECTED');
  expect(error.details).toMatchObject({ table, field });
  expect(error.key).toBe('sync.changeRefused');
  expect(snapshotDatabase(receiver.app)).toBe(before);
  expect(dumpSyncedTables(receiver.app.context.store.db)).toBe(dump);
  return error;
}

beforeAll(async () => {
  sender = openPost(`${dir.path}/sender.sqlite`, 'Embassy Tunis, ODC');
  receiver = openPost(`${dir.path}/receiver.sqlite`, 'Embassy Rabat, SCO');
  await trustAll([sender, receiver]);
  const store = sender.app.context.store;
  // As the gate does: the registry's schema fills what a form leaves out.
  const make = (type: string, values: Record<string, unknown>) => createRecord(store, type, inputSchema(recordType(type)).parse(values) as Record<string, unknown>);
  ids.partner = make('partners', { name: 'Tunisia', isoCode: 'TN', notes: 'first' }).id;
  ids.other = make('partners', { name: 'Algeria', isoCode: 'DZ', notes: '' }).id;
  ids.objective = make('objectives', { code: 'G1', title: 'Border security', level: 'goal', description: '' }).id;
  ids.project = make('projects', { title: 'Border posts', partnerId: ids.partner, sector: 'border_security', isPilot: true, startDate: '2026-01-05', endDate: '2026-12-01', objectiveIds: [ids.objective] }).id;
  ids.checkIn = make('checkIns', { title: 'Q1 review', projectId: ids.project, dueDate: '2026-03-31' }).id;
  ids.resource = make('resources', { title: 'Radios', partnerId: ids.partner, authority: 'INCLE', fiscalYear: 2026, requestedMinor: 500_00, approvedMinor: 400_00, currency: 'USD' }).id;
  ids.draft = make('mouDrafts', { title: 'Border MOU', partnerId: ids.partner, sector: 'border_security', status: 'draft', parties: ['Tunisia', 'United States'] }).id;
  ids.clause = make('mouClauses', { mouId: ids.draft, position: 1, heading: 'Purpose', textEn: 'The parties agree.' }).id;
  ids.signatory = make('mouSignatories', { mouId: ids.draft, name: 'A. Ambassador', side: 'us', signingOrder: 1 }).id;
  ids.open = make('mouDrafts', { title: 'Open MOU', partnerId: ids.other, sector: 'police', status: 'draft', parties: [] }).id;
  const draft = getRecord(store, 'mouDrafts', ids.draft);
  updateRecord(store, 'mouDrafts', ids.draft, { ...Object.fromEntries(recordType('mouDrafts').fields.map((field) => [field.name, draft[field.name]])), status: 'agreed' });
  const signed = signMouDraft(store, ids.draft, 'A. Ambassador');
  ids.signing = signed.signing.id;
  ids.version = signed.version.id;
  const bytes = await exportFrom(sender);
  header = legacyOf(bytes).header;
  base = changesOf(bytes);
  await importBundle(receiver.app.context.store, bytes);
});

describe('hostile bundles signed by a trusted post', () => {
  it('the real bundle arrived whole: the signed MOU is signed here', () => {
    expect(receiver.app.context.store.db.prepare('SELECT status FROM mou_drafts WHERE id = ?').pluck().get(ids.draft)).toBe('signed');
  });

  const cases: [string, () => unknown[], string, string][] = [
    ['a negative amount', () => [edit('resources', ids.resource, 'requested_minor', -5)], 'resources', 'requestedMinor'],
    ['fiscal year 99999', () => [edit('resources', ids.resource, 'fiscal_year', 99_999)], 'resources', 'fiscalYear'],
    ['approved over requested (a cross-field rule)', () => [edit('resources', ids.resource, 'approved_minor', 900_00)], 'resources', 'approvedMinor'],
    ['a boolean stored as 7', () => [edit('projects', ids.project, 'is_pilot', 7)], 'projects', 'isPilot'],
    ['a sector outside its set', () => [edit('projects', ids.project, 'sector', 'partners; DROP TABLE x')], 'projects', 'sector'],
    ['a due date not-a-date', () => [edit('check_ins', ids.checkIn, 'due_date', 'not-a-date')], 'check_ins', 'dueDate'],
    ['a date 2024-02-30', () => [edit('projects', ids.project, 'start_date', '2024-02-30')], 'projects', 'startDate'],
    ['an end before its start', () => [edit('projects', ids.project, 'end_date', '2025-01-01')], 'projects', 'endDate'],
    ['a seven-letter country code', () => [edit('partners', ids.partner, 'iso_code', 'ABCDEFG')], 'partners', 'isoCode'],
    ['parties as a number', () => [edit('mou_drafts', ids.open, 'parties', 5)], 'mou_drafts', 'parties'],
    ['a link list holding non-ids', () => [edit('projects', ids.project, 'objective_ids', ['not an id!'])], 'projects', 'objectiveIds'],
    ['a link to a record no post holds', () => [edit('projects', ids.project, 'objective_ids', ['01900000-0000-7000-8000-00000000dead'])], 'projects', 'objectiveIds'],
    ['a ref to a record no post holds', () => [edit('projects', ids.project, 'partner_id', '01900000-0000-7000-8000-00000000beef')], 'projects', 'partnerId'],
    ['an empty required name', () => [edit('partners', ids.partner, 'name', '')], 'partners', 'name'],
    ['a second partner with the same name', () => copyOf('partners', ids.other, '01900000-0000-7000-8000-0000000000a1', { name: 'TUNISIA' }), 'partners', 'name'],
    ['notes over their 4,000-character limit', () => [edit('partners', ids.partner, 'notes', 'x'.repeat(4001))], 'partners', 'notes'],
    ['an MOU status "hacked"', () => [edit('mou_drafts', ids.open, 'status', 'hacked')], 'mou_drafts', 'status'],
    ['a draft moved straight to signed', () => [edit('mou_drafts', ids.open, 'status', 'signed')], 'mou_drafts', 'status'],
    ['a signed MOU moved back to draft', () => [edit('mou_drafts', ids.draft, 'status', 'draft')], 'mou_drafts', 'status'],
    ['a signed MOU back to draft claiming to replace an agreed value', () => {
      const change = edit('mou_drafts', ids.draft, 'status', 'in_negotiation');
      const agreed = base.find((c) => c[0] === 'mou_drafts' && c[1] === ids.draft && c[2] === 'status' && c[3] === 'agreed')!;
      return [[...change.slice(0, 6), agreed[4], agreed[5]]];
    }, 'mou_drafts', 'status'],
    ['a signed MOU retitled', () => [edit('mou_drafts', ids.draft, 'title', 'Forged')], 'mou_drafts', 'title'],
    ['a signed clause rewritten', () => [edit('mou_clauses', ids.clause, 'text_en', 'The parties agree to nothing.')], 'mou_clauses', 'mouId'],
    ['a clause added to a signed MOU', () => copyOf('mou_clauses', ids.clause, '01900000-0000-7000-8000-0000000000c1', { position: 2 }), 'mou_clauses', 'mouId'],
    ['a signed clause deleted', () => [['mou_clauses', ids.clause, '_deleted', true, nextStamp(), header.sender.postId, null, null]], 'mou_clauses', 'mouId'],
    ['a signatory renamed', () => [edit('mou_signatories', ids.signatory, 'name', 'Someone else')], 'mou_signatories', 'mouId'],
    ['the signing record rewritten', () => [edit('mou_signings', ids.signing, 'signed_by', 'Nobody')], 'mou_signings', 'signed_by'],
    ['the signed version\'s snapshot replaced', () => [edit('mou_versions', ids.version, 'snapshot', { draft: { title: 'Forged' }, clauses: [], signatories: [] })], 'mou_versions', 'snapshot'],
    ['a signed MOU deleted', () => [['mou_drafts', ids.draft, '_deleted', true, nextStamp(), header.sender.postId, null, null]], 'mou_drafts', 'status'],
  ];

  for (const [name, build, table, field] of cases) {
    it(`refuses ${name}, naming ${table}.${field}`, async () => {
      const error = await expectRefused(build(), table, field);
      expect(error.message).toContain('refused');
      expect(error.message).toContain(ids.draft === error.details?.rowId ? ids.draft : String(error.details?.rowId));
      expect(formatMessage('ar', error.key!, error.params)).not.toContain('{');
    });
  }

  it('one refused change refuses the whole bundle, honest changes beside it included', async () => {
    await expectRefused([edit('partners', ids.other, 'notes', 'honest'), edit('resources', ids.resource, 'fiscal_year', 1999)], 'resources', 'fiscalYear');
  });

  it('links resolve after the whole bundle: a project may arrive before the partner it names', async () => {
    const partnerId = '01900000-0000-7000-8000-0000000000b1';
    const projectId = '01900000-0000-7000-8000-0000000000b2';
    const project = copyOf('projects', ids.project, projectId, { partner_id: partnerId, title: 'New posts' });
    const partner = copyOf('partners', ids.other, partnerId, { name: 'Libya', iso_code: 'LY' });
    const report = await importBundle(receiver.app.context.store, resign([...project, ...partner]));
    expect(report.status).toBe('applied');
    expect(receiver.app.context.store.db.prepare('SELECT partner_id FROM projects WHERE id = ?').pluck().get(projectId)).toBe(partnerId);
  });

  it('an honest edit and the signed MOU moving to superseded are accepted', async () => {
    const report = await importBundle(receiver.app.context.store, resign([edit('partners', ids.partner, 'notes', 'second'), edit('mou_drafts', ids.draft, 'status', 'superseded')]));
    expect(report.status).toBe('applied');
    expect(receiver.app.context.store.db.prepare('SELECT status FROM mou_drafts WHERE id = ?').pluck().get(ids.draft)).toBe('superseded');
  });
});

describe('limits that hold in memory, and strict text', () => {
  function nested(depth: number): unknown {
    let value: unknown = 'deep';
    for (let level = 0; level < depth; level += 1) value = [value];
    return value;
  }

  async function expectChangeRejected(changes: unknown[] | Buffer): Promise<AppError> {
    const before = snapshotDatabase(receiver.app);
    const error = await importBundle(receiver.app.context.store, Buffer.isBuffer(changes) ? changes : resign(changes)).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BUNDLE_REJECTED');
    expect(snapshotDatabase(receiver.app)).toBe(before);
    return error as AppError;
  }

  it('nesting at the limit passes the shape check, just over and 10,000 deep are refused without crashing, and the post still works', async () => {
    const { valueShapeProblem, MAX_VALUE_DEPTH } = await import('../../db/sync/changes');
    expect(valueShapeProblem(nested(MAX_VALUE_DEPTH))).toBeNull();
    expect(valueShapeProblem(nested(MAX_VALUE_DEPTH + 1))).toContain('nested');
    for (const depth of [MAX_VALUE_DEPTH + 1, 10_000]) {
      // Written out by hand: JSON.stringify itself cannot write 10,000 levels.
      const change = edit('mou_drafts', ids.open, 'parties', 'PLACEHOLDER');
      const text = Buffer.from(JSON.stringify([change]).replace('"PLACEHOLDER"', `${'['.repeat(depth)}"deep"${']'.repeat(depth)}`));
      const forged = { ...header, sequence: header.sequence + 8000 + depth, counts: { changes: 1, tables: {} }, uncompressedBytes: text.length };
      const error = await expectChangeRejected(frameBundle(forged, gzipSync(text), unlockPrivateKey(sender.app.context.store.db, plainProtection, undefined)));
      expect(error.details?.reason).toBe('change');
      expect(error.message).toContain('nested');
    }
    expect(verifyBundle(await exportFrom(receiver)).header.counts.changes).toBeGreaterThan(0);
    expect(dumpSyncedTables(receiver.app.context.store.db).length).toBeGreaterThan(0);
  });

  it('a text at its limit passes, one over is refused before any record is built, a 64-million-character one too', async () => {
    await importBundle(receiver.app.context.store, resign([edit('partners', ids.other, 'notes', 'x'.repeat(4000))]));
    for (const size of [4001, 64_000_000]) {
      const error = await expectChangeRejected([edit('partners', ids.other, 'notes', 'y'.repeat(size))]);
      expect(error.details).toMatchObject({ table: 'partners', field: 'notes', length: size });
      expect(error.params?.reason).toEqual({ key: 'validation.tooLong', params: { max: 4000 } });
    }
  });

  it('invalid UTF-8 and lone surrogates are refused, never replaced', async () => {
    const lone = await expectChangeRejected([edit('partners', ids.other, 'notes', 'half \ud800 a pair')]);
    expect(lone.message).toContain('well-formed');
    const text = Buffer.from(JSON.stringify([edit('partners', ids.other, 'notes', 'AAAA')]));
    const broken = Buffer.from(text);
    broken[broken.indexOf('AAAA')] = 0xff;
    const forged = { ...header, sequence: header.sequence + 9000, counts: { changes: 1, tables: {} }, uncompressedBytes: broken.length };
    const error = await expectChangeRejected(frameBundle(forged, gzipSync(broken), unlockPrivateKey(sender.app.context.store.db, plainProtection, undefined)));
    expect(error.details?.reason).toBe('payload');
  });
});

describe('a signed version is checked on every read', () => {
  it('a snapshot altered behind the app is refused, saying its SHA-256 does not match', async () => {
    const { loadVersion } = await import('../../db/repositories/mouVersions');
    const store = receiver.app.context.store;
    expect(loadVersion(store, ids.draft, ids.version).snapshot.draft.title).toBe('Border MOU');
    const row = store.db.prepare('SELECT snapshot FROM mou_versions WHERE id = ?').pluck().get(ids.version) as string;
    store.db.prepare('UPDATE mou_versions SET snapshot = ? WHERE id = ?').run(row.replace('Border MOU', 'Forged MOU'), ids.version);
    let caught: unknown;
    try {
      loadVersion(store, ids.draft, ids.version);
    } catch (error) {
      caught = error;
    }
    expect((caught as AppError).key).toBe('sync.signedVersionAltered');
    expect((caught as AppError).details?.reason).toBe('signed-version-altered');
    store.db.prepare('UPDATE mou_versions SET snapshot = ? WHERE id = ?').run(row, ids.version);
  });
});

describe('a signed MOU file whose parts describe different drafts', () => {
  it('is refused naming the snapshot part, and nothing is added', async () => {
    const { addReceivedVersion } = await import('../../db/repositories/mouSignings');
    const { loadVersion } = await import('../../db/repositories/mouVersions');
    const store = receiver.app.context.store;
    const { snapshot } = loadVersion(store, ids.draft, ids.version);
    const before = snapshotDatabase(receiver.app);
    let caught: unknown;
    try {
      addReceivedVersion(store, ids.open, snapshot, 'Forged');
    } catch (error) {
      caught = error;
    }
    expect((caught as AppError).details).toMatchObject({ reason: 'part-mismatch', part: 'snapshot.json' });
    expect(snapshotDatabase(receiver.app)).toBe(before);
  });
});
