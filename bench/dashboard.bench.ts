import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../db/open';
import { insertRecord } from '../db/repositories/records';
import { Store } from '../db/store';
import type { AccordApp } from '../main/app';
import { seedDatabase, type SeedOptions } from '../main/seed/generate';
import type { PartnerDashboard } from '../shared/api/dashboard';
import { addDays } from '../shared/results/today';
import { recordType } from '../shared/records/registry';
import { inputSchema } from '../shared/records/spec';
import { launchBrowser, signIn, startAccord } from '../tests/e2e/support';
import { openTestApp } from '../tests/helpers';
import { alternatingMs, medianMs, reportRatio } from './measure';
import { watchPeak } from './report';

/**
 * The partner dashboard (issue 13), on the large seed (ACCORD_BENCH_DASHBOARD_SIZE=small for a quick run):
 * - in Node, the dashboard's data call through the app gate (`dashboard.partner`: dispatch, input parsing, the
 *   repository's statements and shaping, output validation) for the partner with the most check-in points, against
 *   the raw statements computing the same numbers, checked equal first (goal <= 1.5x);
 * - in headless Chromium, the production renderer against the real `accord serve`: a benchmark's page drawing its
 *   progress chart of 1,000 measured values, and the partner dashboard's charts, each against the same data fetched
 *   through the same API and drawn as plain HTML tables in the same page (no goal: for information).
 * The seeded file (around a fixed day, with one benchmark given 1,000 measurements) is kept in the temp folder.
 */

const SIZE: SeedOptions['size'] = process.env.ACCORD_BENCH_DASHBOARD_SIZE === 'small' ? 'small' : 'large';
const TODAY = '2026-12-02';
const POINTS = 1_000;

/** The seed around TODAY, plus POINTS measurements of one numeric benchmark (one a week, each at a check-in point of its project). */
function dashboardDatabase(): string {
  const path = join(tmpdir(), `accord-bench-dashboard-${SIZE}-v1.sqlite`);
  if (existsSync(path)) return path;
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const db = openDatabase(building);
  const store = new Store(db);
  console.log(`[bench] seeding the ${SIZE} dataset into ${path} (once)…`);
  seedDatabase(store, { size: SIZE, seed: 1, today: TODAY });
  const benchmark = db.prepare("SELECT b.id, b.project_id FROM benchmarks b WHERE b.unit = 'number' ORDER BY b.id LIMIT 1").get() as { id: string; project_id: string };
  const checkInId = db.prepare('SELECT id FROM check_ins WHERE project_id = ? ORDER BY id LIMIT 1').pluck().get(benchmark.project_id) as string;
  db.prepare('DELETE FROM measurements WHERE benchmark_id = ?').run(benchmark.id);
  const schema = inputSchema(recordType('measurements'));
  store.transaction(() => {
    for (let i = 0; i < POINTS; i++) {
      const value = String(Math.round(20 + i * 0.06 + 8 * Math.sin(i / 9)));
      insertRecord(store, 'measurements', schema.parse({ benchmarkId: benchmark.id, checkInId, value, measuredOn: addDays(TODAY, (i - POINTS) * 7), rating: 'on_track' }) as Record<string, unknown>);
    }
  });
  closeDatabase(db);
  renameSync(building, path);
  return path;
}

let path: string;
let partnerId: string;
let benchmarkId: string;
beforeAll(() => {
  path = dashboardDatabase();
  const app = openTestApp(path);
  const db = app.context.store.db;
  partnerId = db.prepare('SELECT p.partner_id FROM check_ins c JOIN projects p ON p.id = c.project_id GROUP BY p.partner_id ORDER BY COUNT(*) DESC, p.partner_id LIMIT 1').pluck().get() as string;
  benchmarkId = db.prepare('SELECT benchmark_id FROM measurements GROUP BY benchmark_id HAVING COUNT(*) = ?').pluck().get(POINTS) as string;
  app.close();
});

const fiscalYearEnd = "d.fiscal_year || '-09-30'";
const OF_PARTNER = "(d.partner_id = @partner OR d.partner_id IS NULL OR d.partner_id = '')";

/** The same numbers as dashboard.partner, each from one plain statement (late counts too, where the repository counts in JS). */
function rawStatements(app: AccordApp) {
  const db = app.context.store.db;
  const partner = db.prepare("SELECT id, name, COALESCE(name_ar, '') AS nameAr FROM partners WHERE id = @partner");
  const ratings = db.prepare(
    `SELECT substr(COALESCE(NULLIF(c.assessed_on, ''), c.due_date), 1, 7) AS period, c.rating, COUNT(*) AS n
     FROM check_ins c JOIN projects p ON p.id = c.project_id JOIN record_links l ON l.source_id = c.id AND l.source_type = 'checkIns' AND l.field = 'benchmarkIds'
     WHERE c.status = 'assessed' AND p.partner_id = @partner GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const deadlines = db.prepare(
    `SELECT d.id, d.date, d.fiscal_year,
       (SELECT COUNT(*) FROM check_ins c JOIN projects p ON p.id = c.project_id
        WHERE p.partner_id = @partner AND c.status = 'planned' AND c.due_date > d.date AND c.due_date <= ${fiscalYearEnd}) AS late
     FROM budget_deadlines d WHERE ${OF_PARTNER} AND d.date >= @today ORDER BY d.date, d.id`,
  );
  const checkIns = db.prepare(
    `SELECT c.id, c.title, p.title AS projectTitle, c.due_date, c.status, c.rating FROM check_ins c JOIN projects p ON p.id = c.project_id
     WHERE p.partner_id = @partner AND c.due_date >= @from AND c.due_date <= @until ORDER BY c.due_date, c.id`,
  );
  const briefs = db.prepare(
    `SELECT b.id, b.deadline_id FROM brief_deliveries b JOIN budget_deadlines d ON d.id = b.deadline_id
     WHERE ${OF_PARTNER} AND d.date >= @today AND (b.partner_id IS NULL OR b.partner_id = '' OR b.partner_id = @partner) ORDER BY b.delivered_on DESC, b.id`,
  );
  const resources = db.prepare(
    `SELECT fiscal_year, authority, currency, SUM(COALESCE(requested_minor, 0)) AS requested, SUM(COALESCE(approved_minor, 0)) AS approved, COUNT(*) AS lines
     FROM resources WHERE partner_id = @partner GROUP BY fiscal_year, authority, currency ORDER BY currency, fiscal_year, authority`,
  );
  const actions = db.prepare(
    `SELECT a.owner_id, COUNT(*) AS open, SUM(a.due_date <> '' AND a.due_date < @today) AS overdue
     FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.status = 'open' AND m.partner_id = @partner GROUP BY a.owner_id ORDER BY a.owner_id`,
  );
  return (today: string) => {
    const dl = deadlines.all({ partner: partnerId, today }) as { id: string; date: string; fiscal_year: number; late: number }[];
    const until = dl.length ? `${Math.max(...dl.map((d) => d.fiscal_year))}-09-30` : addDays(today, 365);
    return {
      partner: partner.get({ partner: partnerId }),
      ratings: ratings.all({ partner: partnerId }),
      deadlines: dl,
      checkIns: checkIns.all({ partner: partnerId, from: addDays(today, -180), until: until < today ? today : until }),
      briefs: briefs.all({ partner: partnerId, today }),
      resources: resources.all({ partner: partnerId }),
      actions: actions.all({ partner: partnerId, today }),
    };
  };
}

/** The dashboard's numbers in the raw statements' form, to check the two agree. */
function numbersOf(dashboard: PartnerDashboard) {
  const ratings = dashboard.ratingsOverTime.flatMap((row) => (['at_risk', 'not_rated', 'off_track', 'on_track'] as const).filter((r) => row[r] > 0).map((r) => [row.period, r, row[r]]));
  return {
    ratings,
    deadlines: dashboard.deadlines.map((d) => [d.id, d.lateCount]),
    checkIns: dashboard.checkIns.map((c) => c.id),
    briefs: dashboard.deadlines.flatMap((d) => d.briefs.map((b) => b.id)).sort(),
    resources: dashboard.resources.map((r) => [r.fiscalYear, r.authority, r.currency, r.requestedMinor, r.approvedMinor, r.lines]),
    actions: dashboard.actionItems.map((a) => [a.ownerId ?? '', a.open, a.overdue]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  };
}

function rawNumbers(raw: ReturnType<ReturnType<typeof rawStatements>>) {
  return {
    ratings: (raw.ratings as { period: string; rating: string; n: number }[]).map((r) => [r.period, r.rating, r.n]),
    deadlines: raw.deadlines.map((d) => [d.id, d.late]),
    checkIns: (raw.checkIns as { id: string }[]).map((c) => c.id),
    briefs: (raw.briefs as { id: string }[]).map((b) => b.id).sort(),
    resources: (raw.resources as { fiscal_year: number; authority: string; currency: string; requested: number; approved: number; lines: number }[]).map((r) => [r.fiscal_year, r.authority, r.currency, r.requested, r.approved, r.lines]),
    actions: (raw.actions as { owner_id: string | null; open: number; overdue: number | null }[]).map((a) => [a.owner_id ?? '', a.open, a.overdue ?? 0]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  };
}

describe(`the partner dashboard on the ${SIZE} seed`, () => {
  it('dashboard.partner through the app gate against the raw statements for the same numbers', async () => {
    const app = openTestApp(path);
    try {
      const raw = rawStatements(app);
      const call = async () => {
        const result = await app.call('dashboard.partner', { partnerId, today: TODAY });
        if (!result.ok) throw new Error(`dashboard.partner failed: ${JSON.stringify(result.error)}`);
        return result.value as PartnerDashboard;
      };
      const dashboard = await call();
      const reference = raw(TODAY);
      expect(numbersOf(dashboard)).toEqual(rawNumbers(reference));
      expect(dashboard.checkIns.length).toBeGreaterThan(0);
      expect(dashboard.ratingsOverTime.length).toBeGreaterThan(0);
      const peak = watchPeak();
      const { measuredMs, referenceMs } = await alternatingMs(call, () => raw(TODAY), { sampleMs: 20, rounds: 5, runs: 5 });
      const size = `${dashboard.checkIns.length} check-ins, ${dashboard.ratingsOverTime.length} months, ${dashboard.deadlines.length} deadlines, ${dashboard.resources.length} resource rows, ${dashboard.actionItems.length} owners`;
      reportRatio({ name: `dashboard.partner, busiest partner (${size})`, measuredMs, referenceName: 'raw statements for the same numbers', referenceMs, goal: 1.5, peakMiB: peak.peakMiB() });
    } finally {
      app.close();
    }
  });
});

/** A plain call of the running server's API from inside the page (the session cookie rides along), as the reference's data fetch. */
const PAGE_HELPERS = `
  window.__benchFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  window.__benchCall = async (token, method, input) => {
    const response = await fetch('/api/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: JSON.stringify(input) });
    const body = await response.json();
    if (!body.ok) throw new Error(method + ' failed');
    return body.value;
  };
  window.__benchTables = (tables) => {
    const host = document.createElement('div');
    host.id = 'bench-tables';
    for (const rows of tables) {
      const table = document.createElement('table');
      const columns = rows.length ? Object.keys(rows[0]) : [];
      const head = table.createTHead().insertRow();
      for (const column of columns) head.appendChild(document.createElement('th')).textContent = column;
      const body = table.createTBody();
      for (const row of rows) {
        const tr = body.insertRow();
        for (const column of columns) tr.insertCell().textContent = typeof row[column] === 'object' ? JSON.stringify(row[column]) : String(row[column]);
      }
      host.appendChild(table);
    }
    (document.querySelector('main') ?? document.body).appendChild(host);
    return host;
  };
`;

declare global {
  interface Window {
    __benchFrame(): Promise<unknown>;
    __benchCall(token: string, method: string, input: unknown): Promise<unknown>;
    __benchTables(tables: readonly Record<string, unknown>[][]): HTMLElement;
  }
}

// The page runs under the app's CSP (no eval): conditions and table makers are spliced into the evaluated source.
const FROM_PARTNERS = `window.location.hash = '#/records/partners';
  const giveUp = performance.now() + 60000;
  while (!document.querySelector('[data-testid=partners-table] tr.vrow')) { await window.__benchFrame(); if (performance.now() > giveUp) throw new Error('the partners list did not open'); }`;

/** From the partners list, opens `hash` and waits (a check each frame) until `drawn` holds in the page, then the frame that paints it; ms measured in the page. */
function openUntil(page: Page, hash: string, drawn: string): Promise<number> {
  return page.evaluate(`(async () => {
    ${FROM_PARTNERS}
    const start = performance.now();
    window.location.hash = ${JSON.stringify(hash)};
    do { await window.__benchFrame(); if (performance.now() > giveUp) throw new Error('not drawn: ' + ${JSON.stringify(hash)}); } while (!(${drawn}));
    await window.__benchFrame(); // the frame that paints it
    return performance.now() - start;
  })()`) as Promise<number>;
}

/** On the partners list, in the same page: fetches `calls` through the API, draws the tables `toTables` makes of their answers, and waits for the frame that paints them; ms measured in the page. */
function plainTables(page: Page, token: string, calls: readonly [string, unknown][], toTables: string): Promise<number> {
  return page.evaluate(`(async () => {
    ${FROM_PARTNERS}
    const start = performance.now();
    const calls = ${JSON.stringify(calls)};
    const answers = await Promise.all(calls.map(([method, input]) => window.__benchCall(${JSON.stringify(token)}, method, input)));
    const host = window.__benchTables((${toTables})(answers));
    await window.__benchFrame();
    await window.__benchFrame(); // the frame that paints them
    const ms = performance.now() - start;
    host.remove();
    return ms;
  })()`) as Promise<number>;
}

/** The measured line (no dots past 60 points) has a segment per value: its path's "L" commands. */
const CHART_DRAWN = `[...document.querySelectorAll('[data-testid=progress-chart] svg path.recharts-line-curve')].some((p) => ((p.getAttribute('d') ?? '').match(/L/g) ?? []).length >= ${POINTS - 1})`;
/** Every chart of the dashboard has its marks in its SVG, the timeline one per check-in point it lists. */
const DASHBOARD_DRAWN = `(() => {
  const timeline = document.querySelector('[data-testid=chart-timeline]');
  if (!timeline || !document.querySelector('[data-testid=partner-dashboard]')) return false;
  if (timeline.querySelectorAll('.recharts-scatter-symbol').length !== Number(timeline.dataset.points)) return false;
  return [...document.querySelectorAll('[data-testid=partner-dashboard] .chart__picture')].every((picture) => picture.querySelector('.field__hint') || picture.querySelector('svg .recharts-bar-rectangle, svg .recharts-scatter-symbol'));
})()`;

describe(`in Chromium, on the ${SIZE} seed`, () => {
  let page: Page;
  let token: string;
  let close: () => Promise<void>;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const accord = await startAccord(path);
    stop = accord.stop;
    token = new URL(accord.url).searchParams.get('token')!;
    const launched = await launchBrowser();
    close = launched.close;
    page = await launched.browser.newPage({ viewport: { width: 1300, height: 1000 } });
    page.setDefaultTimeout(120_000);
    await page.addInitScript((lang) => localStorage.setItem('accord.language', lang), 'en');
    await signIn(page, accord.url);
    await page.evaluate(PAGE_HELPERS);
  });
  afterAll(async () => {
    await close?.();
    await stop?.();
  });

  it(`a benchmark's progress chart of ${POINTS} measured values against the same values as a plain table`, async () => {
    const chartMs = await medianMs(() => openUntil(page, `#/records/benchmarks/${benchmarkId}`, CHART_DRAWN), { runs: 5, warmup: 1 });
    const drawnPoints = await page.locator('[data-testid=progress-chart]').getAttribute('data-points');
    expect(Number(drawnPoints)).toBe(POINTS);
    const calls: [string, unknown][] = [
      ['records.get', { type: 'benchmarks', id: benchmarkId }],
      ['records.list', { type: 'benchmarkTargets', filter: { benchmarkId }, limit: 500 }],
      ['records.list', { type: 'measurements', filter: { benchmarkId }, limit: 2000 }],
    ];
    const toTables = `(answers) => [answers[2].rows.map((row) => ({ date: row.measuredOn, value: row.value, rating: row.rating }))]`;
    const tableMs = await medianMs(() => plainTables(page, token, calls, toTables), { runs: 5, warmup: 1 });
    reportRatio({ name: `benchmark page, progress chart of ${POINTS} points drawn`, measuredMs: chartMs, referenceName: 'the same values fetched and drawn as a plain table', referenceMs: tableMs });
  });

  it('the partner dashboard drawn against the same data as plain tables', async () => {
    const hash = `#/dashboard/${partnerId}?today=${TODAY}`;
    const dashboardMs = await medianMs(() => openUntil(page, hash, DASHBOARD_DRAWN), { runs: 5, warmup: 1 });
    const symbols = await page.locator('[data-testid=chart-timeline] .recharts-scatter-symbol').count();
    const calls: [string, unknown][] = [['dashboard.partner', { partnerId, today: TODAY }]];
    const toTables = `(answers) => { const d = answers[0]; return [d.ratingsOverTime, d.deadlines.map(({ briefs, ...rest }) => ({ ...rest, briefs: briefs.length })), d.checkIns, d.resources, d.actionItems]; }`;
    const tableMs = await medianMs(() => plainTables(page, token, calls, toTables), { runs: 5, warmup: 1 });
    reportRatio({ name: `partner dashboard drawn (${symbols} timeline points)`, measuredMs: dashboardMs, referenceName: 'the same data fetched and drawn as plain tables', referenceMs: tableMs });
  });
});
