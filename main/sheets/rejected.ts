import { randomUUID } from 'node:crypto';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';

/**
 * The rejected-rows workbooks of the last few applies, held in memory while the app runs (one registry per app),
 * so the window fetches the file as bytes with sheets.rejectedFile after reading the report.
 */
const KEEP = 4;
const registries = new WeakMap<object, Map<string, { bytes: Uint8Array; fileName: string }>>();

export function keepRejected(owner: object, file: { bytes: Uint8Array; fileName: string }): string {
  let files = registries.get(owner);
  if (!files) registries.set(owner, (files = new Map()));
  const id = randomUUID();
  files.set(id, file);
  while (files.size > KEEP) files.delete(files.keys().next().value!);
  return id;
}

export function rejectedFile(owner: object, id: string): { bytes: Uint8Array; fileName: string } {
  const file = registries.get(owner)?.get(id);
  if (!file) throw new AppError('NOT_FOUND', message('sheets.rejected.expired'));
  return file;
}
