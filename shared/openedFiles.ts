/** What a file the OS hands Accord holds, by its name (electron-builder.yml registers both endings). */
export type OpenedFileKind = 'bundle' | 'signedMou';

export function openedFileKind(path: string): OpenedFileKind | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.accord-bundle')) return 'bundle';
  // An encrypted one is opened (decrypted) on upload like any file sealed to this post.
  if (lower.endsWith('.accord-mou.zip') || lower.endsWith('.accord-mou.age')) return 'signedMou';
  return null;
}
