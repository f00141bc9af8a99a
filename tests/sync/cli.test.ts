import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callOk, sha256File, tempDirectory, openTestApp } from '../helpers';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());
const env = { ...process.env, ACCORD_DB: '', ACCORD_KEY_PASSPHRASE: 'correct horse battery' };
const accord = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env });
const at = (name: string) => join(dir.path, name);

async function seed(db: string, partner: string) {
  const app = openTestApp(db, undefined, { passphrase: env.ACCORD_KEY_PASSPHRASE });
  const created = await callOk<{ id: string }>(app, 'records.create', { type: 'partners', values: { name: partner, isoCode: '' } });
  app.close();
  return created.id;
}

describe('accord export / import / verify / keys', () => {
  it('two databases seeded differently exchange bundles through the CLI and end identical, with exit codes a script can rely on', async () => {
    const a = at('a.sqlite');
    const b = at('b.sqlite');
    await seed(a, 'Tunisia');
    const shared = await seed(b, 'Morocco');
    expect(accord('keys', 'show', '--name', 'Embassy Tunis, ODC', '--db', a).stdout).toMatch(/Fingerprint: ([0-9A-F]{4} ){7}[0-9A-F]{4}/);
    expect(accord('keys', 'export', '--out', at('b.key.json'), '--db', b).status).toBe(0);
    const bKey = JSON.parse(readFileSync(at('b.key.json'), 'utf8')) as { postId: string; name: string; fingerprint: string; encryptionKey: string };
    expect(bKey.encryptionKey).toMatch(/^age1pq1/);

    // Unknown sender: refused (5) until its fingerprint is checked and trusted.
    expect(accord('export', '--unencrypted', '--out', at('a1.bundle'), '--db', a).status).toBe(0);
    const before = sha256File(at('a1.bundle'));
    const refused = accord('import', at('a1.bundle'), '--yes', '--db', b);
    expect(refused.status).toBe(5);
    expect(refused.stderr).toMatch(/not a trusted post/);
    expect(accord('verify', at('a1.bundle'), '--db', b).status).toBe(5);
    expect(accord('keys', 'trust', at('a1.bundle'), '--fingerprint', '0000 0000', '--db', b).status).toBe(1);
    const aFingerprint = /Fingerprint: (.*)/.exec(accord('keys', 'show', '--db', a).stdout)![1]!;
    expect(accord('keys', 'trust', at('a1.bundle'), '--fingerprint', aFingerprint, '--db', b).status).toBe(0);
    expect(accord('keys', 'trust', at('b.key.json'), '--fingerprint', bKey.fingerprint, '--db', a).status).toBe(0);
    expect(accord('verify', at('a1.bundle'), '--db', b).status).toBe(0);

    const dry = accord('import', at('a1.bundle'), '--dry-run', '--db', b);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/partners\s+1\s+0\s+0\s+0/);
    expect(accord('import', at('a1.bundle'), '--db', b).status).toBe(2); // no terminal, no --yes
    expect(accord('import', at('a1.bundle'), '--yes', '--db', b).status).toBe(0);
    expect(accord('import', at('a1.bundle'), '--yes', '--db', b).stdout).toMatch(/imported before/);
    expect(sha256File(at('a1.bundle'))).toBe(before);

    // Who may read a file is always said: no choice is a usage error naming both ways, and writes nothing.
    const unchosen = accord('export', '--out', at('unchosen.bundle'), '--db', a);
    expect(unchosen.status).toBe(2);
    expect(unchosen.stderr).toMatch(/--encrypt-to .*--unencrypted/s);
    expect(existsSync(at('unchosen.bundle'))).toBe(false);
    // Encrypted to B, named as people name it: B opens it; A itself is not a reader and is refused (4) saying why.
    const sealed = accord('export', '--encrypt-to', bKey.name, '--out', at('sealed.bundle'), '--db', a);
    expect(sealed.status).toBe(0);
    expect(sealed.stdout).toContain(`Encrypted to ${bKey.name}: only they can open it.`);
    expect(readFileSync(at('sealed.bundle')).subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
    expect(readFileSync(at('sealed.bundle')).includes('Tunisia')).toBe(false);
    expect(accord('import', at('sealed.bundle'), '--yes', '--db', b).status).toBe(0);
    const notForA = accord('import', at('sealed.bundle'), '--yes', '--db', a);
    expect(notForA.status).toBe(4);
    expect(notForA.stderr).toContain('encrypted for other posts, not for this one');

    // Both sides edit, then exchange deltas.
    const appB = openTestApp(b, undefined, { passphrase: env.ACCORD_KEY_PASSPHRASE });
    await callOk(appB, 'records.update', { type: 'partners', id: shared, values: { name: 'Kingdom of Morocco', isoCode: 'MA' } });
    appB.close();
    expect(accord('export', '--unencrypted', '--out', at('b1.bundle'), '--db', b).status).toBe(0);
    expect(accord('import', at('b1.bundle'), '--yes', '--db', a).status).toBe(0);
    // Each side learns what the other holds from the other's bundles: deltas shrink to nothing.
    const aPost = /Post id: (.*)/.exec(accord('keys', 'show', '--db', a).stdout)![1]!;
    expect(accord('export', '--unencrypted', '--out', at('a2.bundle'), '--for', bKey.postId, '--db', a).stdout).toMatch(/: 0 changes,/);
    expect(accord('import', at('a2.bundle'), '--yes', '--db', b).status).toBe(0);
    expect(accord('export', '--unencrypted', '--out', at('b2.bundle'), '--for', aPost, '--db', b).stdout).toMatch(/: 0 changes,/);
    expect(accord('dump', '--db', a).stdout).toBe(accord('dump', '--db', b).stdout);
    expect(accord('dump', '--db', a).stdout).toContain('Kingdom of Morocco');
    expect(accord('keys', 'list', '--db', a).stdout).toContain(bKey.postId);

    // Altered by one byte: refused with 4. Revoked sender: refused with 5.
    const altered = Buffer.from(readFileSync(at('b1.bundle')));
    altered.writeUInt8(altered.readUInt8(altered.length - 100) ^ 0x01, altered.length - 100);
    writeFileSync(at('altered.bundle'), altered);
    const bad = accord('import', at('altered.bundle'), '--yes', '--db', a);
    expect(bad.status).toBe(4);
    expect(bad.stderr).toMatch(/altered/);
    expect(accord('verify', at('altered.bundle'), '--db', at('never-created.sqlite')).status).toBe(4);
    expect(existsSync(at('never-created.sqlite'))).toBe(false);
    expect(accord('keys', 'revoke', bKey.postId, '--db', a).status).toBe(0);
    expect(accord('import', at('b1.bundle'), '--yes', '--db', a).status).toBe(5);
    expect(accord('export', '--db', a).status).toBe(2);
    // Files go over in chunks with no size cap; one that no Accord file starts like is refused from its first chunk.
    writeFileSync(at('huge.bundle'), '');
    truncateSync(at('huge.bundle'), 65 * 1024 * 1024);
    const huge = accord('import', at('huge.bundle'), '--yes', '--db', a);
    expect(huge.status).toBe(4);
    expect(huge.stderr).toContain('This file is not an Accord bundle.');
  }, 180_000); // some 30 CLI processes: slow on a busy two-core machine

  it('accord keys rotate makes a new encryption key, keeps the fingerprint, and still opens what was sealed to the old one until told to forget it', async () => {
    const sender = at('rotate-sender.sqlite');
    const reader = at('rotate-reader.sqlite');
    await seed(sender, 'Lebanon');
    await seed(reader, 'Iraq');
    expect(accord('keys', 'export', '--out', at('reader.key.json'), '--db', reader).status).toBe(0);
    const first = JSON.parse(readFileSync(at('reader.key.json'), 'utf8')) as { fingerprint: string; encryptionKey: string; postId: string };
    expect(accord('keys', 'trust', at('reader.key.json'), '--fingerprint', first.fingerprint, '--db', sender).status).toBe(0);
    expect(accord('keys', 'export', '--out', at('sender.key.json'), '--db', sender).status).toBe(0);
    const senderKey = JSON.parse(readFileSync(at('sender.key.json'), 'utf8')) as { fingerprint: string };
    expect(accord('keys', 'trust', at('sender.key.json'), '--fingerprint', senderKey.fingerprint, '--db', reader).status).toBe(0);
    expect(accord('export', '--encrypt-to', first.postId, '--out', at('to-old-key.bundle'), '--db', sender).status).toBe(0);

    const rotated = accord('keys', 'rotate', '--out', at('reader-new.key.json'), '--db', reader);
    expect(rotated.status).toBe(0);
    expect(rotated.stdout).toContain('the signing key and its fingerprint stay. Replaced keys kept: 1');
    const second = JSON.parse(readFileSync(at('reader-new.key.json'), 'utf8')) as { fingerprint: string; encryptionKey: string };
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.encryptionKey).not.toBe(first.encryptionKey);
    expect(accord('import', at('to-old-key.bundle'), '--yes', '--db', reader).status).toBe(0);

    // The sender takes the new key (same signing key: the fingerprint it checked still holds) and seals to it.
    expect(accord('keys', 'trust', at('reader-new.key.json'), '--fingerprint', second.fingerprint, '--db', sender).status).toBe(0);
    expect(accord('export', '--encrypt-to', first.postId, '--out', at('to-new-key.bundle'), '--db', sender).status).toBe(0);
    const forgot = accord('keys', 'rotate', '--forget-old', '--db', reader);
    expect(forgot.status).toBe(0);
    expect(forgot.stdout).toContain('The replaced keys were dropped');
    const refused = accord('import', at('to-new-key.bundle'), '--yes', '--db', reader);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain('encrypted for other posts, not for this one');
    expect(accord('keys', 'rotate', 'extra', '--db', reader).status).toBe(2);
    // An option another action takes is refused, not ignored: "list --forget-old" drops nothing.
    const misplaced = accord('keys', 'list', '--forget-old', '--db', reader);
    expect(misplaced.status).toBe(2);
    expect(misplaced.stderr).toContain('--forget-old does not apply to accord keys list.');
    expect(accord('keys', 'show', '--out', at('nowhere.json'), '--db', reader).status).toBe(2);
    expect(existsSync(at('nowhere.json'))).toBe(false);
  }, 120_000);
});
