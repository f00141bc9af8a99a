import type { ActingOfficer, Store } from '../../db/store';
import { runWorker, workerDatabase, workerScriptPath, type WorkerDatabase, type WorkerOutcome } from '../workerThread';
import { importSheet, inspectSheet, throttled, type SheetFileInput, type SheetImportInput, type SheetImportOutput, type SheetProgress } from './run';

/**
 * Large spreadsheets are read on a worker thread (main/sheets/worker.ts), as bundle imports are: the window's
 * other calls keep being answered while 50,000 rows are parsed, checked and written, and progress is pushed.
 * A small file, an in-memory database (tests) or a runtime where no worker starts runs here instead: the same
 * code, always correct, only less responsive.
 */

/** The officer importing travels with the request: each edit the worker writes names them, as on this thread. */
type SheetWorkerCommon = WorkerDatabase & { nowMs: number; officer: ActingOfficer | null };
export type SheetWorkerRequest = (SheetWorkerCommon & { kind: 'inspect'; input: SheetFileInput & { type?: string } }) | (SheetWorkerCommon & { kind: 'import'; input: SheetImportInput });

export type SheetWorkerProgress = { phase: 'parse' | 'rows'; done: number; total: number };
export type SheetWorkerMessage = WorkerOutcome<SheetWorkerProgress>;

const WORKER_FILE = 'sheetsWorker.cjs';

/** Files at least this large go to the worker (a few thousand rows; smaller ones finish before a worker would start). */
export const WORKER_MIN_BYTES = 256 * 1024;

export function sheetsWorkerScript(): string | null {
  return workerScriptPath(WORKER_FILE);
}

function runOnWorker(request: SheetWorkerRequest, onProgress: SheetProgress): Promise<unknown> {
  return runWorker<SheetWorkerProgress>(WORKER_FILE, request, ({ phase, done, total }) => onProgress(phase, done, total), 'sheets worker');
}

export interface SheetTarget {
  store: Store;
  databasePath: string;
}

const offThread = (target: SheetTarget, bytes: Uint8Array, force: boolean) => target.databasePath !== ':memory:' && target.databasePath !== '' && (force || bytes.byteLength >= WORKER_MIN_BYTES);

const common = (target: SheetTarget): SheetWorkerCommon => ({ ...workerDatabase(target.store, target.databasePath), nowMs: target.store.now(), officer: target.store.actingOfficer() ?? null });

/** Worker data is copied: a Buffer view over a pooled ArrayBuffer must become its own bytes first. */
const own = (bytes: Uint8Array) => new Uint8Array(bytes);

export async function inspectOffThread(target: SheetTarget, input: SheetFileInput & { type?: string }, onProgress: SheetProgress, force = false): Promise<ReturnType<typeof inspectSheet>> {
  const progress = throttled(onProgress);
  const done = offThread(target, input.bytes, force) ? await runOnWorker({ kind: 'inspect', ...common(target), input: { ...input, bytes: own(input.bytes) } }, progress) : null;
  return (done as ReturnType<typeof inspectSheet> | null) ?? inspectSheet(target.store, input, progress);
}

export async function importOffThread(target: SheetTarget, input: SheetImportInput, onProgress: SheetProgress, force = false): Promise<SheetImportOutput> {
  const progress = throttled(onProgress);
  const done = offThread(target, input.bytes, force) ? await runOnWorker({ kind: 'import', ...common(target), input: { ...input, bytes: own(input.bytes) } }, progress) : null;
  return (done as SheetImportOutput | null) ?? importSheet(target.store, input, progress);
}
