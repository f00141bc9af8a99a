import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, type KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { readKey, writeKey } from '../../db/sync/state';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';

/**
 * How the private key is protected at rest. The CLI and browser mode use a
 * passphrase (scrypt + AES-256-GCM); the desktop app uses the OS keychain
 * through Electron safeStorage (main/electron/safeStorageProtection.ts).
 */
export interface KeyProtection {
  kind: 'passphrase' | 'safeStorage';
  /** True when sealing/opening needs a passphrase from the person. */
  needsPassphrase: boolean;
  seal(secret: Buffer, passphrase?: string): Buffer;
  open(sealed: Buffer, passphrase?: string): Buffer;
}

const MAGIC = Buffer.from('AKP1');
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const MIN_PASSPHRASE_LENGTH = 8;

export const passphraseProtection: KeyProtection = {
  kind: 'passphrase',
  needsPassphrase: true,
  seal(secret, passphrase) {
    if (!passphrase || passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new AppError('VALIDATION', message('sync.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }), { reason: 'passphrase-required' });
    }
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', scryptSync(passphrase, salt, 32, SCRYPT), iv);
    const body = Buffer.concat([cipher.update(secret), cipher.final()]);
    return Buffer.concat([MAGIC, salt, iv, cipher.getAuthTag(), body]);
  },
  open(sealed, passphrase) {
    if (!passphrase) throw new AppError('VALIDATION', message('sync.passphraseRequired'), { reason: 'passphrase-required' });
    if (sealed.length < 48 || !sealed.subarray(0, 4).equals(MAGIC)) throw new AppError('INTERNAL', message('sync.keyDamaged'));
    const salt = sealed.subarray(4, 20);
    const iv = sealed.subarray(20, 32);
    const tag = sealed.subarray(32, 48);
    const decipher = createDecipheriv('aes-256-gcm', scryptSync(passphrase, salt, 32, SCRYPT), iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(48)), decipher.final()]);
    } catch {
      throw new AppError('VALIDATION', message('sync.wrongPassphrase'), { reason: 'wrong-passphrase' });
    }
  },
};

/** A short, speakable fingerprint: the first 128 bits of SHA-256 of the raw key, in 8 groups of 4 hex digits. */
export function fingerprintOf(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
}

export function publicKeyFromRaw(base64: string): KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new AppError('BUNDLE_REJECTED', message('sync.keyLength'), { reason: 'format' });
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export interface PostKeyInfo {
  publicKey: string;
  fingerprint: string;
  protection: string;
  createdAt: string;
}

export function keyInfo(db: Database): PostKeyInfo | undefined {
  const key = readKey(db);
  return key && { publicKey: key.publicKey, fingerprint: key.fingerprint, protection: key.protection, createdAt: key.createdAt };
}

/** This post's key pair, created on first need; the private half is stored only sealed. */
export function ensureKey(db: Database, protection: KeyProtection, passphrase: string | undefined, nowIso: string): PostKeyInfo {
  const existing = keyInfo(db);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const sealed = protection.seal(privateKey.export({ format: 'der', type: 'pkcs8' }), passphrase);
  writeKey(db, { publicKey: raw, fingerprint: fingerprintOf(raw), protection: protection.kind, privateKey: sealed, createdAt: nowIso });
  return keyInfo(db)!;
}

/** Unseals the private key for one signature; it is never written anywhere unsealed. */
export function unlockPrivateKey(db: Database, protection: KeyProtection, passphrase: string | undefined): KeyObject {
  const key = readKey(db);
  if (!key) throw new AppError('NOT_FOUND', message('sync.noKey'), { reason: 'no-key' });
  if (key.protection !== protection.kind) {
    throw new AppError('CONFLICT', message('sync.protectionMismatch', { protection: key.protection }), { reason: 'protection-mismatch' });
  }
  return createPrivateKey({ key: protection.open(key.privateKey, passphrase), format: 'der', type: 'pkcs8' });
}

/** The file a post hands to another to be trusted (also readable aloud by fingerprint). */
export interface PublicKeyFile {
  format: 'accord-public-key';
  version: 1;
  postId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  /** The post's age recipient (main/sync/encryption.ts); absent in files made before encryption keys. */
  encryptionKey?: string;
  /** The signing key's signature over the encryption key, base64. */
  encryptionKeySignature?: string;
}
