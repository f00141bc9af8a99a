import type { HandlerContext } from './types';

/**
 * A document made in memory, handed to whoever asked: a browser gets the bytes to download; the desktop app (whose
 * session refuses downloads) saves them through its Save dialog and the window gets no bytes back.
 */
export async function asFile<File extends { fileName: string; mediaType: string; bytes: Uint8Array }>(context: HandlerContext, file: File) {
  const { bytes, ...rest } = file;
  const described = { ...rest, size: bytes.length };
  if (context.saveFile) return { ...described, bytes: new Uint8Array(0), savedWithDialog: true, savedTo: await context.saveFile(file.fileName, { bytes }) };
  return { ...described, bytes, savedWithDialog: false, savedTo: null };
}
