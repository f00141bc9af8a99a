import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { databaseKeyOf, openDatabase } from '../db/open';
import type { Store } from '../db/store';
import { message } from '../shared/i18n/message';
import { AppError, type AppErrorShape } from '../shared/result';

/**
 * The one way main runs long work (a bundle import, a large spreadsheet) on a worker thread: where the built
 * script is, how it is started and how its messages end, and how the thread opens the same (encrypted) database.
 * A worker that cannot start resolves null, and the caller does the work on this thread: always correct, only
 * less responsive. Once the worker has spoken, its outcome is final.
 */

/** What every worker request carries to open the database on its own connection. */
export interface WorkerDatabase {
  databasePath: string;
  /** The encrypted database's key (hex), handed to the worker thread in memory; absent for a plaintext store. */
  databaseKey?: string;
}

export type WorkerOutcome<Progress> = { type: 'progress'; progress: Progress } | { type: 'done'; value: unknown } | { type: 'failed'; error: AppErrorShape | null };

/** The built worker script (dist/main/NAME), from wherever this bundle runs. */
export function workerScriptPath(fileName: string): string | null {
  // Built: beside this bundle (dist/main) or one folder over (dist/electron). From source (tests): <root>/dist/main.
  const candidates = [join(__dirname, fileName), join(__dirname, '..', 'main', fileName), join(__dirname, '..', 'dist', 'main', fileName)];
  return candidates.find((path) => existsSync(path)) ?? null;
}

export function workerDatabase(store: Store, databasePath: string): WorkerDatabase {
  const key = databaseKeyOf(store.db);
  return { databasePath, ...(key ? { databaseKey: key.toString('hex') } : {}) };
}

/** In the worker: its own connection to the database the request names. */
export function openWorkerDatabase(request: WorkerDatabase) {
  return openDatabase(request.databasePath, request.databaseKey ? { key: Buffer.from(request.databaseKey, 'hex') } : {});
}

/**
 * A worker's memory: `heapMiB` caps its heap (V8's old generation), and it is stopped with a clear error rather than
 * allowed past it; `youngMiB` sizes where short-lived objects are made. A small young generation is collected often
 * and cheaply, so a merge's per-batch garbage dies there instead of piling up in the heap until a full collection.
 */
export interface WorkerMemory {
  heapMiB: number;
  youngMiB: number;
}

/** Runs `fileName` with `request` as its workerData; `what` names it in the error of a worker that stops early. */
export function runWorker<Progress>(fileName: string, request: unknown, onProgress: (progress: Progress) => void, what: string, memory?: WorkerMemory): Promise<unknown> {
  const script = workerScriptPath(fileName);
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
      const resourceLimits = memory && { maxOldGenerationSizeMb: memory.heapMiB, maxYoungGenerationSizeMb: memory.youngMiB };
      worker = new Worker(script, { workerData: request, ...(resourceLimits ? { resourceLimits } : {}) });
    } catch {
      resolve(null);
      return;
    }
    worker.on('message', (message: WorkerOutcome<Progress>) => {
      started = true;
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.value));
      else settle(() => reject(message.error ? AppError.fromShape(message.error) : new Error(`The ${what} failed.`)));
    });
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() => {
        // Out of memory is an answer, not a worker that could not start: the same work on the main thread, uncapped,
        // would take the memory the cap exists to keep. The worker's transaction never committed.
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && memory) reject(new AppError('PAYLOAD_TOO_LARGE', message('worker.memoryCap', { cap: memory.heapMiB }), { reason: 'memory-cap', capMiB: memory.heapMiB }));
        else if (started) reject(error);
        else resolve(null);
      }),
    );
    worker.on('exit', (code) => settle(() => (started ? reject(new Error(`The ${what} stopped (exit code ${code}) before finishing.`)) : resolve(null))));
  });
}
