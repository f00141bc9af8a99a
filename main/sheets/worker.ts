import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerDatabase } from '../workerThread';
import { Store } from '../../db/store';
import { AppError } from '../../shared/result';
import type { SheetWorkerMessage, SheetWorkerRequest } from './inWorker';
import { importSheet, inspectSheet, throttled } from './run';

/**
 * The worker thread that reads large spreadsheets (built to dist/main/sheetsWorker.cjs). It opens its own
 * connection to the same database file, so the main process keeps answering the window (its reads see the data
 * as it was until the import commits) while this thread parses, validates and holds the one write transaction.
 * Progress and the outcome go back as messages.
 */
function run(request: SheetWorkerRequest): void {
  const post = (message: SheetWorkerMessage) => parentPort!.postMessage(message);
  // Opened inside the try: a worker that started but cannot open the database (a missing key, a damaged file)
  // reports the failure, rather than dying unheard and leaving the work to fall back to the main thread.
  let db: ReturnType<typeof openWorkerDatabase> | undefined;
  try {
    db = openWorkerDatabase(request);
    const offsetMs = request.nowMs - Date.now();
    const store = new Store(db, { now: () => Date.now() + offsetMs, actingOfficer: () => request.officer ?? undefined });
    const progress = throttled((phase, done, total) => post({ type: 'progress', progress: { phase, done, total } }));
    const value = request.kind === 'inspect' ? inspectSheet(store, request.input, progress) : importSheet(store, request.input, progress);
    post({ type: 'done', value });
  } catch (error) {
    if (!(error instanceof AppError)) console.error('[accord] sheets worker failed', error);
    post({ type: 'failed', error: error instanceof AppError ? error.toShape() : null });
  } finally {
    db?.close();
  }
}

if (parentPort) run(workerData as SheetWorkerRequest);
