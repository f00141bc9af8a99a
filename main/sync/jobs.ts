import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobStatus } from '../../shared/api/sync';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import type { AppEvent } from '../../shared/contract';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { exportBundleToFile, prepareBundle, prepareSpooledBundle, type ExportSummary, type PreparedBundle, type Progress, type SyncOptions } from './service';
import { rejected } from './bundle';

/**
 * Long sync work runs as jobs: starting one returns an id at once, and each
 * change of its status (phase, done/total, outcome) is pushed as an event to
 * whoever listens (IPC events in the window, the loopback host's event
 * stream). Files arrive whole, as bytes (sync.upload), and a bundle among
 * them is prepared once: the preview and the import consume the same value.
 */
interface Job {
  status: JobStatus;
  /** A finished export's file: a private spool file, read back in slices (no size cap). */
  file?: { path: string; size: number; dispose(): void };
}

/**
 * A file handed over: small ones as bytes; a bundle sent in chunks stays in a private spool file (0600, in
 * its own temporary folder), which verification and the import read frame by frame, so its size has no cap.
 */
interface Upload {
  bytes?: Buffer;
  path?: string;
  size: number;
  prepared?: PreparedBundle;
  dispose(): void;
}

/** A chunked upload on its way in. */
interface Spool {
  folder: string;
  path: string;
  fd: number;
  size: number;
}

const KEEP_JOBS = 16;
const KEEP_UPLOADS = 4;

interface Registry {
  jobs: Map<string, Job>;
  uploads: Map<string, Upload>;
  spools: Map<string, Spool>;
}

/** One registry per app (its handler context), so no database is opened to hold an upload. */
const registries = new WeakMap<object, Registry>();

function registry(owner: object): Registry {
  let found = registries.get(owner);
  if (!found) {
    found = { jobs: new Map(), uploads: new Map(), spools: new Map() };
    registries.set(owner, found);
  }
  return found;
}

function keepLatest<V>(map: Map<string, V>, limit: number, drop: (value: V) => void = () => undefined): void {
  while (map.size > limit) {
    const key = map.keys().next().value!;
    drop(map.get(key)!);
    map.delete(key);
  }
}

const removeFolder = (folder: string) => () => rmSync(folder, { recursive: true, force: true });

const BUNDLE_MAGIC = 'ACCORDSB';

function keep(owner: object, upload: Upload): string {
  const { uploads } = registry(owner);
  const id = randomUUID();
  uploads.set(id, upload);
  keepLatest(uploads, KEEP_UPLOADS, (dropped) => dropped.dispose());
  return id;
}

export function addUpload(owner: object, bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('sync.fileTooLarge', { size: bytes.byteLength, max: MAX_BUNDLE_BYTES }), { reason: 'too-large' });
  return keep(owner, { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), size: bytes.byteLength, dispose: () => undefined });
}

/** A plaintext bundle already in a private spool file (a chunked upload, or an encrypted one opened into one). */
export function addSpooledUpload(owner: object, spooled: { path: string; size: number; dispose(): void }): string {
  return keep(owner, spooled);
}

function upload(owner: object, uploadId: string): Upload {
  const found = registry(owner).uploads.get(uploadId);
  if (!found) throw new AppError('NOT_FOUND', message('sync.uploadExpired'));
  return found;
}

/**
 * An upload's bytes, exactly as they arrived (a key file, a signed MOU file, a bundle of up to 64 MiB). A
 * larger bundle is only ever read frame by frame, through preparedUpload.
 */
export function uploadedBytes(owner: object, uploadId: string): Buffer {
  const found = upload(owner, uploadId);
  if (found.bytes) return found.bytes;
  if (found.size > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('sync.fileTooLarge', { size: found.size, max: MAX_BUNDLE_BYTES }), { reason: 'too-large' });
  return readFileSync(found.path!);
}

/** Where a spooled upload's plaintext lies, or null for one held as bytes (diagnostics and tests). */
export function uploadLocation(owner: object, uploadId: string): string | null {
  return upload(owner, uploadId).path ?? null;
}

/** Whether the upload is a bundle, by its first bytes (without reading a spooled one whole). */
export function uploadIsBundle(owner: object, uploadId: string): boolean {
  const found = upload(owner, uploadId);
  return found.bytes ? isBundle(found.bytes) : true;
}

export function isBundle(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).toString('latin1') === BUNDLE_MAGIC;
}

/** The upload as a bundle, verified on first use and kept with the upload (so is its decompressed, validated content). */
export function preparedUpload(owner: object, uploadId: string): PreparedBundle {
  const found = upload(owner, uploadId);
  found.prepared ??= found.bytes ? prepareBundle(found.bytes) : prepareSpooledBundle(found.path!);
  return found.prepared;
}

/** What a file Accord reads may start with: a bundle, an age file (binary or armored), a ZIP (a signed MOU), JSON (a key file). */
const MAGIC_STARTS = ['ACCORDSB', 'age-encryption.org/v1', '-----BEGIN AGE ENCRYPTED FILE-----', 'PK\u0003\u0004'].map((start) => Buffer.from(start, 'latin1'));
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function knownStart(first: Buffer): boolean {
  // A chunk may be shorter than a magic: its bytes must then begin one.
  if (MAGIC_STARTS.some((magic) => first.subarray(0, magic.length).equals(magic.subarray(0, Math.min(magic.length, first.length))))) return true;
  // A key file is JSON: its first byte past a BOM and white space is "{".
  const text = first.subarray(0, 64).subarray(first.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0);
  return text.find((byte) => byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) === 0x7b;
}

/** Starts a chunked upload: a private spool file in its own folder, removed when the upload ends or is dropped. */
export function beginUpload(owner: object): string {
  const { spools } = registry(owner);
  const folder = mkdtempSync(join(tmpdir(), 'accord-upload-'));
  const path = join(folder, 'file');
  const id = randomUUID();
  spools.set(id, { folder, path, fd: openSync(path, 'wx', 0o600), size: 0 });
  keepLatest(spools, KEEP_UPLOADS, (dropped) => {
    closeSync(dropped.fd);
    removeFolder(dropped.folder)();
  });
  return id;
}

function spool(owner: object, uploadId: string): Spool {
  const found = registry(owner).spools.get(uploadId);
  if (!found) throw new AppError('NOT_FOUND', message('sync.uploadExpired'));
  return found;
}

/** Drops a chunked upload and its file (a refused chunk leaves nothing behind). */
function abandon(owner: object, uploadId: string, found: Spool): void {
  registry(owner).spools.delete(uploadId);
  closeSync(found.fd);
  removeFolder(found.folder)();
}

/** Appends one chunk. The first is judged by its bytes: a file no kind of Accord file starts like is refused at once. */
export function appendUpload(owner: object, uploadId: string, bytes: Uint8Array): number {
  const found = spool(owner, uploadId);
  const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (found.size === 0 && !knownStart(chunk)) {
    abandon(owner, uploadId, found);
    throw rejected('not-a-bundle', message('sync.notABundle'));
  }
  writeSync(found.fd, chunk);
  found.size += chunk.length;
  return found.size;
}

/**
 * Ends a chunked upload. A bundle stays in its spool file; anything else (a key file, a signed MOU file, an
 * encrypted file to open) is small and read back as bytes, refused when it is not.
 */
export function endUpload(owner: object, uploadId: string): { path: string; size: number; start: Buffer; dispose(): void } {
  const found = spool(owner, uploadId);
  registry(owner).spools.delete(uploadId);
  closeSync(found.fd);
  const fd = openSync(found.path, 'r');
  const start = Buffer.alloc(40);
  const read = readSyncSafe(fd, start);
  closeSync(fd);
  return { path: found.path, size: found.size, start: start.subarray(0, read), dispose: removeFolder(found.folder) };
}

function readSyncSafe(fd: number, into: Buffer): number {
  try {
    return readSync(fd, into, 0, into.length, 0);
  } catch {
    return 0;
  }
}

export type JobKind = JobStatus['kind'];
export type JobOutcome = Partial<Pick<JobStatus, 'inspection' | 'report'>> & { export?: SpooledExport };

/** An export written to a private spool file (streamed, sealed when it is encrypted), kept for its download. */
export interface SpooledExport extends ExportSummary {
  path: string;
  dispose(): void;
}

/** Writes an export to a spool file of its own; removed when its job is dropped (or here, when it fails). */
export async function exportToSpool(store: Parameters<typeof exportBundleToFile>[0], forPost: string | null, options: SyncOptions): Promise<SpooledExport> {
  const folder = mkdtempSync(join(tmpdir(), 'accord-export-'));
  const dispose = removeFolder(folder);
  try {
    const path = join(folder, 'bundle');
    return { ...(await exportBundleToFile(store, forPost, path, options)), path, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * Starts work as a job. Its status is pushed through `emit` whenever its phase
 * changes or it moves by a hundredth of its total, and once when it ends.
 */
export function startJob(owner: object, emit: (event: AppEvent) => void, kind: JobKind, work: (progress: Progress) => Promise<JobOutcome>): string {
  const { jobs } = registry(owner);
  const id = randomUUID();
  const job: Job = { status: { id, kind, state: 'running', phase: 'starting', done: 0, total: 0, error: null, inspection: null, report: null, file: null } };
  jobs.set(id, job);
  keepLatest(jobs, KEEP_JOBS, (dropped) => dropped.file?.dispose());
  const push = () => emit({ type: 'job', status: { ...job.status } });
  const progress: Progress = ({ phase, done, total }) => {
    const step = Math.max(1, Math.floor(total / 100));
    const moved = phase !== job.status.phase || total !== job.status.total || Math.floor(done / step) !== Math.floor(job.status.done / step);
    Object.assign(job.status, { phase, done, total });
    if (moved) push();
  };
  // Starts on the next turn so the caller gets its id before any work blocks.
  setImmediate(() => {
    work(progress).then(
      (outcome) => {
        job.status.inspection = outcome.inspection ?? null;
        job.status.report = outcome.report ?? null;
        if (outcome.export) {
          job.file = { path: outcome.export.path, size: outcome.export.size, dispose: outcome.export.dispose };
          job.status.file = { name: outcome.export.fileName, size: outcome.export.size, changes: outcome.export.header.counts.changes, sequence: outcome.export.header.sequence, encryptedFor: outcome.export.encryptedFor };
        }
        job.status.state = 'done';
        job.status.phase = 'done';
        push();
      },
      (error: unknown) => {
        job.status.state = 'failed';
        job.status.error = error instanceof AppError ? error.toShape() : new AppError('INTERNAL', message('error.internal')).toShape();
        if (!(error instanceof AppError)) console.error('[accord] sync job failed', error);
        push();
      },
    );
  });
  return id;
}

export function jobStatus(owner: object, jobId: string): JobStatus {
  const job = registry(owner).jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', message('sync.noSuchJob'));
  return { ...job.status };
}

function finishedExport(owner: object, jobId: string): { name: string; path: string; size: number } {
  const job = registry(owner).jobs.get(jobId);
  if (!job?.file || !job.status.file) throw new AppError('NOT_FOUND', message('sync.noSuchExport'));
  return { name: job.status.file.name, path: job.file.path, size: job.file.size };
}

/** A finished export's spool file: the desktop Save dialog copies it where the officer chooses. */
export function exportedFile(owner: object, jobId: string): { name: string; path: string } {
  const { name, path } = finishedExport(owner, jobId);
  return { name, path };
}

/** A slice of a finished export, from `offset`, at most `length` bytes: a file of any size, downloaded piece by piece. */
export function exportedSlice(owner: object, jobId: string, offset: number, length: number): { name: string; size: number; offset: number; bytes: Buffer } {
  const file = finishedExport(owner, jobId);
  const bytes = Buffer.alloc(Math.max(0, Math.min(length, file.size - offset)));
  const fd = openSync(file.path, 'r');
  try {
    readSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
  return { name: file.name, size: file.size, offset, bytes };
}
