import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../shared/result';
import type { Store } from '../../db/store';
import { importSheet, inspectSheet, throttled, type SheetFileInput, type SheetImportInput, type SheetImportOutput, type SheetProgress } from './run';

/**
 * Large spreadsheets are read on a worker thread (main/sheets/worker.ts), as bundle imports are: the window's
 * other calls keep being answered while 50,000 rows are parsed, checked and written, and progress is pushed.
 * A small file, an in-memory database (tests) or a runtime where no worker starts runs here instead: the same
 * code, always correct, only less responsive.
 */

export type SheetWorkerRequest =
  | { kind: 'inspect'; databasePath: string; nowMs: number; input: SheetFileInput & { type?: string } }
  | { kind: 'import'; databasePath: string; nowMs: number; input: SheetImportInput };

export type SheetWorkerMessage =
  | { type: 'progress'; phase: 'parse' | 'rows'; done: number; total: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: AppErrorShape | null };

const WORKER_FILE = 'sheetsWorker.cjs';

/** Files at least this large go to the worker (a few thousand rows; smaller ones finish before a worker would start). */
export const WORKER_MIN_BYTES = 256 * 1024;

export function sheetsWorkerScript(): string | null {
  const candidates = [join(__dirname, WORKER_FILE), join(__dirname, '..', 'main', WORKER_FILE), join(__dirname, '..', '..', 'dist', 'main', WORKER_FILE)];
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** Resolves with null when no worker could start; once the worker has spoken, its outcome is final. */
function runOnWorker(request: SheetWorkerRequest, onProgress: SheetProgress): Promise<unknown> {
  const script = sheetsWorkerScript();
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
    worker.on('message', (message: SheetWorkerMessage) => {
      started = true;
      if (message.type === 'progress') onProgress(message.phase, message.done, message.total);
      else if (message.type === 'done') settle(() => resolve(message.value));
      else settle(() => reject(message.error ? AppError.fromShape(message.error) : new Error('The sheets worker failed.')));
    });
    worker.on('error', (error) => settle(() => (started ? reject(error) : resolve(null))));
    worker.on('exit', (code) => settle(() => (started ? reject(new Error(`The sheets worker stopped (exit code ${code}) before finishing.`)) : resolve(null))));
  });
}

export interface SheetTarget {
  store: Store;
  databasePath: string;
}

const offThread = (target: SheetTarget, bytes: Uint8Array, force: boolean) => target.databasePath !== ':memory:' && target.databasePath !== '' && (force || bytes.byteLength >= WORKER_MIN_BYTES);

/** Worker data is copied: a Buffer view over a pooled ArrayBuffer must become its own bytes first. */
const own = (bytes: Uint8Array) => new Uint8Array(bytes);

export async function inspectOffThread(target: SheetTarget, input: SheetFileInput & { type?: string }, onProgress: SheetProgress, force = false): Promise<ReturnType<typeof inspectSheet>> {
  const progress = throttled(onProgress);
  const done = offThread(target, input.bytes, force) ? await runOnWorker({ kind: 'inspect', databasePath: target.databasePath, nowMs: target.store.now(), input: { ...input, bytes: own(input.bytes) } }, progress) : null;
  return (done as ReturnType<typeof inspectSheet> | null) ?? inspectSheet(target.store, input, progress);
}

export async function importOffThread(target: SheetTarget, input: SheetImportInput, onProgress: SheetProgress, force = false): Promise<SheetImportOutput> {
  const progress = throttled(onProgress);
  const done = offThread(target, input.bytes, force) ? await runOnWorker({ kind: 'import', databasePath: target.databasePath, nowMs: target.store.now(), input: { ...input, bytes: own(input.bytes) } }, progress) : null;
  return (done as SheetImportOutput | null) ?? importSheet(target.store, input, progress);
}
