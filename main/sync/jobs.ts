import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../../shared/api/sync';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import type { AppEvent } from '../../shared/contract';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import { prepareBundle, type ExportResult, type PreparedBundle, type Progress } from './service';

/**
 * Long sync work runs as jobs: starting one returns an id at once, and each
 * change of its status (phase, done/total, outcome) is pushed as an event to
 * whoever listens (IPC events in the window, the loopback host's event
 * stream). Files arrive whole, as bytes (sync.upload), and a bundle among
 * them is prepared once: the preview and the import consume the same value.
 */
interface Job {
  status: JobStatus;
  bytes?: Buffer;
}

interface Upload {
  bytes: Buffer;
  prepared?: PreparedBundle;
}

const KEEP_JOBS = 16;
const KEEP_UPLOADS = 4;

interface Registry {
  jobs: Map<string, Job>;
  uploads: Map<string, Upload>;
}

/** One registry per app (its handler context), so no database is opened to hold an upload. */
const registries = new WeakMap<object, Registry>();

function registry(owner: object): Registry {
  let found = registries.get(owner);
  if (!found) {
    found = { jobs: new Map(), uploads: new Map() };
    registries.set(owner, found);
  }
  return found;
}

function keepLatest<V>(map: Map<string, V>, limit: number): void {
  while (map.size > limit) map.delete(map.keys().next().value!);
}

const BUNDLE_MAGIC = 'ACCORDSB';

export function addUpload(owner: object, bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('sync.fileTooLarge', { size: bytes.byteLength, max: MAX_BUNDLE_BYTES }), { reason: 'too-large' });
  const { uploads } = registry(owner);
  const id = randomUUID();
  uploads.set(id, { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  keepLatest(uploads, KEEP_UPLOADS);
  return id;
}

function upload(owner: object, uploadId: string): Upload {
  const found = registry(owner).uploads.get(uploadId);
  if (!found) throw new AppError('NOT_FOUND', message('sync.uploadExpired'));
  return found;
}

/** An upload's bytes, exactly as they arrived. */
export function uploadedBytes(owner: object, uploadId: string): Buffer {
  return upload(owner, uploadId).bytes;
}

export function isBundle(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).toString('latin1') === BUNDLE_MAGIC;
}

/** The upload as a bundle, verified on first use and kept with the upload (so is its decompressed, validated content). */
export function preparedUpload(owner: object, uploadId: string): PreparedBundle {
  const found = upload(owner, uploadId);
  found.prepared ??= prepareBundle(found.bytes);
  return found.prepared;
}

export type JobKind = JobStatus['kind'];
export type JobOutcome = Partial<Pick<JobStatus, 'inspection' | 'report'>> & { export?: ExportResult };

/**
 * Starts work as a job. Its status is pushed through `emit` whenever its phase
 * changes or it moves by a hundredth of its total, and once when it ends.
 */
export function startJob(owner: object, emit: (event: AppEvent) => void, kind: JobKind, work: (progress: Progress) => Promise<JobOutcome>): string {
  const { jobs } = registry(owner);
  const id = randomUUID();
  const job: Job = { status: { id, kind, state: 'running', phase: 'starting', done: 0, total: 0, error: null, inspection: null, report: null, file: null } };
  jobs.set(id, job);
  keepLatest(jobs, KEEP_JOBS);
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
          job.bytes = outcome.export.bytes;
          job.status.file = { name: outcome.export.fileName, size: outcome.export.bytes.length, changes: outcome.export.header.counts.changes, encryptedFor: outcome.export.encryptedFor };
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

/** A finished export's whole file. */
export function exportedFile(owner: object, jobId: string): { name: string; bytes: Buffer } {
  const job = registry(owner).jobs.get(jobId);
  if (!job?.bytes || !job.status.file) throw new AppError('NOT_FOUND', message('sync.noSuchExport'));
  return { name: job.status.file.name, bytes: job.bytes };
}
