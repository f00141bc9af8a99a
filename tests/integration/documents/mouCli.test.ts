import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, openTestApp, sha256File, snapshotDatabase, tempDirectory } from '../../helpers';
import { createBilingualMou } from './mouFixture';

const root = join(__dirname, '..', '..', '..');
const bin = join(root, 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());
const env = { ...process.env, ACCORD_DB: '', ACCORD_KEY_PASSPHRASE: 'correct horse battery', ACCORD_MARKING: 'SENSITIVE BUT UNCLASSIFIED' };
const accord = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
const at = (name: string) => join(dir.path, name);

let mouId = '';
beforeAll(async () => {
  const app = openTestApp(at('a.sqlite'), undefined, { passphrase: env.ACCORD_KEY_PASSPHRASE });
  ({ mouId } = await createBilingualMou(app, { agreed: true }));
  app.close();
});

describe('accord mou', () => {
  it('lists drafts and exports a bilingual PDF with the marking on every page and the Arabic text, warning about the differing number', () => {
    const list = accord('mou', 'list', '--db', at('a.sqlite'));
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(`${mouId}  agreed`);
    expect(list.stdout).toContain('Border security cooperation');

    const exported = accord('mou', 'export', mouId, '--format', 'pdf', '--lang', 'both', '--layout', 'sequential', '--out', at('mou.pdf'), '--db', at('a.sqlite'));
    expect(exported.status).toBe(0);
    expect(exported.stderr).toMatch(/warning: Clause 2: the numbers differ .*only in English: 90; only in Arabic: 60/);
    const text = execFileSync('pdftotext', ['-layout', at('mou.pdf'), '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((page) => page.trim());
    for (const page of pages) expect(page.match(/SENSITIVE BUT UNCLASSIFIED/g)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Each party reports within 90 days.');
    expect(text).toMatch(/الحدود/);
    expect(text).toContain('Jane Doe');

    const html = accord('mou', 'export', mouId, '--format', 'html', '--lang', 'ar', '--out', at('mou.html'), '--db', at('a.sqlite'));
    expect(html.status).toBe(0);
    expect(readFileSync(at('mou.html'), 'utf8')).toContain('يقدم كل طرف تقريره');
  });

  it('refuses bad arguments with the usage exit code and writes nothing', () => {
    expect(accord('mou', 'export', mouId, '--format', 'odt', '--out', at('x.odt'), '--db', at('a.sqlite')).status).toBe(2);
    expect(accord('mou', 'export', mouId, '--format', 'pdf', '--db', at('a.sqlite')).status).toBe(2);
    expect(accord('mou', 'export', mouId, '--format', 'pdf', '--lang', 'fr', '--out', at('x.pdf'), '--db', at('a.sqlite')).status).toBe(2);
    expect(accord('mou', 'frobnicate', '--db', at('a.sqlite')).status).toBe(2);
    expect(accord('mou', 'export', '019b0000-0000-7000-8000-000000000000', '--format', 'pdf', '--out', at('x.pdf'), '--db', at('a.sqlite')).status).toBe(1);
    expect([existsSync(at('x.odt')), existsSync(at('x.pdf'))]).toEqual([false, false]);
  });

  it('a signed file from post A verifies and imports at post B as a new version; altered or untrusted files are refused naming the part, with B unchanged', async () => {
    const a = at('a.sqlite');
    const b = at('b.sqlite');
    const c = at('c.sqlite');
    expect(accord('keys', 'show', '--name', 'Embassy Tunis', '--db', a).status).toBe(0);
    expect(accord('keys', 'export', '--out', at('a.key.json'), '--db', a).status).toBe(0);
    const aKey = JSON.parse(readFileSync(at('a.key.json'), 'utf8')) as { fingerprint: string };
    expect(accord('keys', 'show', '--name', 'Embassy Rabat', '--db', b).status).toBe(0);
    expect(accord('keys', 'trust', at('a.key.json'), '--fingerprint', aKey.fingerprint, '--db', b).status).toBe(0);
    // B holds the draft (as posts do once they sync), then receives a signed version of it.
    expect(accord('export', '--unencrypted', '--out', at('ab.bundle'), '--db', a).status).toBe(0);
    expect(accord('import', at('ab.bundle'), '--yes', '--db', b).status).toBe(0);

    const signed = at('mou.accord-mou.zip');
    expect(accord('mou', 'export', mouId, '--format', 'signed', '--unencrypted', '--out', signed, '--db', a).status).toBe(0);
    const verified = accord('verify', signed, '--db', b);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toContain('Signed by: Embassy Tunis');
    expect(verified.stdout).toMatch(/Signed at: \d{4}-\d\d-\d\dT/);
    expect(verified.stdout).toMatch(/mou\.pdf .* ok/);

    // Untrusted: post C never trusted A.
    expect(accord('keys', 'show', '--name', 'Embassy Cairo', '--db', c).status).toBe(0);
    expect(accord('verify', signed, '--db', c).status).toBe(5);

    // One byte changed inside the PDF part: refused, naming it; B unchanged.
    const bytes = readFileSync(signed);
    const pdfAt = bytes.indexOf('%PDF');
    bytes[pdfAt + 100]! ^= 0x01;
    writeFileSync(at('altered.accord-mou.zip'), bytes);
    const before = openTestApp(b, undefined, { passphrase: env.ACCORD_KEY_PASSPHRASE });
    const snapshotBefore = snapshotDatabase(before);
    before.close();
    const altered = accord('verify', at('altered.accord-mou.zip'), '--db', b);
    expect(altered.status).toBe(4);
    expect(altered.stderr).toContain('Part "mou.pdf" does not match its signed SHA-256');
    const refusedImport = accord('mou', 'import', at('altered.accord-mou.zip'), '--db', b);
    expect(refusedImport.status).toBe(4);
    expect(refusedImport.stderr).toContain('mou.pdf');
    const after = openTestApp(b, undefined, { passphrase: env.ACCORD_KEY_PASSPHRASE });
    expect(snapshotDatabase(after)).toBe(snapshotBefore);
    after.close();

    const fileHash = sha256File(signed);
    const imported = accord('mou', 'import', signed, '--db', b);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Signed by: Embassy Tunis');
    expect(imported.stdout).toMatch(/Imported as version 1/);
    expect(sha256File(signed)).toBe(fileHash);
    const appB = openTestApp(b, undefined, { passphrase: env.ACCORD_KEY_PASSPHRASE });
    const versions = await callOk<{ id: string; label: string }[]>(appB, 'mou.versions.list', { mouId });
    expect(versions.map((version) => version.label)).toEqual(['Signed file from Embassy Tunis: Current draft']);
    const compared = await callOk<{ clauses: { change: string }[] }>(appB, 'mou.versions.compare', { mouId, from: versions[0]!.id, to: 'current' });
    expect(compared.clauses.every((clause) => clause.change === 'unchanged')).toBe(true);
    appB.close();
    expect(accord('mou', 'import', signed, '--db', b).stdout).toMatch(/Already here as version 1/);
  });

  it('signing records who, when and the hash of the version signed, locks the clauses, and cannot happen twice', async () => {
    const signedRun = accord('mou', 'sign', mouId, '--by', 'Jane Doe', '--db', at('a.sqlite'));
    expect(signedRun.status).toBe(0);
    const hash = /sha256 ([0-9a-f]{64})/.exec(signedRun.stdout)![1];
    expect(accord('mou', 'list', '--db', at('a.sqlite')).stdout).toContain(`signed by Jane Doe`);
    expect(accord('mou', 'list', '--db', at('a.sqlite')).stdout).toContain(hash);
    expect(accord('mou', 'sign', mouId, '--by', 'Jane Doe', '--db', at('a.sqlite')).status).toBe(1);
    const app = openTestApp(at('a.sqlite'), undefined, { passphrase: env.ACCORD_KEY_PASSPHRASE });
    const clauses = await callOk<{ rows: { id: string }[] }>(app, 'records.list', { type: 'mouClauses', filter: { mouId } });
    const edit = await app.call('records.update', { type: 'mouClauses', id: clauses.rows[0]!.id, values: { mouId, position: 1, heading: 'Changed', textEn: 'x', textAr: 'س', benchmarkIds: [], checkInIds: [], objectiveIds: [] } });
    expect(edit.ok).toBe(false);
    app.close();
  });
});
