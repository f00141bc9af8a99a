import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerDatabase } from '../workerThread';
import { Store } from '../../db/store';
import { AppError } from '../../shared/result';
import { importPrepared, inspectPrepared, type PreparedBundle } from './service';
import type { WorkerMessage, WorkerRequest } from './inWorker';

/**
 * The worker thread that previews and imports bundles (built to
 * dist/main/syncWorker.cjs). It opens its own connection to the same database
 * file, so the main process keeps answering the window (its reads see the data
 * as it was until the import commits) while this thread holds the one write
 * transaction. Progress and the outcome go back as messages.
 */
async function run(request: WorkerRequest): Promise<void> {
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  // Opened inside the try: a worker that started but cannot open the database (a missing key, a damaged file)
  // reports the failure, rather than dying unheard and leaving the work to fall back to the main thread.
  let db: ReturnType<typeof openWorkerDatabase> | undefined;
  try {
    db = openWorkerDatabase(request);
    // The caller's clock (tests fix it), carried forward by this thread's own.
    const offsetMs = request.nowMs - Date.now();
    const now = () => Date.now() + offsetMs;
    const store = new Store(db, { now });
    const { bundle } = request;
    // Bytes cross to this thread as a plain Uint8Array: seen as a Buffer again.
    const prepared: PreparedBundle =
      bundle.format === 2
        ? { bundle: bundle.source.kind === 'bytes' ? { ...bundle, source: { kind: 'bytes', bytes: Buffer.from(bundle.source.bytes.buffer, bundle.source.bytes.byteOffset, bundle.source.bytes.byteLength) } } : bundle }
        : { bundle: { ...bundle, payload: Buffer.alloc(0) }, ...(request.changes ? { changes: Promise.resolve(request.changes) } : {}) };
    const options = { now, onProgress: (progress: { phase: string; done: number; total: number }) => post({ type: 'progress', progress }) };
    const value = request.kind === 'import' ? await importPrepared(store, prepared, options) : await inspectPrepared(store, prepared, { ...options, preview: request.preview });
    post({ type: 'done', value });
  } catch (error) {
    if (!(error instanceof AppError)) console.error('[accord] sync worker failed', error);
    post({ type: 'failed', error: error instanceof AppError ? error.toShape() : null });
  } finally {
    db?.close();
  }
}

if (parentPort) void run(workerData as WorkerRequest);
