import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The renderer's Content-Security-Policy, the same in the window and in the browser. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Maps a URL path to a file inside `root`, never outside it. Unknown paths
 * without an extension fall back to index.html (the app routes itself).
 */
export function resolveStaticFile(root: string, urlPath: string): { filePath: string; contentType: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const candidate = resolve(base, '.' + normalize('/' + decoded));
  if (candidate !== base && !candidate.startsWith(base + sep)) return null;
  let filePath = candidate;
  if (!existsSync(filePath) || statSync(filePath).isDirectory()) {
    if (extname(decoded)) return null;
    filePath = join(base, 'index.html');
    if (!existsSync(filePath)) return null;
  }
  return { filePath, contentType: CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream' };
}
