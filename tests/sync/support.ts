import { gzipSync } from 'node:zlib';
import type { WireChange } from '../../db/sync/changes';
import { bundleChanges, verifyBundle, type BundleHeader } from '../../main/sync/bundle';
import type { AccordApp } from '../../main/app';
import { ensureKey, type KeyProtection } from '../../main/sync/keys';
import { exportBundle, importBundle, trustSenderOf } from '../../main/sync/service';
import { openTestApp } from '../helpers';

/**
 * A protection that seals nothing: the real ones (scrypt, safeStorage) are
 * tested on their own; property tests sign thousands of bundles and must not
 * pay scrypt each time.
 */
export const plainProtection: KeyProtection = {
  kind: 'passphrase',
  needsPassphrase: false,
  seal: (secret) => Buffer.from(secret),
  open: (sealed) => Buffer.from(sealed),
};

export interface TestPost {
  app: AccordApp;
  name: string;
}

export function openPost(path: string, name: string, now?: () => number): TestPost {
  const app = openTestApp(path, now);
  app.context.store.db.prepare('UPDATE post_identity SET name = ?').run(name);
  app.context.store.post.name = name;
  ensureKey(app.context.store.db, plainProtection, undefined, new Date().toISOString());
  return { app, name };
}

export async function exportFrom(post: TestPost, forPost: string | null = null): Promise<Buffer> {
  return (await exportBundle(post.app.context.store, forPost, { protection: plainProtection })).bytes;
}

/** Each post trusts every other one (as people would after checking fingerprints). */
export async function trustAll(posts: TestPost[]): Promise<void> {
  for (const from of posts) {
    const bundle = await exportFrom(from);
    for (const to of posts) if (to !== from) trustSenderOf(to.app.context.store, bundle);
  }
}

export async function importInto(post: TestPost, bundle: Buffer) {
  return importBundle(post.app.context.store, bundle);
}

/**
 * A real (format 2) export seen as the format 1 bundle the previous version would have made of the same
 * changes: its header and gzip payload, so tests can re-sign altered content in the format a hostile or old
 * build still may send.
 */
export function legacyOf(bytes: Buffer): { header: BundleHeader; payload: Buffer; changes: WireChange[] } {
  const verified = verifyBundle(bytes);
  if (verified.format === 1) return { header: verified.header, payload: verified.payload, changes: bundleChanges(bytes) };
  const changes = bundleChanges(bytes);
  const text = Buffer.from(JSON.stringify(changes));
  const { sender, sequence, createdAt, createdHlc, forPost, schemaVersion, counts } = verified.header;
  return {
    header: { format: 1, schemaVersion, sender, sequence, createdAt, createdHlc, forPost, since: null, senderVector: {}, counts, compression: 'gzip', uncompressedBytes: text.length },
    payload: gzipSync(text),
    changes,
  };
}
