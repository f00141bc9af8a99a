import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { createSignedMouPackage, signerFromSync, trustFromSync, verifySignedMouPackage, type PackageSigner } from '../../../main/documents';
import { readStoredZip, writeStoredZip, type StoredEntry } from '../../../main/documents/storedZip';
import { snapshotSha256 } from '../../../db/repositories/mouSignings';
import { loadVersion } from '../../../db/repositories/mouVersions';
import type { PreExportWarning } from '../../../shared/api/documents';
import { formatMessage } from '../../../shared/i18n/format';
import { errorText } from '../../../shared/result';
import { exportBundle, importBundle, trustSenderOf } from '../../../main/sync/service';
import { passphraseProtection } from '../../../main/sync/keys';
import { callOk, openTestApp, snapshotDatabase, tempDirectory } from '../../helpers';
import { createBilingualMou } from './mouFixture';

const passphrase = 'correct horse battery';
const dir = tempDirectory();
let a: AccordApp;
let b: AccordApp;
let mouId = '';
let clauseIds: string[] = [];
let signedFile: Buffer;

interface ExportedFile {
  fileName: string;
  size: number;
  bytes: Uint8Array;
  warnings: PreExportWarning[];
}

async function upload(app: AccordApp, bytes: Buffer): Promise<string> {
  return (await callOk<{ uploadId: string }>(app, 'sync.upload', { bytes })).uploadId;
}

const entriesOf = (bytes: Buffer) => readStoredZip(bytes, { maxEntries: 100, maxEntryBytes: 100 * 1024 * 1024 }).map(({ name, data }) => ({ name, data: Buffer.from(data) }));
const rezip = (entries: StoredEntry[]) => writeStoredZip(entries).bytes;

beforeAll(async () => {
  a = openTestApp(join(dir.path, 'a.sqlite'));
  b = openTestApp(join(dir.path, 'b.sqlite'));
  ({ mouId, clauseIds } = await createBilingualMou(a, { agreed: true }));
  // B trusts A and holds the draft, as posts do once they exchange a bundle.
  const bundle = await exportBundle(a.context.store, null, { protection: passphraseProtection, passphrase });
  trustSenderOf(b.context.store, bundle.bytes);
  await importBundle(b.context.store, bundle.bytes);
  signedFile = Buffer.from((await callOk<ExportedFile>(a, 'mou.documents.export', { mouId, format: 'signed', passphrase, encryptFor: 'unencrypted' })).bytes);
});
afterAll(() => {
  a.close();
  b.close();
  dir.remove();
});

describe('MOU documents through the API', () => {
  it('warns before every export where the two texts differ, whatever the language exported', async () => {
    const both = await callOk<ExportedFile['warnings']>(a, 'mou.documents.checks', { mouId, lang: 'both' });
    expect(both.map((warning) => warning.clauseNumber)).toContain('2');
    const clause2 = both.find((warning) => warning.clauseNumber === '2')!;
    expect(clause2).toMatchObject({ key: 'documents.check.clauseNumbersDiffer', params: { clause: '2' } });
    expect(formatMessage('en', clause2.key, clause2.params)).toMatch(/^Clause 2: the numbers differ/);
    expect(formatMessage('ar', clause2.key, clause2.params)).toMatch(/^البند 2: الأرقام مختلفة/);
    // One language exported is still a translation of the other: the difference is reported all the same.
    for (const lang of ['en', 'ar'] as const) {
      const single = await callOk<ExportedFile['warnings']>(a, 'mou.documents.checks', { mouId, lang });
      expect(single.find((warning) => warning.clauseNumber === '2'), lang).toMatchObject({ key: 'documents.check.clauseNumbersDiffer' });
    }
  });

  it('amends a signed MOU through a new version: a copy to edit, the signed one superseded and still locked', async () => {
    const signed = await createBilingualMou(a, { agreed: true, partnerName: 'Egypt' });
    const notYet = await createBilingualMou(a, { partnerName: 'Libya' });
    const before = snapshotDatabase(a);
    const refused = await a.call('mou.newVersion', { mouId: notYet.mouId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'documents.notSigned', params: { title: expect.any(String) } } });
    if (!refused.ok) {
      expect(errorText(refused.error, 'en')).toMatch(/^".+" is not signed: edit it directly instead of starting a new version\.$/);
      expect(errorText(refused.error, 'ar')).toMatch(/^«.+» غير موقعة: عدّلها مباشرة بدلًا من بدء نسخة جديدة\.$/);
    }
    expect(snapshotDatabase(a)).toBe(before);

    await callOk(a, 'mou.sign', { mouId: signed.mouId, signedBy: 'Jane Doe' });
    const { id } = await callOk<{ id: string }>(a, 'mou.newVersion', { mouId: signed.mouId });
    const clausesOf = async (mouId: string) =>
      (await callOk<{ rows: { id: string; heading: string; textAr: string }[] }>(a, 'records.list', { type: 'mouClauses', filter: { mouId }, sort: { field: 'position' } })).rows;
    expect(await callOk(a, 'records.get', { type: 'mouDrafts', id: signed.mouId })).toMatchObject({ record: { status: 'superseded' } });
    expect(await callOk(a, 'records.get', { type: 'mouDrafts', id })).toMatchObject({ record: { status: 'draft', title: signed.values.title } });
    const copied = await clausesOf(id);
    expect(copied.map((clause) => [clause.heading, clause.textAr])).toEqual((await clausesOf(signed.mouId)).map((clause) => [clause.heading, clause.textAr]));
    expect((await callOk<{ total: number }>(a, 'records.list', { type: 'mouSignatories', filter: { mouId: id } })).total).toBe(2);

    const edit = (clauseId: string, mouId: string) =>
      a.call('records.update', { type: 'mouClauses', id: clauseId, values: { mouId, position: 1, heading: 'Purpose', textEn: 'Amended.', textAr: 'معدل.', benchmarkIds: [], checkInIds: [], objectiveIds: [] } });
    expect((await edit(copied[0]!.id, id)).ok).toBe(true);
    expect(await edit(signed.clauseIds[0]!, signed.mouId)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await a.call('mou.newVersion', { mouId: signed.mouId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('stops warning about the title once the draft has its Arabic title, and prints it', async () => {
    const titleWarnings = async () =>
      (await callOk<ExportedFile['warnings']>(a, 'mou.documents.checks', { mouId: other.mouId, lang: 'both' })).filter((warning) => warning.clauseNumber === null);
    const other = await createBilingualMou(a, { partnerName: 'Jordan' });
    expect(await titleWarnings()).toHaveLength(1);
    await callOk(a, 'records.update', { type: 'mouDrafts', id: other.mouId, values: { ...other.values, titleAr: 'التعاون في أمن الحدود' } });
    expect(await titleWarnings()).toEqual([]);
    const html = Buffer.from((await callOk<ExportedFile>(a, 'mou.documents.export', { mouId: other.mouId, format: 'html', lang: 'both' })).bytes).toString('utf8');
    expect(html).toContain('التعاون في أمن الحدود');
  });

  it('cites benchmarks, check-in points and objectives by their Arabic titles in the Arabic text, and by their English ones in the English', async () => {
    const other = await createBilingualMou(a, { partnerName: 'Morocco' });
    const create = (type: string, values: Record<string, unknown>) => callOk<{ id: string }>(a, 'records.create', { type, values });
    const objective = await create('objectives', { code: 'MO9.1', title: 'Secure borders', titleAr: 'حدود آمنة', level: 'objective' });
    const project = await create('projects', { title: 'Border patrol program', titleAr: 'برنامج دوريات الحدود', partnerId: other.partnerId, sector: 'border_security' });
    const benchmark = await create('benchmarks', { title: 'Crossings processed', titleAr: 'المعابر التي تمت معالجتها', projectId: project.id, unit: 'number' });
    const checkIn = await create('checkIns', { title: 'June review', projectId: project.id, dueDate: '2027-06-30' });
    await callOk(a, 'records.create', { type: 'mouClauses', values: { mouId: other.mouId, position: 3, heading: 'Results', textEn: 'The parties measure results.', textAr: 'يقيس الطرفان النتائج.', benchmarkIds: [benchmark.id], checkInIds: [checkIn.id], objectiveIds: [objective.id] } });
    const html = Buffer.from((await callOk<ExportedFile>(a, 'mou.documents.export', { mouId: other.mouId, format: 'html', lang: 'both', layout: 'sequential' })).bytes).toString('utf8');
    // The check-in point has no Arabic title: the Arabic text falls back to its English one.
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('المراجع: المعابر التي تمت معالجتها؛ June review؛ حدود آمنة');
    expect(text).toContain('References: Crossings processed; June review; Secure borders');
  });

  it('exports PDF, DOCX and HTML as files to save, with the warnings next to them', async () => {
    const pdf = await callOk<ExportedFile>(a, 'mou.documents.export', { mouId, format: 'pdf', lang: 'both', layout: 'side-by-side' });
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toMatch(/^Border-security-cooperation-Current-draft-both\.pdf$/);
    expect(pdf.warnings.map((warning) => warning.clauseNumber)).toEqual([null, '2']); // no Arabic title; 90 vs 60 days
    const docx = await callOk<ExportedFile>(a, 'mou.documents.export', { mouId, format: 'docx', lang: 'ar' });
    expect(Buffer.from(docx.bytes).subarray(0, 2).toString()).toBe('PK');
    const html = await callOk<ExportedFile>(a, 'mou.documents.export', { mouId, format: 'html', lang: 'en', layout: 'sequential' });
    expect(Buffer.from(html.bytes).toString('utf8')).toContain('Each party reports within 90 days.');
    const refused = await a.call('mou.documents.export', { mouId, format: 'odt' });
    expect(refused.ok).toBe(false);
  });

  it('in the desktop app the file goes through the Save dialog instead of back to the window', async () => {
    const saved: { name: string; bytes: Buffer }[] = [];
    a.context.saveFile = async (name, content) => (saved.push({ name, bytes: 'bytes' in content ? Buffer.from(content.bytes) : readFileSync(content.copyOf) }), `/chosen/${name}`);
    try {
      const result = await callOk<ExportedFile & { savedWithDialog: boolean; savedTo: string | null }>(a, 'mou.documents.export', { mouId, format: 'pdf' });
      expect(result).toMatchObject({ size: expect.any(Number), savedWithDialog: true, savedTo: `/chosen/${result.fileName}` });
      expect(result.bytes).toHaveLength(0); // the bytes went to the dialog, not back to the window
      expect(saved.map((file) => file.bytes.subarray(0, 5).toString())).toEqual(['%PDF-']);
    } finally {
      delete a.context.saveFile;
    }
  });

  it('a redline between two saved versions marks inserted and deleted words', async () => {
    const first = await callOk<{ id: string }>(a, 'mou.versions.save', { mouId, label: 'First' });
    await callOk(a, 'records.update', {
      type: 'mouClauses',
      id: clauseIds[1],
      values: { mouId, position: 2, heading: 'Reporting', textEn: 'Each party reports within 60 days.', textAr: 'يقدم كل طرف تقريره خلال 60 يوما.', benchmarkIds: [], checkInIds: [], objectiveIds: [] },
    });
    const second = await callOk<{ id: string }>(a, 'mou.versions.save', { mouId, label: 'Second' });
    const html = await callOk<ExportedFile>(a, 'mou.documents.redline', { mouId, from: first.id, to: second.id, format: 'html' });
    const text = Buffer.from(html.bytes).toString('utf8');
    expect(text).toContain('<del>90</del>');
    expect(text).toContain('<ins>60</ins>');
    const pdf = await callOk<ExportedFile>(a, 'mou.documents.redline', { mouId, from: first.id, to: second.id, format: 'pdf' });
    expect(pdf.fileName).toMatch(/-redline\.pdf$/);
  });

  it('another post verifies a signed file (sender, time, parts) and imports it as a new version, once', async () => {
    const verified = await callOk<{ sender: { postName: string }; signedAt: string; parts: { name: string }[]; draftHere: boolean; fingerprint: string }>(b, 'mou.signed.verify', { uploadId: await upload(b, signedFile) });
    expect(verified.sender.postName).toBe(a.context.store.post.name);
    expect(verified.parts.map((part) => part.name)).toEqual(['mou.pdf', 'mou.docx', 'mou.html', 'draft.json', 'snapshot.json']);
    expect(verified.draftHere).toBe(true);
    const draftBefore = await callOk(b, 'records.get', { type: 'mouDrafts', id: mouId });
    const imported = await callOk<{ version: { id: string; number: number }; alreadyPresent: boolean }>(b, 'mou.signed.import', { uploadId: await upload(b, signedFile) });
    expect(imported.alreadyPresent).toBe(false);
    expect((await callOk<{ id: string }[]>(b, 'mou.versions.list', { mouId })).map((version) => version.id)).toEqual([imported.version.id]);
    expect(await callOk(b, 'records.get', { type: 'mouDrafts', id: mouId })).toEqual(draftBefore);
    const again = await callOk<{ alreadyPresent: boolean }>(b, 'mou.signed.import', { uploadId: await upload(b, signedFile) });
    expect(again.alreadyPresent).toBe(true);
  });

  describe('a hostile or damaged signed file is refused with a typed error naming the part, and B is unchanged', () => {
    const otherKey = generateKeyPairSync('ed25519');
    const cases: [string, () => Buffer, string, string, string | null][] = [
      ['a missing part', () => rezip(entriesOf(signedFile).filter((entry) => entry.name !== 'mou.docx')), 'BUNDLE_REJECTED', 'missing-part', 'mou.docx'],
      ['an extra part', () => rezip([...entriesOf(signedFile), { name: 'notes.txt', data: Buffer.from('hi') }]), 'BUNDLE_REJECTED', 'extra-part', 'notes.txt'],
      ['a path that escapes', () => rezip([...entriesOf(signedFile), { name: '../../evil.sh', data: Buffer.from('x') }]), 'BUNDLE_REJECTED', 'unsafe-path', '../../evil.sh'],
      ['an oversized part', () => rezip(entriesOf(signedFile).map((entry) => (entry.name === 'manifest.sig' ? { ...entry, data: Buffer.alloc(4096) } : entry))), 'BUNDLE_REJECTED', 'part-too-large', null],
      ['an altered part', () => rezip(entriesOf(signedFile).map((entry) => (entry.name === 'snapshot.json' ? { ...entry, data: Buffer.from(entry.data.toString().replace('90 days', '10 days')) } : entry))), 'BUNDLE_REJECTED', 'part-altered', 'snapshot.json'],
      [
        'a bad signature',
        () => rezip(entriesOf(signedFile).map((entry) => (entry.name === 'manifest.sig' ? { ...entry, data: Buffer.from(entry.data.map((byte, i) => (i === 0 ? byte ^ 1 : byte))) } : entry))),
        'BUNDLE_REJECTED',
        'signature',
        'manifest.json',
      ],
      [
        'a wrong key for the trusted post',
        () => {
          const verified = verifySignedMouPackage(signedFile, trustFromSync(a.context.store));
          const impostor: PackageSigner = { postId: verified.signer.postId, postName: verified.signer.postName, publicKey: otherKey.publicKey, sign: (bytes) => sign(null, bytes, otherKey.privateKey) };
          return createSignedMouPackage({ document: verified.document, renders: {}, snapshot: verified.snapshot }, impostor, new Date());
        },
        'UNTRUSTED_SENDER',
        'key-changed',
        'manifest.json',
      ],
    ];

    for (const [name, make, code, reason, part] of cases) {
      it(name, async () => {
        const bytes = make();
        const before = snapshotDatabase(b);
        for (const method of ['mou.signed.verify', 'mou.signed.import']) {
          const result = await b.call(method, { uploadId: await upload(b, bytes) });
          expect(result.ok).toBe(false);
          if (result.ok) continue;
          expect(result.error.code).toBe(code);
          expect(result.error.details?.reason).toBe(reason);
          if (part) expect(result.error.details?.part).toBe(part);
        }
        expect(snapshotDatabase(b)).toBe(before);
      });
    }

    it('a correctly signed file whose snapshot is not a valid MOU version', async () => {
      const verified = verifySignedMouPackage(signedFile, trustFromSync(a.context.store));
      const bad = createSignedMouPackage({ document: verified.document, renders: {}, snapshot: { draft: { title: '' }, clauses: 'none', signatories: [] } }, signerFromSync(a.context.store, passphraseProtection, passphrase), new Date());
      const before = snapshotDatabase(b);
      const result = await b.call('mou.signed.import', { uploadId: await upload(b, bad) });
      expect(result.ok || result.error.details?.reason).toBe('snapshot-invalid');
      expect(snapshotDatabase(b)).toBe(before);
    });
  });

  it('signing records who, when and the hash of the exact version, locks the clauses, and refuses a draft not yet agreed', async () => {
    const draft = await createBilingualMou(b, { partnerName: 'Jordan' });
    const before = snapshotDatabase(b);
    const early = await b.call('mou.sign', { mouId: draft.mouId, signedBy: 'Jane Doe' });
    expect(early.ok || early.error.code).toBe('CONFLICT');
    expect(snapshotDatabase(b)).toBe(before);
    expect((await b.call('mou.sign', { mouId: draft.mouId, signedBy: '  ' })).ok).toBe(false);

    await callOk(b, 'records.update', { type: 'mouDrafts', id: draft.mouId, values: { ...draft.values, status: 'agreed' } });
    const { signing, version } = await callOk<{ signing: { signedBy: string; signedAt: string; versionId: string; versionSha256: string }; version: { id: string } }>(b, 'mou.sign', { mouId: draft.mouId, signedBy: 'Jane Doe' });
    expect(signing.signedBy).toBe('Jane Doe');
    expect(signing.versionId).toBe(version.id);
    expect(signing.versionSha256).toBe(snapshotSha256(loadVersion(b.context.store, draft.mouId, version.id).snapshot));
    expect(await callOk(b, 'mou.signings.list', { mouId: draft.mouId })).toHaveLength(1);
    const record = await callOk<{ record: { status: string } }>(b, 'records.get', { type: 'mouDrafts', id: draft.mouId });
    expect(record.record.status).toBe('signed');
    const edit = await b.call('records.update', { type: 'mouClauses', id: draft.clauseIds[0], values: { mouId: draft.mouId, position: 1, heading: 'x', textEn: 'x', textAr: 'س', benchmarkIds: [], checkInIds: [], objectiveIds: [] } });
    expect(edit.ok || edit.error.code).toBe('CONFLICT');
    const retitled = await b.call('records.update', { type: 'mouDrafts', id: draft.mouId, values: { ...draft.values, title: 'Renamed after signing', status: 'signed' } });
    expect(retitled.ok || retitled.error.code).toBe('CONFLICT');
    const signatories = await callOk<{ rows: { id: string }[] }>(b, 'records.list', { type: 'mouSignatories', filter: { mouId: draft.mouId } });
    expect((await b.call('records.delete', { type: 'mouSignatories', id: signatories.rows[0]!.id })).ok).toBe(false);
    const twice = await b.call('mou.sign', { mouId: draft.mouId, signedBy: 'Someone Else' });
    expect(twice.ok || twice.error.code).toBe('CONFLICT');
  });
});
