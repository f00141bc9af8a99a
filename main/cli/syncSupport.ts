import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { uploadInChunks } from '../../shared/api/chunkedUpload';
import type { EncryptFor, JobStatus } from '../../shared/api/sync';
import type { AccordApp } from '../app';
import { ask, call, knownPassphrase, rememberPassphrase, text, UsageError } from './command';

export { ask };

/**
 * The passphrase that seals this post's key: ACCORD_KEY_PASSPHRASE, else asked
 * on the terminal (not echoed). A script without a terminal must set the variable.
 */
export async function passphraseFor(app: AccordApp): Promise<string> {
  // The one this process already has (it opened the encrypted database with it).
  const known = knownPassphrase();
  if (known) return known;
  if (!process.stdin.isTTY) throw new UsageError('cli.passphraseNeeded');
  const creating = !(await call(app, 'sync.identity', {})).hasKey;
  const first = await ask(text(creating ? 'cli.passphraseChoose' : 'cli.passphraseAsk'), true);
  if (creating && (await ask(text('cli.passphraseAgain'), true)) !== first) throw new UsageError('cli.passphrasesDiffer');
  rememberPassphrase(first);
  return first;
}

/** The passphrase only when this post has no key yet (creating one needs it; showing one does not). */
export async function passphraseIfNoKey(app: AccordApp): Promise<string | undefined> {
  return (await call(app, 'sync.identity', {})).hasKey ? undefined : passphraseFor(app);
}

export async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  return /^(y(es)?|ن(عم)?)$/i.test((await ask(`${question} ${text('cli.yesNo')} `)).trim());
}

/**
 * Hands a file to the gate in chunks, a bundle of any size in bounded memory (a file no Accord file starts
 * like is refused from its first chunk); the upload's id names it in the calls that use it.
 */
export async function uploadFile(app: AccordApp, path: string) {
  const fd = openSync(path, 'r');
  try {
    return await uploadInChunks(
      fstatSync(fd).size,
      async (offset, length) => {
        const bytes = Buffer.alloc(length);
        return bytes.subarray(0, readSync(fd, bytes, 0, length, offset));
      },
      {
        begin: async () => (await call(app, 'sync.upload.begin', {})).uploadId,
        chunk: async (uploadId, bytes) => void (await call(app, 'sync.upload.chunk', { uploadId, bytes })),
        end: (uploadId) => call(app, 'sync.upload.end', { uploadId }),
      },
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file beside `path` and renames it over it once `produce` has written every piece, so a crash or a
 * failure never leaves half a file; readable by its owner only. (main/sync/service.ts streams an export the
 * same way: a host may not import the main side's internals, so each side keeps its few lines.)
 */
async function writeAtomically<T>(path: string, produce: (write: (piece: Uint8Array) => void) => Promise<T> | T): Promise<T> {
  const temporary = `${path}.partial-${process.pid}`;
  const fd = openSync(temporary, 'w', 0o600);
  let result: T;
  try {
    result = await produce((piece) => void writeSync(fd, piece));
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  return result;
}

/** Written beside the target and renamed over it, so a crash never leaves half a file; readable by its owner only. */
export function writeFileAtomically(path: string, data: Uint8Array | string): Promise<void> {
  return writeAtomically(path, (write) => write(typeof data === 'string' ? Buffer.from(data) : data));
}

/**
 * Who may read the file, always said: --encrypt-to names trusted posts (by id or name, comma-separated),
 * --unencrypted is the explicit choice of a file anyone holding it can read. Never a default.
 */
export async function readersChosen(app: AccordApp, values: Record<string, unknown>): Promise<EncryptFor> {
  const list = typeof values['encrypt-to'] === 'string' ? values['encrypt-to'] : undefined;
  if ((list === undefined) === (values.unencrypted !== true)) throw new UsageError('cli.exportReaders');
  if (list === undefined) return 'unencrypted';
  const peers = await call(app, 'sync.peers.list', {});
  const names = list.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (names.length === 0) throw new UsageError('cli.exportReaders');
  const ids = names.map((name) => peers.find((peer) => peer.revokedAt === null && (peer.postId === name || peer.name.toLowerCase() === name.toLowerCase()))?.postId ?? name);
  return ids as [string, ...string[]];
}

/** Trusted posts as people name them, for a line that says who may read a file. */
export async function postNames(app: AccordApp, postIds: readonly string[]): Promise<string> {
  const peers = await call(app, 'sync.peers.list', {});
  return postIds.map((id) => peers.find((peer) => peer.postId === id)?.name ?? id).join(', ');
}

/** Resolves with a job's final status: it listens first, then asks once, so a job that already ended is not missed. */
export function jobEnd(app: AccordApp, jobId: string): Promise<JobStatus> {
  return new Promise((resolve, reject) => {
    const stop = app.call.subscribe((event) => {
      if (event.type === 'job' && event.status.id === jobId && event.status.state !== 'running') {
        stop();
        resolve(event.status);
      }
    });
    call(app, 'sync.jobs.status', { jobId }).then((status) => {
      if (status.state !== 'running') {
        stop();
        resolve(status);
      }
    }, (error: unknown) => {
      stop();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/** Writes a finished export to `path` a slice at a time (beside it, then renamed over it; owner-only). */
export function downloadTo(app: AccordApp, jobId: string, path: string): Promise<number> {
  return writeAtomically(path, async (write) => {
    let offset = 0;
    for (let total = 1; offset < total; ) {
      const slice = await call(app, 'sync.download', { jobId, offset });
      total = slice.size;
      if (slice.bytes.length === 0) break;
      write(slice.bytes);
      offset += slice.bytes.length;
    }
    return offset;
  });
}
