import { runWorker, workerDatabase, workerScriptPath, type WorkerDatabase, type WorkerMemory, type WorkerOutcome } from '../workerThread';
import type { Store } from '../../db/store';
import type { Change } from '../../db/sync/apply';
import type { VerifiedBundle, VerifiedTransfer } from './bundle';
import { changesOf, importPrepared, inspectPrepared, trustOf, type ImportReport, type Inspection, type PreparedBundle, type Progress } from './service';

/**
 * What the main process asks the sync worker (main/sync/importWorker.ts) to do:
 * the bundle arrives prepared (verified, its changes decompressed and
 * validated on this side), so the worker only merges.
 */
export interface WorkerRequest extends WorkerDatabase {
  kind: 'import' | 'inspect';
  /** A format 2 bundle travels as verified: the worker applies it from its bytes or spool file, batch by batch. */
  bundle: Omit<VerifiedBundle, 'payload'> | VerifiedTransfer;
  /** Format 1: null when the sender may not be applied (the worker then refuses or reports without them). */
  changes: Change[] | null;
  preview: boolean;
  nowMs: number;
}

export type WorkerProgress = { phase: string; done: number; total: number };
export type WorkerMessage = WorkerOutcome<WorkerProgress>;

const WORKER_FILE = 'syncWorker.cjs';

/**
 * The sync worker merges a bundle a signed batch at a time (about 4 MiB of JSON each), so what it holds at once does
 * not grow with the bundle: about 40 MiB live after a collection, whatever the post's size. The cap leaves room for
 * several batches over that; a bundle needing more is refused, with nothing changed.
 */
export const SYNC_WORKER_MEMORY: WorkerMemory = { heapMiB: 256, youngMiB: 4 };

export function workerScript(): string | null {
  return workerScriptPath(WORKER_FILE);
}

/** A preview or an import on the sync worker thread; null when no worker could start (the caller then runs it here). */
export function runOnWorker(request: WorkerRequest, onProgress: Progress, memory = SYNC_WORKER_MEMORY): Promise<ImportReport | Inspection | null> {
  return runWorker<WorkerProgress>(WORKER_FILE, request, onProgress, 'sync worker', memory) as Promise<ImportReport | Inspection | null>;
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
  const opening = { kind, ...workerDatabase(target.store, target.databasePath), preview, nowMs: target.store.now() };
  if (prepared.bundle.format === 2) return { ...opening, bundle: prepared.bundle, changes: null };
  const changes = applicable ? await changesOf(target.store, prepared, onProgress) : null;
  const { payload: _payload, ...bundle } = prepared.bundle;
  return { ...opening, bundle, changes };
}

/** importPrepared, on the worker thread where one starts. */
export async function importOffThread(target: OffThreadTarget, prepared: PreparedBundle, onProgress: Progress, memory = SYNC_WORKER_MEMORY): Promise<ImportReport> {
  const done = sharable(target) ? await runOnWorker(await request(target, 'import', prepared, true, onProgress), onProgress, memory) : null;
  return (done as ImportReport | null) ?? importPrepared(target.store, prepared, { onProgress });
}

/** inspectPrepared, on the worker thread where one starts. */
export async function inspectOffThread(target: OffThreadTarget, prepared: PreparedBundle, onProgress: Progress, preview = true): Promise<Inspection> {
  const done = sharable(target) ? await runOnWorker(await request(target, 'inspect', prepared, preview, onProgress), onProgress) : null;
  return (done as Inspection | null) ?? inspectPrepared(target.store, prepared, { onProgress, preview });
}
