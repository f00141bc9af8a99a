import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { AccordApp } from '../main/app';
import { searchHitsSql } from '../db/repositories/records/search';
import { seedDatabase } from '../main/seed/generate';
import { recordTypes } from '../shared/records/registry';
import { ftsQuery } from '../shared/records/searchText';
import { columnName, type RecordTypeSpec } from '../shared/records/spec';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { openTestApp } from '../tests/helpers';
import { alternatingMs, reportRatio } from './measure';
import { watchPeak } from './report';

/**
 * The planning model's list queries and global search on the large seed:
 * the handler path (dispatch gate, input parsing, generic repository, row
 * decoding, search snippets) against the raw better-sqlite3 statements
 * returning the same rows (for global search: the hits with their titles and
 * the text their snippets come from).
 * Goal: at most 1.5x. The seeded file is kept in the temp folder and reused.
 */

const path = join(tmpdir(), 'accord-bench-planning-large-seed1.sqlite');
let app: AccordApp;

beforeAll(() => {
  const fresh = !existsSync(path);
  app = openTestApp(path);
  if (fresh) {
    console.log(`[bench] seeding the large dataset into ${path} (once)…`);
    seedDatabase(app.context.store, { size: 'large', seed: 1 });
  }
});
afterAll(() => app?.close());

/** The raw statement(s) for the same rows. */
type Reference = () => unknown[];

function rawStatement(sql: string, params: unknown[]): Reference {
  const statement = app.context.store.db.prepare(sql);
  return () => statement.all(...params);
}

async function compare(name: string, method: string, input: unknown, reference: Reference) {
  const raw = reference();
  const result = await app.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  const value = result.value as { rows?: { id: string }[] } | { id: string }[];
  const ids = (Array.isArray(value) ? value : value.rows!).map((row) => row.id);
  const rawIds = (raw as { id: string }[]).map((row) => row.id);
  if (JSON.stringify(ids) !== JSON.stringify(rawIds)) throw new Error(`${name}: the handler and the raw statement returned different rows`);
  const peak = watchPeak();
  const { measuredMs, referenceMs } = await alternatingMs(() => app.call(method, input), reference);
  reportRatio({ name: `${name} (${ids.length} rows)`, measuredMs, referenceName: 'raw statement', referenceMs, goal: 1.5, peakMiB: peak.peakMiB() });
}

const first = (sql: string) => (app.context.store.db.prepare(sql).get() as { id: string }).id;

describe('planning model queries on the large seed', () => {
  it('records.list: benchmarks of a project, by title', async () => {
    const projectId = first('SELECT id FROM projects ORDER BY id LIMIT 1');
    await compare(
      'benchmarks by project, sorted by title',
      'records.list',
      { type: 'benchmarks', filter: { projectId }, sort: { field: 'title', direction: 'asc' } },
      rawStatement(
        `SELECT id, created_at AS createdAt, updated_at AS updatedAt, title, project_id AS projectId, definition, unit, baseline_value AS baselineValue, baseline_date AS baselineDate,
              target_value AS targetValue, target_date AS targetDate, periodic_targets AS periodicTargets, data_source AS dataSource, collection_method AS collectionMethod,
              frequency, responsible_party AS responsibleParty, objective_ids AS objectiveIds
       FROM benchmarks WHERE project_id = ? ORDER BY title COLLATE NOCASE, id LIMIT 500`,
        [projectId],
      ),
    );
  });

  it('records.list: planned check-in points by due date (a full page of 500)', async () => {
    await compare(
      'planned check-ins, sorted by due date',
      'records.list',
      { type: 'checkIns', filter: { status: 'planned' }, sort: { field: 'dueDate', direction: 'asc' } },
      rawStatement(
        `SELECT id, created_at AS createdAt, updated_at AS updatedAt, title, project_id AS projectId, due_date AS dueDate, benchmark_ids AS benchmarkIds, status, rating,
              measured_values AS measuredValues, evidence_notes AS evidenceNotes, assessed_on AS assessedOn, partner_acknowledged_by AS partnerAcknowledgedBy,
              partner_acknowledged_on AS partnerAcknowledgedOn
       FROM check_ins WHERE status = 'planned' ORDER BY due_date, id LIMIT 500`,
        [],
      ),
    );
  });

  it('records.list: projects of a partner, newest start first', async () => {
    const partnerId = first('SELECT id FROM partners ORDER BY id LIMIT 1');
    await compare(
      'projects by partner, sorted by start date desc',
      'records.list',
      { type: 'projects', filter: { partnerId }, sort: { field: 'startDate', direction: 'desc' } },
      rawStatement(
        `SELECT id, created_at AS createdAt, updated_at AS updatedAt, title, partner_id AS partnerId, sector, is_pilot AS isPilot, partner_lead AS partnerLead, us_lead AS usLead,
              objectives, status, start_date AS startDate, end_date AS endDate, objective_ids AS objectiveIds
       FROM projects WHERE partner_id = ? ORDER BY start_date DESC, id DESC LIMIT 500`,
        [partnerId],
      ),
    );
  });

  it('records.list: search within check-in points', async () => {
    await compare(
      'check-ins matching "forensics"',
      'records.list',
      { type: 'checkIns', search: 'forensics' },
      rawStatement(
        `SELECT c.id, c.created_at AS createdAt, c.updated_at AS updatedAt, c.title, c.project_id AS projectId, c.due_date AS dueDate, c.benchmark_ids AS benchmarkIds, c.status, c.rating,
              c.measured_values AS measuredValues, c.evidence_notes AS evidenceNotes, c.assessed_on AS assessedOn, c.partner_acknowledged_by AS partnerAcknowledgedBy,
              c.partner_acknowledged_on AS partnerAcknowledgedOn
       FROM check_ins c
       WHERE c.id IN (SELECT d.row_id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ? AND d.type = 'checkIns')
       ORDER BY c.title COLLATE NOCASE, c.id LIMIT 500`,
        [ftsQuery('forensics')],
      ),
    );
  });

  it('search.global: English and Arabic', async () => {
    // The same rows the officer sees: the best 50 hits, each with its record's title and the text its snippet is cut
    // from. Raw: the hits statement, then one statement per record type among them (all prepared beforehand).
    const db = app.context.store.db;
    // The hits statement is the app's own (its newest RANKED_MATCHES matches ranked): the comparison is of the rest.
    const hits = db.prepare(searchHitsSql(50));
    const byType = new Map<string, Statement>(
      (recordTypes as readonly RecordTypeSpec[]).map((spec) => {
        const text = spec.fields.filter((field) => field.searchable && field.name !== spec.titleField).map((field) => `"${columnName(field.name)}"`);
        return [spec.name, db.prepare(`SELECT id, "${columnName(spec.titleField)}" AS title${text.map((column) => `, ${column}`).join('')} FROM "${spec.table}" WHERE id IN (SELECT value FROM json_each(?))`)] as const;
      }),
    );
    const reference = (query: string): Reference => {
      const match = ftsQuery(query);
      return () => {
        const found = hits.all({ match }) as { id: string; type: string }[];
        const rows = new Map<string, unknown>();
        for (const type of new Set(found.map((hit) => hit.type))) {
          for (const row of byType.get(type)!.all(JSON.stringify(found.filter((hit) => hit.type === type).map((hit) => hit.id))) as { id: string }[]) rows.set(row.id, row);
        }
        return found.filter((hit) => rows.has(hit.id));
      };
    };
    await compare('global search "border patrol"', 'search.global', { query: 'border patrol' }, reference('border patrol'));
    await compare('global search "الأمن البحري"', 'search.global', { query: 'الأمن البحري' }, reference('الأمن البحري'));
  });
});
