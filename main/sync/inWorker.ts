import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../shared/result';
import { databaseKeyOf } from '../../db/open';
import type { Store } from '../../db/store';
import type { Change } from '../../db/sync/apply';
import type { VerifiedBundle, VerifiedTransfer } from './bundle';
import { changesOf, importPrepared, inspectPrepared, trustOf, type ImportReport, type Inspection, type PreparedBundle, type Progress } from './service';

/**
 * What the main process asks the sync worker (main/sync/importWorker.ts) to do:
 * the bundle arrives prepared (verified, its changes decompressed and
 * validated on this side), so the worker only merges.
 */
export interface WorkerRequest {
  kind: 'import' | 'inspect';
  databasePath: string;
  /** The encrypted database's key (hex), handed to the worker thread in memory; absent for a plaintext store. */
  databaseKey?: string;
  /** A format 2 bundle travels as verified: the worker applies it from its bytes or spool file, batch by batch. */
  bundle: Omit<VerifiedBundle, 'payload'> | VerifiedTransfer;
  /** Format 1: null when the sender may not be applied (the worker then refuses or reports without them). */
  changes: Change[] | null;
  preview: boolean;
  nowMs: number;
}

export type WorkerMessage =
  | { type: 'progress'; step: { phase: string; done: number; total: number } }
  | { type: 'done'; value: ImportReport | Inspection }
  | { type: 'failed'; error: AppErrorShape | null };

const WORKER_FILE = 'syncWorker.cjs';

/**
 * The built worker script: next to the CLI bundle (dist/main), one folder over
 * from the Electron bundle (dist/electron), or, running from source (tests),
 * in the dist/main that `npm test` builds first.
 */
export function workerScript(): string | null {
  const candidates = [join(__dirname, WORKER_FILE), join(__dirname, '..', 'main', WORKER_FILE), join(__dirname, '..', '..', 'dist', 'main', WORKER_FILE)];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/**
 * Runs a preview or an import on the sync worker thread. Resolves with null
 * when no worker could start (no built script, or a runtime that cannot load
 * it): the caller then does the work on this thread, which is always correct,
 * only less responsive. Once the worker has spoken, its outcome is final.
 */
export function runOnWorker(request: WorkerRequest, onProgress: Progress): Promise<ImportReport | Inspection | null> {
  const script = workerScript();
  if (!script) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let started = false;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: request });
    } catch {
      resolve(null);
      return;
    }
    worker.on('message', (message: WorkerMessage) => {
      started = true;
      if (message.type === 'progress') onProgress(message.step);
      else if (message.type === 'done') settle(() => resolve(message.value));
      else settle(() => reject(message.error ? AppError.fromShape(message.error) : new Error('The sync worker failed.')));
    });
    worker.on('error', (error) => settle(() => (started ? reject(error) : resolve(null))));
    worker.on('exit', (code) => settle(() => (started ? reject(new Error(`The sync worker stopped (exit code ${code}) before finishing.`)) : resolve(null))));
  });
}

interface OffThreadTarget {
  store: Store;
  databasePath: string;
}

/** A file-backed database is shared with the worker through the file; an in-memory one cannot be. */
const sharable = (target: OffThreadTarget) => target.databasePath !== ':memory:' && target.databasePath !== '';

async function request(target: OffThreadTarget, kind: WorkerRequest['kind'], prepared: PreparedBundle, preview: boolean, onProgress: Progress): Promise<WorkerRequest> {
  const trust = trustOf(target.store, prepared.bundle);
  const applicable = (trust === 'trusted' || trust === 'self') && (kind === 'import' || preview);
  const key = databaseKeyOf(target.store.db);
  const opening = { kind, databasePath: target.databasePath, ...(key ? { databaseKey: key.toString('hex') } : {}), preview, nowMs: target.store.now() };
  if (prepared.bundle.format === 2) return { ...opening, bundle: prepared.bundle, changes: null };
  const changes = applicable ? await changesOf(target.store, prepared, onProgress) : null;
  const { payload: _payload, ...bundle } = prepared.bundle;
  return { ...opening, bundle, changes };
}

/** importPrepared, on the worker thread where one starts. */
export async function importOffThread(target: OffThreadTarget, prepared: PreparedBundle, onProgress: Progress): Promise<ImportReport> {
  const done = sharable(target) ? await runOnWorker(await request(target, 'import', prepared, true, onProgress), onProgress) : null;
  return (done as ImportReport | null) ?? importPrepared(target.store, prepared, { onProgress });
}

/** inspectPrepared, on the worker thread where one starts. */
export async function inspectOffThread(target: OffThreadTarget, prepared: PreparedBundle, onProgress: Progress, preview = true): Promise<Inspection> {
  const done = sharable(target) ? await runOnWorker(await request(target, 'inspect', prepared, preview, onProgress), onProgress) : null;
  return (done as Inspection | null) ?? inspectPrepared(target.store, prepared, { onProgress, preview });
}
