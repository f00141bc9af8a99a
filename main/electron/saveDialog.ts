import { BrowserWindow, dialog } from 'electron';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { message } from '../../shared/i18n/message';
import { AppError } from '../../shared/result';
import type { SaveContent } from '../handlers/types';

/**
 * Saving an export in the desktop app: the renderer cannot write files and the
 * session refuses blob: downloads (main/electron/security.ts), so the main
 * process asks where with the native Save dialog and writes the file itself.
 * Returns the chosen path, or null when the person cancelled.
 */
export async function saveWithDialog(suggestedName: string, content: SaveContent): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow();
  const options = { defaultPath: suggestedName, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeSaved(choice.filePath, content);
  return choice.filePath;
}

/**
 * Writes beside the chosen path and renames, so a full disk or a pulled USB stick leaves no half file under the
 * chosen name (and an older file there stays whole). An export's spool is copied stream to stream: bounded memory
 * whatever its size. Owner-only, like the database it came from.
 */
export async function writeSaved(target: string, content: SaveContent): Promise<void> {
  const partial = `${target}.partial`;
  try {
    const source = 'copyOf' in content ? createReadStream(content.copyOf) : [content.bytes];
    await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError('INTERNAL', message('platform.saveFailed', { path: target, detail }));
  }
}
