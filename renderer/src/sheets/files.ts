import type { MethodInput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { api } from '../store';
import { saveFile } from '../sync/bundleTransfer';

/**
 * Spreadsheet files out of the window: the desktop app saves through the native Save dialog (its window refuses
 * blob downloads), a browser downloads the bytes the main side returns. Either way the file is made on the main side.
 */
let dialog: Promise<boolean> | null = null;
const savesWithDialog = () => (dialog ??= api.call('sync.identity', {}).then((result) => result.ok && result.value.savesWithDialog));

export type SaveRequest = MethodInput<'sheets.saveFile'>;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function bytesOf(request: SaveRequest): Promise<{ ok: true; value: { bytes: Uint8Array; fileName: string } } | { ok: false; error: AppErrorShape }> {
  if (request.kind === 'export') {
    const { kind: _kind, ...input } = request;
    return api.call('sheets.export', input);
  }
  if (request.kind === 'template') {
    const { kind: _kind, ...input } = request;
    return api.call('sheets.template', input);
  }
  return api.call('sheets.rejectedFile', { fileId: request.fileId });
}

/** Saves or downloads one file; resolves with its name (null when the person cancelled the dialog), or the error. */
export async function deliverSheet(request: SaveRequest): Promise<{ ok: true; fileName: string | null } | { ok: false; error: AppErrorShape }> {
  if (await savesWithDialog()) {
    const saved = await api.call('sheets.saveFile', request);
    if (!saved.ok) return saved;
    return { ok: true, fileName: saved.value.path };
  }
  const file = await bytesOf(request);
  if (!file.ok) return file;
  const type = file.value.fileName.endsWith('.csv') ? 'text/csv;charset=utf-8' : XLSX_TYPE;
  saveFile(new Blob([file.value.bytes] as BlobPart[], { type }), file.value.fileName);
  return { ok: true, fileName: file.value.fileName };
}

/** Follows the progress a call pushes while it runs (its progressId names it); returns the way to stop listening. */
export function followProgress(progressId: string, onStep: (phase: string, done: number, total: number) => void): () => void {
  return api.onEvent((event) => {
    if (event.type === 'progress' && event.task === `sheets:${progressId}`) onStep(event.phase, event.done, event.total);
  });
}
