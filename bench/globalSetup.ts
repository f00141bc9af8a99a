import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import buildOnce from '../tests/globalSetup';
import { formatTable, readRows, REPORT_ENV } from './report';

/**
 * `npm run bench`: builds what the benches run (the production renderer included), hands the bench workers the file
 * their rows go to (bench/report.ts), and when every bench file is done prints the table of all of them.
 */
export default async function setup(): Promise<() => void> {
  await buildOnce();
  const file = join(tmpdir(), `accord-bench-report-${process.pid}.jsonl`);
  rmSync(file, { force: true });
  process.env[REPORT_ENV] = file;
  return () => {
    const rows = readRows(file);
    rmSync(file, { force: true });
    if (rows.length) console.log(`\n== bench summary\n${formatTable(rows)}\n`);
  };
}
