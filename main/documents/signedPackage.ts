import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { mouDocumentSchema, type MouDocument } from '../../shared/documents/types';
import { message, type Message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { toFieldIssues } from '../../shared/validation';
import { readStoredZip, writeStoredZip, type ArchiveRegion, type StoredEntry } from './storedZip';

/**
 * A signed MOU file: one archive (storedZip.ts) holding the rendered
 * document(s), the draft's structured data (draft.json), manifest.json with
 * the SHA-256 and size of every other part and a signed comment naming the
 * draft, version, signing post and time, and manifest.sig: the sending
 * post's Ed25519 signature over the exact bytes of manifest.json.
 *
 * Verification trusts nothing in the file before it has checked it: sizes
 * are capped before any part is read, names are plain file names, the
 * signer must be a post the caller trusts (TrustLookup) and the key in the
 * file must be that post's key, the signature must hold, every listed part
 * must be present with its hash and no other part may be, and the file's
 * bytes must be exactly what the writer makes of those parts (so a byte
 * changed anywhere, even outside every part, is refused).
 */

export const SIGNED_MOU_FORMAT = 'accord.mou-signed';
/** Ends in .zip so the computer that receives it opens it with its own archive tool. */
export const SIGNED_MOU_FILE_EXTENSION = '.accord-mou.zip';
/** The same file sealed to posts (an age file; main/sync/encryption.ts): no longer a ZIP, so not named one. */
export const ENCRYPTED_MOU_FILE_EXTENSION = '.accord-mou.age';
export const SIGNED_MOU_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const DRAFT = 'draft.json';
/** The planning model's own snapshot of the version (clauses with record ids), for importing it as a new version. */
export const SNAPSHOT = 'snapshot.json';

export const SIGNED_MOU_LIMITS = {
  fileBytes: 120 * 1024 * 1024,
  partBytes: 50 * 1024 * 1024,
  manifestBytes: 256 * 1024,
  draftBytes: 8 * 1024 * 1024,
  parts: 16,
} as const;

const MEDIA_TYPES: Record<string, string> = {
  'mou.pdf': 'application/pdf',
  'mou.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'mou.html': 'text/html; charset=utf-8',
  'draft.json': 'application/json',
  'snapshot.json': 'application/json',
};

/** The sending post as the package writer needs it; the sync feature's post identity implements it. */
export interface PackageSigner {
  postId: string;
  postName: string;
  /** Ed25519 public key: raw 32 bytes, PEM text, or a KeyObject. */
  publicKey: PublicKeyInput;
  /** Ed25519 signature (64 bytes) over exactly these bytes. */
  sign(bytes: Uint8Array): Uint8Array;
}

export type PublicKeyInput = Uint8Array | string | KeyObject;

/** Which key a post signs with, as this post trusts it; undefined for a post it does not know. */
export type TrustLookup = (postId: string) => PublicKeyInput | undefined;

const partSchema = z.strictObject({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mediaType: z.string().max(200),
});

const manifestSchema = z.strictObject({
  format: z.literal(SIGNED_MOU_FORMAT),
  version: z.literal(SIGNED_MOU_VERSION),
  draft: z.strictObject({ id: z.string().max(100), title: z.string().max(500), versionLabel: z.string().max(50), date: z.string().max(10) }),
  signedAt: z.iso.datetime(),
  comment: z.string().max(2000),
  signer: z.strictObject({ postId: z.string().min(1).max(100), postName: z.string().max(200), publicKey: z.string().regex(/^[0-9a-f]{64}$/) }),
  parts: z.array(partSchema).max(SIGNED_MOU_LIMITS.parts),
});
export type SignedMouManifest = z.infer<typeof manifestSchema>;

export interface SignedMouContents {
  document: MouDocument;
  /** Rendered documents by part name: 'mou.pdf', 'mou.docx', 'mou.html'. */
  renders: Partial<Record<'mou.pdf' | 'mou.docx' | 'mou.html', Uint8Array>>;
  /**
   * The saved version as the planning model stores it (ids of cited records,
   * signing order…), which draft.json, made for display, does not keep. The
   * importing post validates it with the planning model's schema.
   */
  snapshot?: unknown;
}

export interface VerifiedMouPackage {
  signer: { postId: string; postName: string; publicKey: string };
  signedAt: string;
  comment: string;
  document: MouDocument;
  /** The planning model's snapshot, when the file carries one (parsed JSON, not yet validated: the importer's schema does that). */
  snapshot?: unknown;
  manifest: SignedMouManifest;
  /** Every part but the manifest and its signature, verified. */
  parts: { name: string; sha256: string; size: number; mediaType: string; data: Uint8Array }[];
}

/**
 * Refusals use the sync feature's codes, so every host treats a signed MOU
 * file like a bundle: BUNDLE_REJECTED (CLI exit 4) for a file that is
 * altered, malformed or oversized, UNTRUSTED_SENDER (exit 5) for a signer
 * this post does not trust or a key that is not the trusted one.
 */
function refuse(reason: string, what: Message, details: Record<string, unknown> = {}, code: 'BUNDLE_REJECTED' | 'UNTRUSTED_SENDER' = 'BUNDLE_REJECTED'): AppError {
  return new AppError(code, what, { reason, ...details });
}

/** The archive regions of storedZip.ts as the containerAltered message selects them. */
const REGION_NAMES: Record<string, string> = { 'local header': 'localHeader', data: 'data', 'central directory record': 'centralRecord', 'end-of-archive record': 'endRecord' };

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Raw 32-byte Ed25519 key from any accepted form. */
export function rawPublicKey(input: PublicKeyInput): Buffer {
  return rawOf(toKeyObject(input));
}

function rawOf(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw refuse('key-format', message('documents.signed.keyNotEd25519'));
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function toKeyObject(input: PublicKeyInput): KeyObject {
  if (typeof input === 'string') return createPublicKey(input);
  if (input instanceof Uint8Array) {
    if (input.length !== 32) throw refuse('key-format', message('documents.signed.keyLength'));
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, input]), format: 'der', type: 'spki' });
  }
  return input;
}

export function createSignedMouPackage(contents: SignedMouContents, signer: PackageSigner, signedAt: Date): Buffer {
  const { document } = contents;
  const parts: StoredEntry[] = [];
  for (const name of ['mou.pdf', 'mou.docx', 'mou.html'] as const) {
    const data = contents.renders[name];
    if (data) parts.push({ name, data });
  }
  parts.push({ name: DRAFT, data: Buffer.from(JSON.stringify(mouDocumentSchema.parse(document), null, 2), 'utf8') });
  if (contents.snapshot !== undefined) parts.push({ name: SNAPSHOT, data: Buffer.from(JSON.stringify(contents.snapshot), 'utf8') });
  const when = signedAt.toISOString();
  const manifest: SignedMouManifest = {
    format: SIGNED_MOU_FORMAT,
    version: SIGNED_MOU_VERSION,
    draft: { id: document.draftId, title: document.title.en, versionLabel: document.versionLabel, date: document.date },
    signedAt: when,
    comment: `MOU draft "${document.title.en}" (${document.draftId}), version ${document.versionLabel} of ${document.date}, signed by ${signer.postName} (${signer.postId}) at ${when}`,
    signer: { postId: signer.postId, postName: signer.postName, publicKey: rawPublicKey(signer.publicKey).toString('hex') },
    parts: parts.map(({ name, data }) => ({ name, sha256: sha256(data), size: data.length, mediaType: MEDIA_TYPES[name] ?? 'application/octet-stream' })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const signature = Buffer.from(signer.sign(manifestBytes));
  return writeStoredZip([{ name: MANIFEST, data: manifestBytes }, { name: SIGNATURE, data: signature }, ...parts]).bytes;
}

/** A part name must be a plain file name in the package's one folder. */
export function checkPartName(name: string): void {
  const unsafe = (problem: 'nul' | 'backslash' | 'absolute' | 'escapes' | 'folder' | 'notPlain') =>
    refuse('unsafe-path', message('documents.signed.unsafePath', { part: name.replace(/\0/g, '\\0'), problem }), { part: name });
  if (name.includes('\0')) throw unsafe('nul');
  if (name.includes('\\')) throw unsafe('backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw unsafe('absolute');
  if (name.split('/').includes('..')) throw unsafe('escapes');
  if (name.includes('/')) throw unsafe('folder');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.endsWith('.')) throw unsafe('notPlain');
}

export function verifySignedMouPackage(bytes: Buffer, trust: TrustLookup): VerifiedMouPackage {
  if (bytes.length > SIGNED_MOU_LIMITS.fileBytes) {
    throw refuse('too-large', message('documents.signed.tooLarge', { size: bytes.length, max: SIGNED_MOU_LIMITS.fileBytes }), { size: bytes.length });
  }
  const entries = readStoredZip(bytes, {
    maxEntries: SIGNED_MOU_LIMITS.parts + 2,
    maxEntryBytes: SIGNED_MOU_LIMITS.partBytes,
    maxBytesByName: { [MANIFEST]: SIGNED_MOU_LIMITS.manifestBytes, [SIGNATURE]: 64, [DRAFT]: SIGNED_MOU_LIMITS.draftBytes, [SNAPSHOT]: SIGNED_MOU_LIMITS.draftBytes },
  });
  const byName = new Map<string, Uint8Array>();
  for (const { name, data } of entries) {
    checkPartName(name);
    if (byName.has(name)) throw refuse('duplicate-part', message('documents.signed.duplicatePart', { part: name }), { part: name });
    byName.set(name, data);
  }
  const manifestBytes = byName.get(MANIFEST);
  if (!manifestBytes) throw refuse('missing-part', message('documents.signed.manifestMissing', { part: MANIFEST }), { part: MANIFEST });
  const signature = byName.get(SIGNATURE);
  if (!signature) throw refuse('missing-part', message('documents.signed.signatureMissing', { part: SIGNATURE }), { part: SIGNATURE });

  const manifest = parseManifest(manifestBytes);
  const trusted = trust(manifest.signer.postId);
  if (trusted === undefined) {
    throw refuse('unknown', message('documents.signed.untrusted', { postName: manifest.signer.postName, postId: manifest.signer.postId }), { part: MANIFEST, postId: manifest.signer.postId }, 'UNTRUSTED_SENDER');
  }
  const trustedKey = toKeyObject(trusted);
  if (rawOf(trustedKey).toString('hex') !== manifest.signer.publicKey) {
    throw refuse('key-changed', message('documents.signed.keyChanged', { postName: manifest.signer.postName, postId: manifest.signer.postId }), { part: MANIFEST, postId: manifest.signer.postId }, 'UNTRUSTED_SENDER');
  }
  if (signature.length !== 64 || !verifySignature(null, manifestBytes, trustedKey, signature)) {
    throw refuse('signature', message('documents.signed.badSignature', { signature: SIGNATURE, manifest: MANIFEST }), { part: MANIFEST, parts: [MANIFEST, SIGNATURE] });
  }

  const listed = new Set(manifest.parts.map((part) => part.name));
  for (const name of byName.keys()) {
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) throw refuse('extra-part', message('documents.signed.extraPart', { part: name }), { part: name });
  }
  const parts: VerifiedMouPackage['parts'] = [];
  const seen = new Set<string>();
  for (const part of manifest.parts) {
    checkPartName(part.name);
    if (part.name === MANIFEST || part.name === SIGNATURE || seen.has(part.name)) {
      throw refuse('manifest-invalid', message('documents.signed.listedTwice', { part: part.name }), { part: MANIFEST });
    }
    seen.add(part.name);
    const data = byName.get(part.name);
    if (!data) throw refuse('missing-part', message('documents.signed.listedMissing', { part: part.name }), { part: part.name });
    if (data.length !== part.size || sha256(data) !== part.sha256) throw refuse('part-altered', message('documents.signed.partAltered', { part: part.name }), { part: part.name });
    parts.push({ ...part, data });
  }
  if (!listed.has(DRAFT)) throw refuse('missing-part', message('documents.signed.draftMissing', { part: DRAFT }), { part: DRAFT });

  // Every byte outside the parts must be the writer's own: rebuild and compare.
  const rebuilt = writeStoredZip(entries.map(({ name, data }) => ({ name, data })));
  if (!rebuilt.bytes.equals(bytes)) {
    const region = firstDifference(bytes, rebuilt.bytes, rebuilt.regions);
    throw refuse('container-altered', message('documents.signed.containerAltered', { region: REGION_NAMES[region?.kind ?? ''] ?? 'structure', inPart: region?.entry ? 'yes' : 'no', part: region?.entry ?? '' }), { part: region?.entry ?? null, region: region?.kind ?? null });
  }

  const document = parseDraft(byName.get(DRAFT)!);
  if (document.draftId !== manifest.draft.id || document.versionLabel !== manifest.draft.versionLabel) {
    throw refuse('draft-mismatch', message('documents.signed.draftMismatch', { part: DRAFT }), { part: DRAFT });
  }
  const snapshotBytes = byName.get(SNAPSHOT);
  let snapshot: unknown;
  if (snapshotBytes && listed.has(SNAPSHOT)) {
    try {
      snapshot = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(snapshotBytes));
    } catch {
      throw refuse('draft-invalid', message('documents.signed.snapshotNotJson', { part: SNAPSHOT }), { part: SNAPSHOT });
    }
  }
  return { signer: manifest.signer, signedAt: manifest.signedAt, comment: manifest.comment, document, ...(snapshot === undefined ? {} : { snapshot }), manifest, parts };
}

/**
 * Verifies a signed MOU file on disk: its size is checked before a byte is
 * read, so an oversized file is refused without loading it.
 */
export function verifySignedMouFile(path: string, trust: TrustLookup): VerifiedMouPackage {
  const { size } = statSync(path);
  if (size > SIGNED_MOU_LIMITS.fileBytes) {
    throw refuse('too-large', message('documents.signed.tooLarge', { size, max: SIGNED_MOU_LIMITS.fileBytes }), { size });
  }
  return verifySignedMouPackage(readFileSync(path), trust);
}

function parseManifest(bytes: Uint8Array): SignedMouManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse('manifest-invalid', message('documents.signed.manifestNotJson', { part: MANIFEST }), { part: MANIFEST });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw refuse('manifest-invalid', message('documents.signed.manifestUnreadable', { part: MANIFEST }), { part: MANIFEST, issues: toFieldIssues(parsed.error) });
  }
  return parsed.data;
}

function parseDraft(bytes: Uint8Array): MouDocument {
  try {
    return mouDocumentSchema.parse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch {
    throw refuse('draft-invalid', message('documents.signed.draftUnreadable', { part: DRAFT }), { part: DRAFT });
  }
}

function firstDifference(actual: Buffer, expected: Buffer, regions: ArchiveRegion[]): ArchiveRegion | undefined {
  const length = Math.min(actual.length, expected.length);
  let at = 0;
  while (at < length && actual[at] === expected[at]) at++;
  return regions.find((region) => at >= region.start && at < region.end) ?? regions[regions.length - 1];
}

/**
 * Writes the verified parts into `directory` (created if needed) and returns
 * their paths. Only names that passed checkPartName reach here, each is
 * resolved and checked to stay inside the directory, and no existing file is
 * overwritten or followed (exclusive create).
 */
export function extractVerifiedParts(verified: VerifiedMouPackage, directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  const root = realpathSync(directory);
  return verified.parts.map(({ name, data }) => {
    checkPartName(name);
    const target = resolve(join(root, name));
    if (!target.startsWith(root + sep)) throw refuse('unsafe-path', message('documents.signed.outsideFolder', { part: name, folder: root }), { part: name });
    const fd = openSync(target, 'wx');
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    return target;
  });
}
