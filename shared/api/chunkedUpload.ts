import { UPLOAD_CHUNK_BYTES } from './sync';

/** What each client supplies: its own way to make the three calls (the window's api, the CLI's gate). */
export interface UploadSteps<Result> {
  begin(): Promise<string>;
  chunk(uploadId: string, bytes: Uint8Array): Promise<void>;
  end(uploadId: string): Promise<Result>;
}

/**
 * Hands a file of any size to the main side in UPLOAD_CHUNK_BYTES pieces (sync.upload.begin/chunk/end), one
 * piece in memory at a time, reporting bytes sent. The window reads a File's slices, the CLI its file.
 */
export async function uploadInChunks<Result>(size: number, read: (offset: number, length: number) => Promise<Uint8Array>, steps: UploadSteps<Result>, onProgress: (done: number, total: number) => void = () => undefined): Promise<Result> {
  const uploadId = await steps.begin();
  onProgress(0, size);
  for (let offset = 0; offset < size; offset += UPLOAD_CHUNK_BYTES) {
    const bytes = await read(offset, Math.min(UPLOAD_CHUNK_BYTES, size - offset));
    await steps.chunk(uploadId, bytes);
    onProgress(offset + bytes.byteLength, size);
  }
  return steps.end(uploadId);
}
