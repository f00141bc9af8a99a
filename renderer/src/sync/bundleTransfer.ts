import { BUNDLE_CHUNK_BYTES, type JobStatus } from '../../../shared/api/sync';
import { api } from '../store';

/** A main-side error envelope (job errors carry the same fields). */
export interface ErrorLike {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Thrown inside the Sync page's helpers to carry a main-side error envelope. */
export class CallFailed extends Error {
  constructor(readonly error: ErrorLike) {
    super(error.message);
  }
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Sends a chosen file's bytes to the main side in capped pieces (the same
 * call path, token and Host/Origin checks as every other API call).
 */
export async function uploadBundle(file: Blob, onProgress: (done: number, total: number) => void): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const begun = await api.call('sync.upload.begin', { size: bytes.length });
  if (!begun.ok) throw new CallFailed(begun.error);
  for (let offset = 0; offset < bytes.length; offset += BUNDLE_CHUNK_BYTES) {
    const piece = await api.call('sync.upload.chunk', { uploadId: begun.value.uploadId, offset, data: bytesToBase64(bytes.subarray(offset, offset + BUNDLE_CHUNK_BYTES)) });
    if (!piece.ok) throw new CallFailed(piece.error);
    onProgress(piece.value.received, bytes.length);
  }
  return begun.value.uploadId;
}

/** Polls a job until it ends, reporting each status; resolves with the final one. */
export async function waitForJob(jobId: string, onStatus: (status: JobStatus) => void): Promise<JobStatus> {
  for (;;) {
    const result = await api.call('sync.jobs.status', { jobId });
    if (!result.ok) throw new CallFailed(result.error);
    onStatus(result.value);
    if (result.value.state !== 'running') return result.value;
    await new Promise((resolve) => setTimeout(resolve, 120));
  }
}

/** Fetches a finished export in pieces and hands it to the browser as a file to save. */
export async function downloadExport(jobId: string, onProgress: (done: number, total: number) => void): Promise<void> {
  const pieces: Uint8Array[] = [];
  let offset = 0;
  let name: string | undefined;
  for (;;) {
    const result = await api.call('sync.download', { jobId, offset });
    if (!result.ok) throw new CallFailed(result.error);
    const piece = base64ToBytes(result.value.data);
    pieces.push(piece);
    offset += piece.length;
    name = result.value.name;
    onProgress(offset, result.value.size);
    if (offset >= result.value.size || piece.length === 0) break;
  }
  saveFile(new Blob(pieces as BlobPart[], { type: 'application/octet-stream' }), name ?? 'accord.accord-bundle');
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
