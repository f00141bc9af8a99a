import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** The files Accord registers with the OS (electron-builder.yml fileAssociations). */
export const OPENABLE_EXTENSIONS = ['.accord-bundle', '.accord-mou.zip'] as const;

export type OpenedFileKind = 'bundle' | 'signedMou';

export function openedFileKind(path: string): OpenedFileKind | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.accord-bundle')) return 'bundle';
  if (lower.endsWith('.accord-mou.zip')) return 'signedMou';
  return null;
}

/** The arguments of a start (or a second start) that name a bundle or signed MOU file that exists; switches are ignored. */
export function openableFiles(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && openedFileKind(arg) !== null)
    .map((arg) => resolve(arg))
    .filter((path) => existsSync(path) && statSync(path).isFile());
}
