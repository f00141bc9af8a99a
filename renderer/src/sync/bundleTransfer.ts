import type { MethodInput, MethodOutput } from '../../../shared/contract';
import { uploadInChunks } from '../../../shared/api/chunkedUpload';
import type { JobStatus } from '../../../shared/api/sync';
import type { AppErrorShape } from '../../../shared/result';
import { api } from '../store';

/** Thrown inside the Sync page's helpers to carry a main-side error envelope (a job's error is one too). */
export class CallFailed extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
  }
}

/** A chosen file's upload id (through uploadFile: the same call path, token and Host/Origin checks as every call). */
export async function uploadBundle(file: Blob, onProgress: (done: number, total: number) => void): Promise<string> {
  return (await uploadFile(file, onProgress)).uploadId;
}

/**
 * Hands a chosen file to the gate in chunks (a bundle of any size; the window never holds more than a
 * chunk of it): its id, what it is (judged after opening an encrypted one) and whether it was encrypted.
 */
export async function uploadFile(file: Blob, onProgress: (done: number, total: number) => void): Promise<MethodOutput<'sync.upload.end'>> {
  const step = async <M extends 'sync.upload.begin' | 'sync.upload.chunk' | 'sync.upload.end'>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await api.call(method, input);
    if (!result.ok) throw new CallFailed(result.error);
    return result.value;
  };
  return uploadInChunks(
    file.size,
    async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
    {
      begin: async () => (await step('sync.upload.begin', {})).uploadId,
      chunk: async (uploadId, bytes) => void (await step('sync.upload.chunk', { uploadId, bytes })),
      end: (uploadId) => step('sync.upload.end', { uploadId }),
    },
    onProgress,
  );
}

/**
 * Follows a job until it ends: each status the main side pushes is reported,
 * and the promise settles with the final one. The status is asked once after
 * listening starts, so a job that ended before the first event is not missed.
 */
export function waitForJob(jobId: string, onStatus: (status: JobStatus) => void): Promise<JobStatus> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const take = (status: JobStatus) => {
      if (settled || status.id !== jobId) return;
      onStatus(status);
      if (status.state !== 'running') {
        settled = true;
        stop();
        resolve(status);
      }
    };
    const stop = api.onEvent((event) => {
      if (event.type === 'job') take(event.status);
    });
    api.call('sync.jobs.status', { jobId }).then((result) => {
      if (result.ok) take(result.value);
      else if (!settled) {
        settled = true;
        stop();
        reject(new CallFailed(result.error));
      }
    }, reject);
  });
}

/** Fetches a finished export a slice at a time and hands it to the browser as a file to save. */
export async function downloadExport(jobId: string, onProgress: (done: number, total: number) => void): Promise<void> {
  // A slice at a time: the parts are handed to the Blob, which the browser may keep on disk.
  const parts: BlobPart[] = [];
  let name = '';
  for (let offset = 0, size = 1; offset < size; ) {
    const result = await api.call('sync.download', { jobId, offset });
    if (!result.ok) throw new CallFailed(result.error);
    ({ name, size } = result.value);
    parts.push(result.value.bytes as BlobPart);
    offset += result.value.bytes.length;
    onProgress(offset, size);
    if (result.value.bytes.length === 0) break;
  }
  saveFile(new Blob(parts, { type: 'application/octet-stream' }), name);
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
