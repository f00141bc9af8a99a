import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';

/**
 * Saving an export in the desktop app: the renderer cannot write files and the
 * session refuses blob: downloads (main/electron/security.ts), so the main
 * process asks where with the native Save dialog and writes the bytes itself.
 * Returns the chosen path, or null when the person cancelled.
 */
export async function saveWithDialog(suggestedName: string, bytes: Buffer): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow();
  const options = { defaultPath: suggestedName, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  // Owner-only, like the database it came from (the mode applies when the file is new).
  await writeFile(choice.filePath, bytes, { mode: 0o600 });
  return choice.filePath;
}
