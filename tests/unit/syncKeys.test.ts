import { afterAll, describe, expect, it, vi } from 'vitest';
import { sign, verify } from 'node:crypto';
import { ensureKey, fingerprintOf, passphraseProtection, publicKeyFromRaw, unlockPrivateKey } from '../../main/sync/keys';
import { AppError } from '../../shared/result';
import { callOk, openTestApp, tempDirectory } from '../helpers';

const safeStorageState = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret', sealed: [] as string[] }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => safeStorageState.available,
    getSelectedStorageBackend: () => safeStorageState.backend,
    encryptString: (text: string) => {
      safeStorageState.sealed.push(text);
      return Buffer.from(`os-sealed:${Buffer.from(text).toString('hex')}`);
    },
    decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace('os-sealed:', ''), 'hex').toString(),
  },
}));

const dir = tempDirectory();
afterAll(() => dir.remove());

describe("this post's signing key", () => {
  it('is sealed with the passphrase (scrypt + AES-256-GCM) and never stored in the clear', () => {
    const app = openTestApp(`${dir.path}/a.sqlite`);
    const db = app.context.store.db;
    expect(() => ensureKey(db, passphraseProtection, 'short', new Date().toISOString())).toThrow(/at least 8/);
    const key = ensureKey(db, passphraseProtection, 'correct horse battery', new Date().toISOString());
    expect(key.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(key.fingerprint).toBe(fingerprintOf(key.publicKey));
    const stored = db.prepare('SELECT private_key FROM sync_key').pluck().get() as Buffer;
    const privateKey = unlockPrivateKey(db, passphraseProtection, 'correct horse battery');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(stored.includes(der.subarray(-32))).toBe(false);
    const signature = sign(null, Buffer.from('hello'), privateKey);
    expect(verify(null, Buffer.from('hello'), publicKeyFromRaw(key.publicKey), signature)).toBe(true);
    let caught: unknown;
    try {
      unlockPrivateKey(db, passphraseProtection, 'wrong passphrase');
    } catch (error) {
      caught = error;
    }
    expect((caught as AppError).details?.reason).toBe('wrong-passphrase');
    // A second call keeps the same key.
    expect(ensureKey(db, passphraseProtection, undefined, new Date().toISOString()).publicKey).toBe(key.publicKey);
    app.close();
  });

  it('is sealed by the OS keychain through Electron safeStorage in the desktop app', async () => {
    const { safeStorageProtection } = await import('../../main/electron/safeStorageProtection');
    const protection = safeStorageProtection()!;
    expect(protection.kind).toBe('safeStorage');
    const app = openTestApp(`${dir.path}/b.sqlite`);
    app.context.keyProtection = protection;
    const identity = await callOk<{ fingerprint: string; postName: string }>(app, 'sync.setup', { name: 'Embassy Tunis, ODC' });
    expect(identity.postName).toBe('Embassy Tunis, ODC');
    expect(safeStorageState.sealed).toHaveLength(1);
    expect(await callOk(app, 'sync.identity', {})).toMatchObject({ hasKey: true, needsPassphrase: false, fingerprint: identity.fingerprint, postName: 'Embassy Tunis, ODC' });
    const privateKey = unlockPrivateKey(app.context.store.db, protection, undefined);
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
    // A passphrase cannot open what the keychain sealed (and the reverse): refused, not guessed.
    expect(() => unlockPrivateKey(app.context.store.db, passphraseProtection, 'anything at all')).toThrow(/protected by safeStorage/);
    app.close();
    safeStorageState.backend = 'basic_text';
    expect(safeStorageProtection()).toBeNull();
    safeStorageState.available = false;
    expect(safeStorageProtection()).toBeNull();
  });
});
