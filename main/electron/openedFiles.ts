import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { openedFileKind } from '../../shared/openedFiles';

/** The arguments of a start (or a second start) that name a bundle or signed MOU file that exists; switches are ignored. */
export function openableFiles(argv: readonly string[]): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && openedFileKind(arg) !== null)
    .map((arg) => resolve(arg))
    .filter((path) => existsSync(path) && statSync(path).isFile());
}
