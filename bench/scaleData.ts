import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../db/open';
import { Store } from '../db/store';
import { seedDatabase } from '../main/seed/generate';

/**
 * Databases holding 1x, 2x, … the large seed (35,500 records a post), as a regional office that gathers several posts
 * would: post k's seeded records (seed k, its partners numbered after the others') added to the database of the
 * posts before it (the budget calendar every post shares, once). v2: each seed ends with its search index merged
 * (refreshStatistics). Kept in the temp folder and reused across runs; each is built from the one before, so a first
 * run seeds once per post (a minute or more each on a shared 2-core machine), later runs not at all.
 */
/** 1x-4x are kept for the benches that compare them; larger ones only as asked for (bench/bringUp.bench.ts). */
const KEPT_SCALES = 4;

export function scaledDatabase(times: number): string {
  const path = join(tmpdir(), `accord-bench-scale-${times}x-v2.sqlite`);
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  rmSync(building, { force: true });
  if (times > 1) {
    const before = scaledDatabase(times - 1);
    copyFileSync(before, building);
    // Past the sizes the other benches open, a step is only the way to the next one: at 300 MB a post, keeping
    // every step to 16x would take 40 GB.
    if (times - 1 > KEPT_SCALES) rmSync(before);
  }
  const db = openDatabase(building);
  const store = new Store(db);
  console.log(`[bench] seeding post ${times} of the ${times}x database into ${path} (once)…`);
  // The U.S. budget calendar is the same for every post: the gathered database holds it once, so a partner's overview
  // does the same work at every size.
  seedDatabase(store, { size: 'large', seed: times, partnerOffset: (times - 1) * 50, budgetCalendar: times === 1 });
  closeDatabase(db);
  renameSync(building, path);
  return path;
}
