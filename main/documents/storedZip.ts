import { crc32 } from 'node:zlib';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';

/**
 * The container of a signed MOU file: a plain ZIP archive whose entries are
 * stored, not compressed. Why ZIP: a person at the receiving post (or at the
 * partner ministry) can open it with the tools every computer has and print
 * the PDF without Accord. Why stored: the PDF and DOCX inside are already
 * compressed, and a reader that never inflates cannot be hit by a
 * decompression bomb: every size is known, and capped, before a byte is read.
 * Why our own small reader and writer: the writer is deterministic (fixed
 * timestamps, fixed field values, no extra fields), so the verifier can
 * rebuild the exact bytes from the verified parts and refuse a file altered
 * anywhere, even in bytes no part covers; and the reader accepts only that
 * one layout (contiguous entries, no comment, no data descriptors, no ZIP64),
 * which leaves no room for the ambiguities general ZIP readers disagree on.
 */

export interface StoredEntry {
  name: string;
  data: Uint8Array;
}

/** Where each byte range of a written archive belongs, to name what a changed byte altered. */
export interface ArchiveRegion {
  start: number;
  end: number;
  /** The entry the range belongs to, or null for the end-of-archive record. */
  entry: string | null;
  kind: 'local header' | 'data' | 'central directory record' | 'end-of-archive record';
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const VERSION = 20; // 2.0: stored entries, UTF-8 names
const FLAG_UTF8 = 0x0800;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, the earliest a ZIP date can say

export function writeStoredZip(entries: readonly StoredEntry[]): { bytes: Buffer; regions: ArchiveRegion[] } {
  const chunks: Buffer[] = [];
  const regions: ArchiveRegion[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    regions.push({ start: offset, end: offset + 30 + nameBytes.length, entry: name, kind: 'local header' });
    regions.push({ start: offset + 30 + nameBytes.length, end: offset + 30 + nameBytes.length + data.length, entry: name, kind: 'data' });
    chunks.push(local, nameBytes, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    const record = Buffer.alloc(46);
    record.writeUInt32LE(CENTRAL_HEADER, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    record.writeUInt16LE(FLAG_UTF8, 8);
    record.writeUInt16LE(0, 10);
    record.writeUInt16LE(DOS_TIME, 12);
    record.writeUInt16LE(DOS_DATE, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(data.length, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk, internal and external attributes: all 0
    record.writeUInt32LE(offset, 42);
    central.push(Buffer.concat([record, nameBytes]));
    offset += 30 + nameBytes.length + data.length;
  }
  const centralStart = offset;
  central.forEach((record, index) => {
    regions.push({ start: offset, end: offset + record.length, entry: entries[index]!.name, kind: 'central directory record' });
    offset += record.length;
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - centralStart, 12);
  end.writeUInt32LE(centralStart, 16);
  regions.push({ start: offset, end: offset + 22, entry: null, kind: 'end-of-archive record' });
  return { bytes: Buffer.concat([...chunks, ...central, end]), regions };
}

export interface ReadLimits {
  maxEntries: number;
  /** Largest size allowed for an entry, by name (others get `maxEntryBytes`). */
  maxBytesByName?: Record<string, number>;
  maxEntryBytes: number;
}

type Malformation = 'tooShort' | 'noEnd' | 'multiDisk' | 'directoryEnd' | 'recordMissing' | 'recordOverrun' | 'nameNotUtf8' | 'compressed' | 'extraFields' | 'misplaced' | 'noLocalHeader' | 'headerDisagrees' | 'headerOtherName' | 'gap';

/** A structural refusal: documents.signed.malformed selects its sentence by `problem`, with the part's name or index. */
function malformed(problem: Malformation, where: { part?: string; index?: number } = {}): AppError {
  return new AppError('BUNDLE_REJECTED', message('documents.signed.malformed', { problem, part: where.part ?? '', index: where.index ?? 0 }), { reason: 'malformed' });
}

/**
 * Reads the archive's directory and returns each entry's name and a view of
 * its bytes, after checking every size against the limits (no entry's bytes
 * are touched before its size is accepted). Names are returned as written;
 * the caller checks them (see signedPackage.ts).
 */
export function readStoredZip(bytes: Buffer, limits: ReadLimits): StoredEntry[] {
  if (bytes.length < 22) throw malformed('tooShort');
  const endAt = bytes.length - 22;
  if (bytes.readUInt32LE(endAt) !== END_OF_CENTRAL) throw malformed('noEnd');
  const count = bytes.readUInt16LE(endAt + 10);
  if (bytes.readUInt16LE(endAt + 4) !== 0 || bytes.readUInt16LE(endAt + 6) !== 0 || bytes.readUInt16LE(endAt + 8) !== count) throw malformed('multiDisk');
  if (count > limits.maxEntries) {
    throw new AppError('BUNDLE_REJECTED', message('documents.signed.tooManyParts', { count, max: limits.maxEntries }), { reason: 'too-many-parts', count });
  }
  const centralSize = bytes.readUInt32LE(endAt + 12);
  const centralStart = bytes.readUInt32LE(endAt + 16);
  if (centralStart + centralSize !== endAt) throw malformed('directoryEnd');
  const entries: StoredEntry[] = [];
  let at = centralStart;
  let expectedLocal = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let index = 0; index < count; index++) {
    if (at + 46 > endAt || bytes.readUInt32LE(at) !== CENTRAL_HEADER) throw malformed('recordMissing', { index: index + 1 });
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    if (at + 46 + nameLength > endAt) throw malformed('recordOverrun', { index: index + 1 });
    let name: string;
    try {
      name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    } catch {
      throw malformed('nameNotUtf8', { index: index + 1 });
    }
    if (method !== 0 || compressed !== size) throw malformed('compressed', { part: name });
    if (extraLength !== 0 || commentLength !== 0) throw malformed('extraFields', { part: name });
    const cap = limits.maxBytesByName?.[name] ?? limits.maxEntryBytes;
    if (size > cap) {
      throw new AppError('BUNDLE_REJECTED', message('documents.signed.partTooLarge', { part: name, size, max: cap }), { reason: 'part-too-large', part: name, size, limit: cap });
    }
    if (localAt !== expectedLocal) throw malformed('misplaced', { part: name });
    const dataAt = localAt + 30 + nameLength;
    if (dataAt + size > centralStart || bytes.readUInt32LE(localAt) !== LOCAL_HEADER) throw malformed('noLocalHeader', { part: name });
    if (bytes.readUInt16LE(localAt + 26) !== nameLength || bytes.readUInt16LE(localAt + 28) !== 0) throw malformed('headerDisagrees', { part: name });
    if (!bytes.subarray(localAt + 30, dataAt).equals(bytes.subarray(at + 46, at + 46 + nameLength))) throw malformed('headerOtherName', { part: name });
    entries.push({ name, data: bytes.subarray(dataAt, dataAt + size) });
    expectedLocal = dataAt + size;
    at += 46 + nameLength;
  }
  if (expectedLocal !== centralStart || at !== endAt) throw malformed('gap');
  return entries;
}
