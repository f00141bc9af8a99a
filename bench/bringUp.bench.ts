import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { syncedTables } from '../db/syncedTables';
import { openTestApp, tempDirectory } from '../tests/helpers';
import { TEST_OFFICER } from '../tests/officer';
import { fmtMs } from './measure';
import { record } from './report';
import { scaledDatabase } from './scaleData';

/**
 * A new post brought up from one that holds Nx the large seed (issue 17), as its IT person does it: `accord export`
 * of the whole post to a file, then `accord import --yes` of that file into a new, empty post, each its own process,
 * both stores encrypted at rest as an installed post's are. Each step's time is compared with the same at 1x times
 * N (goal: at most 1.5x, the cost grows with the data and no faster), and its peak memory (the child's resident high
 * water, polled) against the 200 MiB the issue asks for.
 * Scales: ACCORD_BENCH_BRING_UP (default "1,4"; "1,16" for the largest, which seeds sixteen posts first, once).
 */

const SCALES = (process.env.ACCORD_BENCH_BRING_UP ?? '1,4').split(',').map(Number);
const MEMORY_GOAL_MiB = 200;
const PASSPHRASE = 'correct horse battery staple';
const bin = join(__dirname, '..', 'bin', 'accord.cjs');
const dir = tempDirectory('accord-bench-bring-up-');
afterAll(() => dir.remove());

/** Runs `accord …` to its end: its exit status, output, wall time and peak resident memory. */
function accord(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number; peakMiB: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The officer the tests act as: any bench that opened a scaled database through openTestApp left it there.
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ACCORD_DB: '', ACCORD_KEY_PASSPHRASE: PASSPHRASE, ACCORD_OFFICER: TEST_OFFICER.name, ACCORD_OFFICER_PASSPHRASE: TEST_OFFICER.passphrase } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // VmHWM only rises; the last reading before the end is the peak, to within one interval.
    let peakKiB = 0;
    const poll = setInterval(() => {
      try {
        peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
      } catch {
        // Gone between two readings.
      }
    }, 100);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(poll);
      resolve({ status, stdout, stderr, ms: performance.now() - started, peakMiB: peakKiB / 1024 });
    });
  });
}

async function ok(...args: string[]) {
  const run = await accord(...args);
  if (run.status !== 0) throw new Error(`accord ${args.join(' ')} exited ${String(run.status)}: ${run.stderr}`);
  return run;
}

/** Every synced table's row count: the two posts hold the same records when these match (and the import checked each). */
function counts(path: string): Record<string, number> {
  const app = openTestApp(path, undefined, { passphrase: PASSPHRASE });
  try {
    return Object.fromEntries(Object.values(syncedTables).map(({ name }) => [name, app.context.store.db.prepare(`SELECT COUNT(*) FROM "${name}"`).pluck().get() as number]));
  } finally {
    app.close();
  }
}

describe('a new post brought up from one large post', () => {
  const at1x: { exportMs: number; importMs: number } = { exportMs: NaN, importMs: NaN };
  for (const scale of SCALES) {
    it(`from ${scale}x the large seed`, async () => {
      const sender = join(dir.path, `sender-${scale}x.sqlite`);
      const receiver = join(dir.path, `receiver-${scale}x.sqlite`);
      const bundle = join(dir.path, `all-${scale}x.accord-bundle`);
      copyFileSync(scaledDatabase(scale), sender);
      // Keys (and encryption at rest) on both, and the receiver trusts the sender after checking its fingerprint.
      const fingerprint = /Fingerprint: (.*)/.exec((await ok('keys', 'show', '--name', `Post ${scale}x`, '--db', sender)).stdout)![1]!;
      await ok('keys', 'show', '--name', 'New post', '--db', receiver);
      await ok('keys', 'export', '--out', join(dir.path, `sender-${scale}x.key.json`), '--db', sender);
      await ok('keys', 'trust', join(dir.path, `sender-${scale}x.key.json`), '--fingerprint', fingerprint, '--db', receiver);

      const exported = await ok('export', '--unencrypted', '--out', bundle, '--db', sender);
      const imported = await ok('import', bundle, '--yes', '--db', receiver);
      const bytes = statSync(bundle).size;
      expect(counts(receiver)).toEqual(counts(sender));
      if (scale === 1) Object.assign(at1x, { exportMs: exported.ms, importMs: imported.ms });
      for (const [step, run, reference] of [['export', exported, at1x.exportMs], ['import --yes', imported, at1x.importMs]] as const) {
        const name = `${step} of the whole post at ${scale}x (${(bytes / 1024 / 1024).toFixed(0)} MiB): ${fmtMs(run.ms)}`;
        if (scale !== 1 && Number.isFinite(reference)) record({ measure: name, reference: `${scale} x the same at 1x: ${fmtMs(scale * reference)}`, ratio: run.ms / (scale * reference), goal: 1.5, peakMiB: run.peakMiB });
        record({ measure: `${step} at ${scale}x, peak memory: ${run.peakMiB.toFixed(0)} MiB`, reference: `${MEMORY_GOAL_MiB} MiB`, ratio: run.peakMiB / MEMORY_GOAL_MiB, goal: 1 });
      }
    }, 30 * 60_000 + scale * 5 * 60_000); // a first run seeds each post (a minute or more each), then moves it all twice
  }
});
