import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_PLANS } from '../../main/seed/generate';
import { callOk, openTestApp, tempDirectory } from '../helpers';

const root = join(__dirname, '..', '..');
const bin = join(root, 'bin', 'accord.cjs');
const dir = tempDirectory();
afterAll(() => dir.remove());
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const db = (name: string) => join(dir.path, `${name}.sqlite`);

describe('accord seed', () => {
  it('fills an empty database with a small linked dataset, the same for the same seed', () => {
    const first = run('seed', '--db', db('a'), '--size', 'small', '--seed', '7');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Done in .* benchmarks 30, checkIns 48, measurements \d+, .*benchmarkTargets \d+, .*mouClauses 18/);
    expect(run('seed', '--db', db('b'), '--size', 'small', '--seed', '7').status).toBe(0);
    expect(run('seed', '--db', db('c'), '--size', 'small', '--seed', '8').status).toBe(0);
    const dump = (name: string) => run('dump', '--db', db(name)).stdout;
    expect(dump('a')).toBe(dump('b'));
    expect(dump('a')).not.toBe(dump('c'));
    expect(dump('a').length).toBeGreaterThan(50_000);
  });

  it('dates the demo around today (or --today), the same for the same seed and day, with upcoming, overdue and late-for-deadline cases', async () => {
    for (const name of ['t1', 't2']) expect(run('seed', '--db', db(name), '--size', 'small', '--seed', '7', '--today', '2026-12-02').status).toBe(0);
    expect(run('seed', '--db', db('t3'), '--size', 'small', '--seed', '7', '--today', '2027-03-15').status).toBe(0);
    const dump = (name: string) => run('dump', '--db', db(name)).stdout;
    expect(dump('t1')).toBe(dump('t2'));
    expect(dump('t1')).not.toBe(dump('t3'));
    expect(run('seed', '--db', db('t4'), '--size', 'small', '--today', '2026-02-30').status).toBe(2);
    const app = openTestApp(db('t1'));
    try {
      const sqlite = app.context.store.db;
      const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
      // Check-in points due in the next 14 days, overdue ones still planned, and open action items due soon.
      expect(count("SELECT COUNT(*) AS n FROM check_ins WHERE status = 'planned' AND due_date BETWEEN '2026-12-02' AND '2026-12-16'")).toBeGreaterThan(0);
      expect(count("SELECT COUNT(*) AS n FROM check_ins WHERE status = 'planned' AND due_date < '2026-12-02'")).toBeGreaterThan(0);
      expect(count("SELECT COUNT(*) AS n FROM action_items WHERE status = 'open' AND due_date BETWEEN '2026-12-02' AND '2026-12-16'")).toBeGreaterThan(0);
      // The next budget deadline falls inside the first screen's 14 days and comes before some planned assessments:
      // they will be late for it, one of them (the pilot's) inside those 14 days too; others come before it, in time.
      const next = sqlite.prepare("SELECT date FROM budget_deadlines WHERE date >= '2026-12-02' ORDER BY date LIMIT 1").pluck().get() as string;
      expect(next).toBe('2026-12-12');
      expect(count(`SELECT COUNT(*) AS n FROM check_ins WHERE status = 'planned' AND due_date > '${next}' AND due_date <= '2026-12-16'`)).toBeGreaterThan(0);
      expect(count(`SELECT COUNT(*) AS n FROM check_ins WHERE status = 'planned' AND due_date >= '2026-12-02' AND due_date <= '${next}'`)).toBeGreaterThan(0);
      expect(count(`SELECT COUNT(*) AS n FROM check_ins WHERE status = 'planned' AND due_date > '${next}' AND due_date < date('${next}', '+30 days')`)).toBeGreaterThan(0);
      const due = await callOk<{ items: { type: string }[] }>(app, 'reminders.due', { today: '2026-12-02' });
      expect(due.items.some((item) => item.type === 'budgetDeadlines')).toBe(true);
      const readiness = (await callOk<{ partners: { lateCount: number; nextDeadline: { date: string } | null }[] }>(app, 'dashboard.post', { today: '2026-12-02' })).partners;
      expect(readiness.every((partner) => partner.nextDeadline?.date === next)).toBe(true);
      expect(readiness.some((partner) => partner.lateCount > 0)).toBe(true);
      // Every field with an Arabic twin has Arabic in it: Arabic letters, digits and the punctuation an Arabic sentence pauses or ends with.
      const arabic = /^[\u0600-\u06FF\s()0-9،.]+$/;
      for (const [sql, label] of [
        ['SELECT name_ar FROM partners', 'partner names'],
        ['SELECT title_ar FROM projects', 'project titles'],
        ['SELECT title_ar FROM check_ins', 'check-in point titles'],
        ['SELECT title_ar FROM benchmarks', 'benchmark titles'],
        ['SELECT title_ar FROM objectives', 'objective titles'],
        ['SELECT name_ar FROM budget_deadlines', 'budget deadline names'],
        ['SELECT title_ar FROM meetings', 'meeting titles'],
        ['SELECT decisions_ar FROM meetings', 'meeting decisions'],
        ['SELECT description_ar FROM action_items', 'action item descriptions'],
        ['SELECT title_ar FROM mou_drafts', 'MOU titles'],
        ['SELECT value FROM mou_drafts, json_each(parties_ar)', 'MOU parties'],
        ['SELECT heading_ar FROM mou_clauses', 'clause headings'],
        ['SELECT name_ar FROM mou_signatories UNION ALL SELECT job_title_ar FROM mou_signatories UNION ALL SELECT organisation_ar FROM mou_signatories', 'signatories'],
      ] as const) {
        const values = sqlite.prepare(sql).pluck().all() as string[];
        expect(values.length, label).toBeGreaterThan(0);
        for (const value of values) expect(value, label).toMatch(arabic);
      }
      expect(sqlite.prepare("SELECT name_ar FROM partners WHERE name = 'Jordan'").pluck().get()).toBe('الأردن');
      // Each resource line's title names the authority it is funded under.
      const lines = sqlite.prepare("SELECT title, authority FROM resources WHERE authority <> 'OTHER'").all() as { title: string; authority: string }[];
      for (const line of lines) expect(line.title.startsWith(line.authority === 'SECTION_333' ? 'Section 333' : line.authority), line.title).toBe(true);
      // Typed results: numeric baselines and targets, measured values typed by their benchmark's unit.
      expect(count("SELECT COUNT(*) AS n FROM benchmarks WHERE unit IN ('number', 'percent') AND (baseline_value GLOB '*[^0-9.-]*' OR target_value GLOB '*[^0-9.-]*' OR target_value = '')")).toBe(0);
      expect(count("SELECT COUNT(*) AS n FROM measurements m JOIN benchmarks b ON b.id = m.benchmark_id WHERE b.unit = 'yes_no' AND m.value NOT IN ('yes', 'no')")).toBe(0);
      expect(count('SELECT COUNT(*) AS n FROM measurements')).toBeGreaterThan(20);
      expect(count('SELECT COUNT(*) AS n FROM benchmark_targets')).toBeGreaterThan(0);
    } finally {
      app.close();
    }
  });

  it('refuses a database that already has data, and bad options', () => {
    const again = run('seed', '--db', db('a'), '--size', 'small');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds 3 partner/);
    expect(run('seed', '--db', db('d'), '--size', 'huge').status).toBe(2);
    expect(run('seed', '--db', db('d'), '--size', 'small', '--seed', 'abc').status).toBe(2);
  });

  it('writes records that sync, link, and can be found', async () => {
    const app = openTestApp(db('a'));
    try {
      const sqlite = app.context.store.db;
      const tables = ['partners', 'projects', 'benchmarks', 'check_ins', 'mou_clauses', 'meetings'];
      for (const table of tables) {
        const { missing } = sqlite.prepare(`SELECT COUNT(*) AS missing FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM field_changes c WHERE c.table_name = '${table}' AND c.row_id = t.id)`).get() as { missing: number };
        expect(missing, table).toBe(0);
      }
      const dangling = sqlite.prepare("SELECT COUNT(*) AS n FROM record_links l WHERE l.field = 'benchmarkIds' AND NOT EXISTS (SELECT 1 FROM benchmarks b WHERE b.id = l.target_id)").get() as { n: number };
      expect(dangling.n).toBe(0);
      const hits = await callOk<{ type: string }[]>(app, 'search.global', { query: 'المعايير' });
      expect(hits.length).toBeGreaterThan(0);
      const [partner] = (await callOk<{ rows: { id: string; nameAr: string }[] }>(app, 'records.list', { type: 'partners', limit: 1 })).rows;
      // A partner is found by the Arabic name the Arabic view shows, in global search and in the partners list.
      expect(partner!.nameAr).not.toBe('');
      expect((await callOk<{ type: string; id: string }[]>(app, 'search.global', { query: partner!.nameAr })).find((hit) => hit.type === 'partners')?.id).toBe(partner!.id);
      expect((await callOk<{ rows: { id: string }[] }>(app, 'records.list', { type: 'partners', search: partner!.nameAr, limit: 10 })).rows.map((row) => row.id)).toEqual([partner!.id]);
      const overview = await callOk<{ benchmarkStatus: Record<string, number> }>(app, 'overview.partner', { partnerId: partner!.id, today: '2026-06-01' });
      expect(Object.values(overview.benchmarkStatus).reduce((a, b) => a + b, 0)).toBe(10);
    } finally {
      app.close();
    }
  });

  it('plans a large dataset of the size the issue asks for', () => {
    const plan = SEED_PLANS.large;
    const projects = plan.partners * plan.projectsPerPartner;
    expect(plan.partners).toBeGreaterThanOrEqual(50);
    expect(projects * plan.benchmarksPerProject).toBeGreaterThanOrEqual(10_000);
    expect(projects * plan.checkInsPerProject).toBeGreaterThanOrEqual(20_000);
    expect(plan.partners * plan.mousPerPartner * plan.clausesPerMou).toBeGreaterThanOrEqual(2_000);
  });
});
