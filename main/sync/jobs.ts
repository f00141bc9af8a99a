import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store';
import type { JobStatus } from '../../shared/api/sync';
import { BUNDLE_CHUNK_BYTES, MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import { AppError } from '../../shared/result';
import type { ExportResult, Progress } from './service';

/**
 * Long sync work runs as jobs: starting one returns an id at once, and the
 * renderer polls its status (phase, done/total) over whichever host carries
 * the calls. Bundle bytes travel in capped base64 pieces (uploads in, the
 * finished export out), so no single request grows past the hosts' body cap.
 */
interface Job {
  status: JobStatus;
  bytes?: Buffer;
}

interface Upload {
  bytes: Buffer;
  received: number;
}

const KEEP_JOBS = 16;
const KEEP_UPLOADS = 4;

interface Registry {
  jobs: Map<string, Job>;
  uploads: Map<string, Upload>;
}

const registries = new WeakMap<Store, Registry>();

function registry(store: Store): Registry {
  let found = registries.get(store);
  if (!found) {
    found = { jobs: new Map(), uploads: new Map() };
    registries.set(store, found);
  }
  return found;
}

function keepLatest<V>(map: Map<string, V>, limit: number): void {
  while (map.size > limit) map.delete(map.keys().next().value!);
}

export function beginUpload(store: Store, size: number): string {
  if (size > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `Bundles are at most ${MAX_BUNDLE_BYTES} bytes.`);
  const { uploads } = registry(store);
  const id = randomUUID();
  uploads.set(id, { bytes: Buffer.alloc(size), received: 0 });
  keepLatest(uploads, KEEP_UPLOADS);
  return id;
}

export function receiveChunk(store: Store, uploadId: string, offset: number, base64: string): number {
  const upload = registry(store).uploads.get(uploadId);
  if (!upload) throw new AppError('NOT_FOUND', 'That upload has expired; choose the file again.');
  const chunk = Buffer.from(base64, 'base64');
  if (offset !== upload.received) throw new AppError('VALIDATION', `Expected the piece at byte ${upload.received}, got ${offset}.`);
  if (chunk.length > BUNDLE_CHUNK_BYTES || offset + chunk.length > upload.bytes.length) throw new AppError('PAYLOAD_TOO_LARGE', 'The upload is larger than announced.');
  chunk.copy(upload.bytes, offset);
  upload.received += chunk.length;
  return upload.received;
}

/** A complete upload's bytes (a copy stays with the upload so a preview and an import read the same file). */
export function uploadedBytes(store: Store, uploadId: string): Buffer {
  const upload = registry(store).uploads.get(uploadId);
  if (!upload) throw new AppError('NOT_FOUND', 'That upload has expired; choose the file again.');
  if (upload.received !== upload.bytes.length) throw new AppError('VALIDATION', `The upload is incomplete (${upload.received} of ${upload.bytes.length} bytes).`);
  return upload.bytes;
}

export type JobKind = JobStatus['kind'];
export type JobOutcome = Partial<Pick<JobStatus, 'inspection' | 'report'>> & { export?: ExportResult };

export function startJob(store: Store, kind: JobKind, work: (progress: Progress) => Promise<JobOutcome>): string {
  const { jobs } = registry(store);
  const id = randomUUID();
  const job: Job = { status: { id, kind, state: 'running', phase: 'starting', done: 0, total: 0, error: null, inspection: null, report: null, file: null } };
  jobs.set(id, job);
  keepLatest(jobs, KEEP_JOBS);
  const progress: Progress = ({ phase, done, total }) => Object.assign(job.status, { phase, done, total });
  // Starts on the next turn so the caller gets its id before any work blocks.
  setImmediate(() => {
    work(progress).then(
      (outcome) => {
        job.status.inspection = outcome.inspection ?? null;
        job.status.report = outcome.report ?? null;
        if (outcome.export) {
          job.bytes = outcome.export.bytes;
          job.status.file = { name: outcome.export.fileName, size: outcome.export.bytes.length, changes: outcome.export.header.counts.changes };
        }
        job.status.state = 'done';
        job.status.phase = 'done';
      },
      (error: unknown) => {
        job.status.state = 'failed';
        job.status.error =
          error instanceof AppError ? error.toShape() : { code: 'INTERNAL', message: 'Accord hit an internal error; nothing was changed. Details are in the log.' };
        if (!(error instanceof AppError)) console.error('[accord] sync job failed', error);
      },
    );
  });
  return id;
}

export function jobStatus(store: Store, jobId: string): JobStatus {
  const job = registry(store).jobs.get(jobId);
  if (!job) throw new AppError('NOT_FOUND', 'No such job (it may have finished long ago).');
  return { ...job.status };
}

/** A finished export's whole file (for the desktop Save dialog). */
export function exportedFile(store: Store, jobId: string): { name: string; bytes: Buffer } {
  const job = registry(store).jobs.get(jobId);
  if (!job?.bytes || !job.status.file) throw new AppError('NOT_FOUND', 'No finished export with that id.');
  return { name: job.status.file.name, bytes: job.bytes };
}

export function downloadPiece(store: Store, jobId: string, offset: number): { data: string; size: number; name: string } {
  const job = registry(store).jobs.get(jobId);
  if (!job?.bytes || !job.status.file) throw new AppError('NOT_FOUND', 'No finished export with that id.');
  return { data: job.bytes.subarray(offset, offset + BUNDLE_CHUNK_BYTES).toString('base64'), size: job.bytes.length, name: job.status.file.name };
}
