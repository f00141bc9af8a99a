import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordApp } from '../main/app';
import { seedDatabase } from '../main/seed/generate';
import { ensureKey } from '../main/sync/keys';
import { importBundle, publicKeyFile, trustSenderOf } from '../main/sync/service';
import { tempDirectory, openTestApp } from '../tests/helpers';
import { exportFrom, openPost, plainProtection, type TestPost } from '../tests/sync/support';
import { alternatingMs, reportRatio } from './measure';
import { watchPeak } from './report';

/**
 * What encryption at rest costs (issue 16), in one run: the same bundle imported into a new post whose database is
 * encrypted (SQLCipher pages through better-sqlite3-multiple-ciphers, its key sealed by the post's passphrase) and
 * into one whose database is plaintext; then, on the two posts that now hold the same records, the same list page
 * and the same global searches through the gate. Goal: at most 1.5x the plaintext store.
 * Data: the large seed (ACCORD_BENCH_AT_REST_SIZE=small for a quick look), seeded once into the temp folder.
 */

const size = process.env.ACCORD_BENCH_AT_REST_SIZE === 'small' ? 'small' : 'large';
const senderPath = join(tmpdir(), `accord-bench-at-rest-sender-${size}.sqlite`);
const PASSPHRASE = 'correct horse battery staple';
const dir = tempDirectory('accord-bench-at-rest-');
let sender: TestPost;
let bundle: Buffer;
let keyFile: Buffer;
let counter = 0;
const receivers: AccordApp[] = [];

beforeAll(async () => {
  const fresh = !existsSync(senderPath);
  sender = openPost(senderPath, 'Sender');
  if (fresh) {
    console.log(`[bench] seeding the ${size} dataset into ${senderPath} (once)…`);
    seedDatabase(sender.app.context.store, { size, seed: 1 });
  }
  bundle = await exportFrom(sender);
  keyFile = Buffer.from(JSON.stringify(await publicKeyFile(sender.app.context.store, plainProtection, undefined)));
});
afterAll(() => {
  sender?.app.close();
  for (const app of receivers) app.close();
  dir.remove();
});

function newPost(encrypted: boolean): AccordApp {
  const path = join(dir.path, `post-${counter++}.sqlite`);
  const app = openTestApp(path, undefined, encrypted ? { passphrase: PASSPHRASE } : {});
  ensureKey(app.context.store.db, plainProtection, undefined, new Date().toISOString());
  trustSenderOf(app.context.store, keyFile);
  receivers.push(app);
  // The file itself says which it is: a plaintext SQLite file starts with its format string.
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  readSync(fd, head, 0, 16, 0);
  closeSync(fd);
  expect(head.toString('latin1').startsWith('SQLite format 3')).toBe(!encrypted);
  return app;
}

async function timedImport(encrypted: boolean): Promise<{ app: AccordApp; ms: number }> {
  const app = newPost(encrypted);
  const start = performance.now();
  await importBundle(app.context.store, bundle);
  app.context.store.db.pragma('wal_checkpoint(TRUNCATE)');
  return { app, ms: performance.now() - start };
}

describe('encryption at rest against the plaintext store', () => {
  let encrypted: AccordApp;
  let plain: AccordApp;

  it('imports the same bundle', async () => {
    // Alternated, twice each, keeping each side's best: a busy machine slows both alike.
    const peak = watchPeak();
    let encryptedMs = Infinity;
    let plainMs = Infinity;
    for (let round = 0; round < 2; round++) {
      const sealed = await timedImport(true);
      const open = await timedImport(false);
      encryptedMs = Math.min(encryptedMs, sealed.ms);
      plainMs = Math.min(plainMs, open.ms);
      encrypted = sealed.app;
      plain = open.app;
    }
    reportRatio({ name: `import the ${size} seed's bundle (${bundle.length} bytes) into an encrypted store`, measuredMs: encryptedMs, referenceName: 'the same into a plaintext store', referenceMs: plainMs, goal: 1.5, peakMiB: peak.peakMiB() });
  });

  const call = async (app: AccordApp, method: string, input: unknown) => {
    const result = await app.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  for (const [name, method, input] of [
    ['a list page: planned check-in points by due date', 'records.list', { type: 'checkIns', filter: { status: 'planned' }, sort: { field: 'dueDate', direction: 'asc' }, limit: 500 }],
    ['a list search: "forensics" in projects', 'records.list', { type: 'projects', search: 'forensics', limit: 100 }],
    ['global search: "border patrol"', 'search.global', { query: 'border patrol', limit: 50 }],
    ['global search: "الأمن البحري"', 'search.global', { query: 'الأمن البحري', limit: 50 }],
  ] as const) {
    it(name, async () => {
      // Both stores give the same answer before either is timed.
      expect(JSON.stringify(await call(encrypted, method, input))).toBe(JSON.stringify(await call(plain, method, input)));
      const peak = watchPeak();
      const { measuredMs, referenceMs } = await alternatingMs(() => call(encrypted, method, input), () => call(plain, method, input));
      reportRatio({ name: `${name}, encrypted store`, measuredMs, referenceName: 'the same on the plaintext store', referenceMs, goal: 1.5, peakMiB: peak.peakMiB() });
    });
  }
});
