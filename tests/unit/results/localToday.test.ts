import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * "Today" is the officer's local calendar date. Each case runs shared/results/today.ts in a fresh Node process
 * started with TZ set (as an officer's machine is), a few minutes either side of midnight, where the local date
 * and UTC's differ: a helper that took UTC's date (toISOString().slice(0, 10)) fails every case.
 */
const helper = join(__dirname, '..', '..', '..', 'shared', 'results', 'today.ts');

function localTodayIn(timeZone: string, instant: string): string {
  const script = `import { localToday } from ${JSON.stringify(helper)}; process.stdout.write(localToday(new Date(${JSON.stringify(instant)})));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

/** What the calendar says in that zone, asked of Intl with an explicit time zone (no process TZ involved). */
const intlDate = (timeZone: string, instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

describe('the officer’s today in a time zone that is not UTC', () => {
  const cases = [
    // 00:30 on 2 Dec in Amman (UTC+3): UTC still says 1 Dec, so an assessment due on the 1st is overdue here.
    { zone: 'Asia/Amman', at: '2026-12-01T21:30:00Z', local: '2026-12-02' },
    // 20:00 on 1 Dec in New York (UTC-5): UTC already says 2 Dec, so nothing due on the 1st is overdue yet.
    { zone: 'America/New_York', at: '2026-12-02T01:00:00Z', local: '2026-12-01' },
    // 00:05 on New Year's Day at UTC+14: the year differs too.
    { zone: 'Pacific/Kiritimati', at: '2026-12-31T10:05:00Z', local: '2027-01-01' },
  ];
  it.each(cases)('in $zone at $at (UTC) it is $local', ({ zone, at, local }) => {
    expect(at.slice(0, 10)).not.toBe(local);
    expect(intlDate(zone, at)).toBe(local);
    expect(localTodayIn(zone, at)).toBe(local);
  });
});
