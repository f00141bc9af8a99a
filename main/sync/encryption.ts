import { sign, verify, type KeyObject } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { armor, Decrypter, Encrypter, generateHybridIdentity, identityToRecipient } from 'age-encryption';
import { countRetiredEncryptionKeys, findTrustedPost, forgetRetiredEncryptionKeys, readEncryptionKey, readRetiredIdentities, retireEncryptionKey, writeEncryptionKey } from '../../db/sync/state';
import { RETIRED_ENCRYPTION_KEY_DAYS } from '../../shared/api/sync';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { rejected } from './bundle';
import { publicKeyFromRaw } from './keys';

/**
 * Files encrypted to posts (issue 16): a bundle or a signed MOU file, sealed whole as an age file
 * (age-encryption.org/v1) to the posts the sender picks. The construction is age's, through the maintained
 * `age-encryption` package (by age's author): a random file key wrapped once per recipient, the payload in
 * ChaCha20-Poly1305 STREAM chunks, the header under an HMAC. So a flipped byte anywhere is refused and the
 * file says nothing of its contents. Each post's key is the hybrid ML-KEM-768 + X25519 kind, so a file copied
 * today stays closed to a quantum computer later.
 *
 * A post's recipient travels in its public key file, signed by its signing key ("ACCORD-ENCRYPTION-KEY/1"
 * + post id + recipient), so the fingerprint a person checks by phone vouches for both keys. The plaintext is
 * the signed file itself: the signature still covers what was sent, and a receiver verifies it after opening.
 */

const KEY_DOMAIN = 'ACCORD-ENCRYPTION-KEY/1\n';
/** The most recipients one file is sealed to (each adds a stanza to the header a reader parses). */
export const MAX_RECIPIENTS = 50;

function keyStatement(postId: string, recipient: string): Buffer {
  return Buffer.from(KEY_DOMAIN + JSON.stringify({ postId, recipient }), 'utf8');
}

const DAY_MS = 24 * 60 * 60 * 1000;
const retiredSince = (now: Date) => new Date(now.getTime() - RETIRED_ENCRYPTION_KEY_DAYS * DAY_MS).toISOString();

export interface EncryptionKeyInfo {
  /** The age recipient (age1pq1...) others seal files to. */
  recipient: string;
  /** The signing key's signature over the recipient, base64. */
  signature: string;
  createdAt: string;
}

export function encryptionKeyInfo(db: Database): EncryptionKeyInfo | undefined {
  const key = readEncryptionKey(db);
  return key && { recipient: key.recipient, signature: key.signature.toString('base64'), createdAt: key.createdAt };
}

/** Replaced keys that still open files here. */
export function retiredKeysKept(db: Database, now: Date): number {
  return countRetiredEncryptionKeys(db, retiredSince(now));
}

/** A new identity, signed by the signing key: this post's recipient as other posts should know it. */
async function newEncryptionKey(postId: string, signingKey: KeyObject, nowIso: string) {
  const identity = await generateHybridIdentity();
  const recipient = await identityToRecipient(identity);
  return { identity, recipient, signature: sign(null, keyStatement(postId, recipient), signingKey), createdAt: nowIso };
}

/** This post's encryption key, made on first need and signed with the (unlocked) signing key. */
export async function ensureEncryptionKey(db: Database, postId: string, signingKey: KeyObject, nowIso: string): Promise<EncryptionKeyInfo> {
  const existing = encryptionKeyInfo(db);
  if (existing) return existing;
  writeEncryptionKey(db, await newEncryptionKey(postId, signingKey, nowIso));
  return encryptionKeyInfo(db)!;
}

/**
 * Replaces this post's encryption key; the signing key (and so its fingerprint) stays. The old identity is kept for
 * RETIRED_ENCRYPTION_KEY_DAYS to open files already sealed to it, unless `forgetOld` (a key thought leaked): then it and every
 * earlier one is dropped now. Keys retired longer ago are dropped either way. Other posts learn the new key from this
 * post's next key file.
 */
export async function rotateEncryptionKey(db: Database, postId: string, signingKey: KeyObject, now: Date, forgetOld: boolean): Promise<EncryptionKeyInfo & { retiredKept: number }> {
  const fresh = await newEncryptionKey(postId, signingKey, now.toISOString());
  db.transaction(() => {
    retireEncryptionKey(db, fresh.createdAt);
    forgetRetiredEncryptionKeys(db, forgetOld ? null : retiredSince(now));
    writeEncryptionKey(db, fresh);
  })();
  return { ...encryptionKeyInfo(db)!, retiredKept: retiredKeysKept(db, now) };
}

/** Whether `signature` (base64) is the post's signing key (raw, base64) vouching for `recipient`. */
export function encryptionKeyVouched(postId: string, signingKey: string, recipient: string, signature: string): boolean {
  if (!/^age1pq1[0-9a-z]+$/.test(recipient) || recipient.length > 4096) return false;
  try {
    return verify(null, keyStatement(postId, recipient), publicKeyFromRaw(signingKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The recipients of trusted posts, refusing a post that is unknown, revoked or has published no encryption key. */
export function recipientsFor(db: Database, postIds: readonly string[]): string[] {
  if (postIds.length === 0) throw new AppError('VALIDATION', message('sync.encrypt.noRecipients'), { reason: 'no-recipients' });
  if (postIds.length > MAX_RECIPIENTS) throw new AppError('VALIDATION', message('sync.encrypt.tooManyRecipients', { max: MAX_RECIPIENTS }), { reason: 'too-many-recipients' });
  return [...new Set(postIds)].map((postId) => {
    const post = findTrustedPost(db, postId);
    if (!post || post.revokedAt !== null) throw new AppError('VALIDATION', message('sync.encrypt.notTrusted', { post: postId }), { reason: 'recipient-not-trusted', postId });
    if (!post.encryptionKey) throw new AppError('VALIDATION', message('sync.encrypt.noKey', { name: post.name }), { reason: 'recipient-no-key', postId });
    return post.encryptionKey;
  });
}

/** Seals a whole file to the given age recipients. */
export async function encryptTo(recipients: readonly string[], plaintext: Uint8Array): Promise<Buffer> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const sealed = await encrypter.encrypt(plaintext);
  return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
}

/**
 * A decrypter holding this post's identity, and the keys it replaced within RETIRED_ENCRYPTION_KEY_DAYS (a file sealed before
 * the change may still be arriving); refused when this post has none (a file cannot be for it).
 */
function decrypterHere(db: Database): Decrypter {
  const key = readEncryptionKey(db);
  if (!key) throw rejected('not-for-this-post', message('sync.encrypted.noKeyHere'));
  const decrypter = new Decrypter();
  decrypter.addIdentity(key.identity);
  for (const identity of readRetiredIdentities(db, retiredSince(new Date()))) decrypter.addIdentity(identity);
  return decrypter;
}

/** Why age refused a file, as the officer reads it: not sealed to this post (age names no recipients), or altered. */
function refusal(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (String((error as Error)?.message).includes('no identity matched')) return rejected('not-for-this-post', message('sync.encrypted.notForThisPost'));
  return rejected('encrypted-damaged', message('sync.encrypted.damaged'));
}

/**
 * Opens an age file sealed to this post (binary or armored), whole. Refused with a reason: this post has no
 * encryption key yet, the file is for other posts, or it was altered (any flipped byte fails a MAC).
 */
export async function decryptHere(db: Database, file: Uint8Array): Promise<Buffer> {
  const decrypter = decrypterHere(db);
  try {
    const binary = file[0] === 0x2d ? armor.decode(Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString('latin1')) : file;
    const plain = await decrypter.decrypt(binary);
    return Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  } catch (error) {
    throw refusal(error);
  }
}

/** An async iterable as a web stream, pulled one chunk at a time (so age reads no further ahead than it needs). */
function streamOf(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * The unwrapping step for a bundle arriving as a stream (openTransferStream's `unwrap`): the plaintext,
 * chunk by chunk, in bounded memory. A chunk is released only after its MAC holds, and the reader spools and
 * verifies the whole stream before applying anything, so a file altered near its end changes nothing.
 */
export function unwrapHere(db: Database): (encrypted: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array> {
  return async function* unwrap(encrypted) {
    const decrypter = decrypterHere(db);
    let reader: ReadableStreamDefaultReader<Uint8Array>;
    try {
      reader = (await decrypter.decrypt(streamOf(encrypted))).getReader();
    } catch (error) {
      throw refusal(error);
    }
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        throw refusal(error);
      }
      if (next.done) return;
      yield next.value;
    }
  };
}

/**
 * A sink that seals what is written to it as one age file, streamed: each plaintext chunk goes in, the
 * ciphertext comes out through `out` as age produces it (64 KiB chunks), so memory stays bounded by a chunk.
 */
export async function encryptingSink(recipients: readonly string[], out: (chunk: Buffer) => void | Promise<void>): Promise<{ write(chunk: Buffer): Promise<void>; close(): Promise<void> }> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const plain = new TransformStream<Uint8Array, Uint8Array>();
  const writer = plain.writable.getWriter();
  const sealed = await encrypter.encrypt(plain.readable);
  const pumped = (async () => {
    const reader = sealed.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) await out(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength));
  })();
  // A failed pump (the sink threw: too large, disk full) must end the writer's waiting too.
  pumped.catch((error: unknown) => writer.abort(error).catch(() => undefined));
  return {
    async write(chunk) {
      await Promise.race([writer.write(chunk), pumped.then(() => undefined)]);
    },
    async close() {
      await writer.close();
      await pumped;
    },
  };
}
