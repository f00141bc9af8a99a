import type { Migration } from './types';

/**
 * The planning model: a table for every record type of shared/records/registry.ts
 * that the foundation did not have, the saved MOU versions, the global search
 * index and the link index.
 *
 * The tables are listed here as data, frozen as they were when this migration
 * was written (the registry may grow; a later change is a later migration).
 * Field kinds map to columns as: text, dates and enums TEXT NOT NULL (''), so a
 * row sync creates before its other fields arrive is still valid; booleans
 * INTEGER 0/1; integers and money INTEGER (NULL when optional); links TEXT
 * (NULL when optional); link lists and structured fields JSON text.
 * No FOREIGN KEYs between synced rows (see db/syncedTables.ts).
 *
 * search_index (FTS5) and record_links are derived data, kept current by
 * triggers on the record tables, so every writer (Store, the sync engine,
 * anything else) keeps them right; they never travel between posts.
 */

interface FrozenTable {
  type: string;
  table: string;
  /** The foundation created it (migration 0001): only triggers are added. */
  existing?: boolean;
  columns: Record<string, string>;
  /** Column indexed as the search title. */
  title: string;
  /** Columns indexed as the search body. */
  body: string[];
  /** Single-link columns: indexed for filters and back-links. */
  refs: string[];
  /** Link lists (JSON arrays of ids) and links inside JSON items (key), mirrored into record_links. */
  links: { field: string; column: string; key?: string }[];
}

const TABLES: FrozenTable[] = [
  {
    type: 'partners',
    table: 'partners',
    existing: true,
    columns: { name: "TEXT NOT NULL DEFAULT ''", iso_code: "TEXT NOT NULL DEFAULT ''", notes: "TEXT NOT NULL DEFAULT ''" },
    title: 'name',
    body: ['notes'],
    refs: [],
    links: [],
  },
  {
    type: 'sectorPriorities',
    table: 'sector_priorities',
    columns: { partner_id: "TEXT NOT NULL DEFAULT ''", sector: "TEXT NOT NULL DEFAULT ''", program_area: "TEXT NOT NULL DEFAULT ''", priority: "TEXT NOT NULL DEFAULT 'medium'", agreement_status: "TEXT NOT NULL DEFAULT 'proposed'", agreed_on: "TEXT NOT NULL DEFAULT ''", agreed_by: "TEXT NOT NULL DEFAULT ''", notes: "TEXT NOT NULL DEFAULT ''" },
    title: 'program_area',
    body: ['notes'],
    refs: ['partner_id'],
    links: [],
  },
  {
    type: 'stakeholders',
    table: 'stakeholders',
    columns: { name: "TEXT NOT NULL DEFAULT ''", kind: "TEXT NOT NULL DEFAULT ''", partner_id: "TEXT", notes: "TEXT NOT NULL DEFAULT ''" },
    title: 'name',
    body: ['notes'],
    refs: ['partner_id'],
    links: [],
  },
  {
    type: 'people',
    table: 'people',
    columns: { name: "TEXT NOT NULL DEFAULT ''", stakeholder_id: "TEXT NOT NULL DEFAULT ''", role: "TEXT NOT NULL DEFAULT ''", email: "TEXT NOT NULL DEFAULT ''", phone: "TEXT NOT NULL DEFAULT ''", is_resource_manager: "INTEGER NOT NULL DEFAULT 0" },
    title: 'name',
    body: ['role'],
    refs: ['stakeholder_id'],
    links: [],
  },
  {
    type: 'objectives',
    table: 'objectives',
    columns: { code: "TEXT NOT NULL DEFAULT ''", title: "TEXT NOT NULL DEFAULT ''", level: "TEXT NOT NULL DEFAULT 'objective'", parent_id: "TEXT", description: "TEXT NOT NULL DEFAULT ''" },
    title: 'title',
    body: ['code', 'description'],
    refs: ['parent_id'],
    links: [],
  },
  {
    type: 'projects',
    table: 'projects',
    columns: { title: "TEXT NOT NULL DEFAULT ''", partner_id: "TEXT NOT NULL DEFAULT ''", sector: "TEXT NOT NULL DEFAULT ''", is_pilot: "INTEGER NOT NULL DEFAULT 0", partner_lead: "TEXT NOT NULL DEFAULT ''", us_lead: "TEXT NOT NULL DEFAULT ''", objectives: "TEXT NOT NULL DEFAULT ''", status: "TEXT NOT NULL DEFAULT 'proposed'", start_date: "TEXT NOT NULL DEFAULT ''", end_date: "TEXT NOT NULL DEFAULT ''", objective_ids: "TEXT NOT NULL DEFAULT '[]'" },
    title: 'title',
    body: ['partner_lead', 'us_lead', 'objectives'],
    refs: ['partner_id'],
    links: [{ field: 'objectiveIds', column: 'objective_ids' }],
  },
  {
    type: 'benchmarks',
    table: 'benchmarks',
    columns: { title: "TEXT NOT NULL DEFAULT ''", project_id: "TEXT NOT NULL DEFAULT ''", definition: "TEXT NOT NULL DEFAULT ''", unit: "TEXT NOT NULL DEFAULT 'number'", baseline_value: "TEXT NOT NULL DEFAULT ''", baseline_date: "TEXT NOT NULL DEFAULT ''", target_value: "TEXT NOT NULL DEFAULT ''", target_date: "TEXT NOT NULL DEFAULT ''", periodic_targets: "TEXT NOT NULL DEFAULT '[]'", data_source: "TEXT NOT NULL DEFAULT ''", collection_method: "TEXT NOT NULL DEFAULT ''", frequency: "TEXT NOT NULL DEFAULT 'quarterly'", responsible_party: "TEXT NOT NULL DEFAULT 'joint'", objective_ids: "TEXT NOT NULL DEFAULT '[]'" },
    title: 'title',
    body: ['definition', 'data_source'],
    refs: ['project_id'],
    links: [{ field: 'objectiveIds', column: 'objective_ids' }],
  },
  {
    type: 'checkIns',
    table: 'check_ins',
    columns: { title: "TEXT NOT NULL DEFAULT ''", project_id: "TEXT NOT NULL DEFAULT ''", due_date: "TEXT NOT NULL DEFAULT ''", benchmark_ids: "TEXT NOT NULL DEFAULT '[]'", status: "TEXT NOT NULL DEFAULT 'planned'", rating: "TEXT NOT NULL DEFAULT 'not_rated'", measured_values: "TEXT NOT NULL DEFAULT '[]'", evidence_notes: "TEXT NOT NULL DEFAULT ''", assessed_on: "TEXT NOT NULL DEFAULT ''", partner_acknowledged_by: "TEXT NOT NULL DEFAULT ''", partner_acknowledged_on: "TEXT NOT NULL DEFAULT ''" },
    title: 'title',
    body: ['evidence_notes'],
    refs: ['project_id'],
    links: [{ field: 'benchmarkIds', column: 'benchmark_ids' }, { field: 'measuredValues', column: 'measured_values', key: 'benchmarkId' }],
  },
  {
    type: 'mouDrafts',
    table: 'mou_drafts',
    existing: true,
    columns: { title: "TEXT NOT NULL DEFAULT ''", partner_id: "TEXT NOT NULL DEFAULT ''", sector: "TEXT NOT NULL DEFAULT ''", status: "TEXT NOT NULL DEFAULT 'draft'", parties: "TEXT NOT NULL DEFAULT '[]'", summary: "TEXT NOT NULL DEFAULT ''" },
    title: 'title',
    body: ['summary'],
    refs: ['partner_id'],
    links: [],
  },
  {
    type: 'mouClauses',
    table: 'mou_clauses',
    columns: { mou_id: "TEXT NOT NULL DEFAULT ''", position: "INTEGER NOT NULL DEFAULT 0", heading: "TEXT NOT NULL DEFAULT ''", text_en: "TEXT NOT NULL DEFAULT ''", text_ar: "TEXT NOT NULL DEFAULT ''", benchmark_ids: "TEXT NOT NULL DEFAULT '[]'", check_in_ids: "TEXT NOT NULL DEFAULT '[]'", objective_ids: "TEXT NOT NULL DEFAULT '[]'" },
    title: 'heading',
    body: ['text_en', 'text_ar'],
    refs: ['mou_id'],
    links: [{ field: 'benchmarkIds', column: 'benchmark_ids' }, { field: 'checkInIds', column: 'check_in_ids' }, { field: 'objectiveIds', column: 'objective_ids' }],
  },
  {
    type: 'mouSignatories',
    table: 'mou_signatories',
    columns: { mou_id: "TEXT NOT NULL DEFAULT ''", name: "TEXT NOT NULL DEFAULT ''", job_title: "TEXT NOT NULL DEFAULT ''", organisation: "TEXT NOT NULL DEFAULT ''", side: "TEXT NOT NULL DEFAULT ''", signing_order: "INTEGER NOT NULL DEFAULT 0" },
    title: 'name',
    body: [],
    refs: ['mou_id'],
    links: [],
  },
  {
    type: 'meetings',
    table: 'meetings',
    columns: { title: "TEXT NOT NULL DEFAULT ''", partner_id: "TEXT NOT NULL DEFAULT ''", date: "TEXT NOT NULL DEFAULT ''", type: "TEXT NOT NULL DEFAULT 'planning'", decides_resources: "INTEGER NOT NULL DEFAULT 0", attendees: "TEXT NOT NULL DEFAULT '[]'", agenda: "TEXT NOT NULL DEFAULT ''", minutes: "TEXT NOT NULL DEFAULT ''", decisions: "TEXT NOT NULL DEFAULT ''" },
    title: 'title',
    body: ['agenda', 'minutes', 'decisions'],
    refs: ['partner_id'],
    links: [{ field: 'attendees', column: 'attendees', key: 'personId' }],
  },
  {
    type: 'actionItems',
    table: 'action_items',
    columns: { description: "TEXT NOT NULL DEFAULT ''", meeting_id: "TEXT NOT NULL DEFAULT ''", owner_id: "TEXT", due_date: "TEXT NOT NULL DEFAULT ''", status: "TEXT NOT NULL DEFAULT 'open'" },
    title: 'description',
    body: [],
    refs: ['meeting_id', 'owner_id'],
    links: [],
  },
  {
    type: 'resources',
    table: 'resources',
    columns: { title: "TEXT NOT NULL DEFAULT ''", partner_id: "TEXT NOT NULL DEFAULT ''", project_id: "TEXT", authority: "TEXT NOT NULL DEFAULT ''", fiscal_year: "INTEGER NOT NULL DEFAULT 0", requested_minor: "INTEGER", approved_minor: "INTEGER", currency: "TEXT NOT NULL DEFAULT ''", constraint: "TEXT NOT NULL DEFAULT ''", risk: "TEXT NOT NULL DEFAULT 'medium'", mitigation: "TEXT NOT NULL DEFAULT ''" },
    title: 'title',
    body: ['constraint', 'mitigation'],
    refs: ['partner_id', 'project_id'],
    links: [],
  },
  {
    type: 'budgetDeadlines',
    table: 'budget_deadlines',
    columns: { name: "TEXT NOT NULL DEFAULT ''", date: "TEXT NOT NULL DEFAULT ''", fiscal_year: "INTEGER NOT NULL DEFAULT 0", partner_id: "TEXT", notes: "TEXT NOT NULL DEFAULT ''" },
    title: 'name',
    body: ['notes'],
    refs: ['partner_id'],
    links: [],
  },

]

/** Indexes for the list sorts and filters the API offers and the overview reads. */
const EXTRA_INDEXES = [
  'CREATE INDEX projects_by_partner_start ON projects (partner_id, start_date)',
  'CREATE INDEX projects_by_title ON projects (title COLLATE NOCASE)',
  'CREATE INDEX benchmarks_by_project_title ON benchmarks (project_id, title COLLATE NOCASE)',
  'CREATE INDEX benchmarks_by_title ON benchmarks (title COLLATE NOCASE)',
  'CREATE INDEX check_ins_by_project_due ON check_ins (project_id, due_date)',
  'CREATE INDEX check_ins_by_due ON check_ins (due_date)',
  'CREATE INDEX check_ins_by_status_due ON check_ins (status, due_date)',
  'CREATE INDEX mou_clauses_by_mou_position ON mou_clauses (mou_id, position)',
  'CREATE INDEX meetings_by_partner_date ON meetings (partner_id, date)',
  'CREATE INDEX action_items_by_status_due ON action_items (status, due_date)',
  'CREATE INDEX resources_by_partner_year ON resources (partner_id, fiscal_year)',
  'CREATE INDEX budget_deadlines_by_date ON budget_deadlines (date)',
];

const q = (identifier: string) => `"${identifier}"`;

/*
 * The search folding of the triggers, frozen as it was when this migration was
 * written (a private copy of shared/records/searchText.ts's table at the time):
 * a migration imports nothing that can change, or editing today's folding
 * would silently change what this migration builds on a database being
 * upgraded. Changing the folding is a new migration that rebuilds the triggers
 * and the index; tests/unit/migrations/frozen.test.ts checks that the query
 * side still folds the way these triggers do.
 */
const FOLDS: readonly (readonly [string, string])[] = [
  ['\t', ' '],
  ['\n', ' '],
  ['\r', ' '],
  ['\u0640', ''], // tatweel
  ...['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'].map((mark) => [mark, ''] as const), // harakat
  ['\u0623', '\u0627'], // أ -> ا
  ['\u0625', '\u0627'], // إ -> ا
  ['\u0622', '\u0627'], // آ -> ا
  ['\u0671', '\u0627'], // ٱ -> ا
  ['\u0649', '\u064A'], // ى -> ي
  ['\u0629', '\u0647'], // ة -> ه
];

/** The folding as an SQL expression over `expression`; the article "ال" at a word's start is dropped. */
function foldSql(expression: string): string {
  let sql = `COALESCE(${expression}, '')`;
  for (const [from, to] of FOLDS) sql = `replace(${sql}, '${from}', '${to}')`;
  return `replace(' ' || ${sql}, ' \u0627\u0644', ' ')`;
}

function createTable(table: FrozenTable): string {
  const columns = Object.entries(table.columns).map(([column, type]) => `  ${q(column)} ${type}`);
  return `CREATE TABLE ${q(table.table)} (\n  id TEXT PRIMARY KEY,\n${columns.join(',\n')},\n  created_at TEXT NOT NULL,\n  updated_at TEXT NOT NULL\n)`;
}

function searchBody(table: FrozenTable, row: 'new' | 'old'): string {
  return table.body.length ? table.body.map((column) => `COALESCE(${row}.${q(column)}, '')`).join(` || ' ' || `) : `''`;
}

/** Triggers that keep search_index and record_links in step with one table. */
function derivedDataTriggers(table: FrozenTable): string[] {
  const t = table.table;
  const forget = (row: 'new' | 'old') => [
    `DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_docs WHERE row_id = ${row}.id);`,
    `DELETE FROM search_docs WHERE row_id = ${row}.id;`,
    ...(table.links.length ? [`DELETE FROM record_links WHERE source_id = ${row}.id;`] : []),
  ];
  const remember = [
    `INSERT INTO search_docs (type, row_id) VALUES ('${table.type}', new.id);`,
    `INSERT INTO search_index (rowid, title, body) VALUES ((SELECT doc FROM search_docs WHERE row_id = new.id), ${foldSql(`new.${q(table.title)}`)}, ${foldSql(searchBody(table, 'new'))});`,
    ...table.links.map((link) => {
      const json = `CASE WHEN json_valid(new.${q(link.column)}) AND json_type(new.${q(link.column)}) = 'array' THEN new.${q(link.column)} ELSE '[]' END`;
      const target = link.key ? `json_extract(value, '$.${link.key}')` : 'value';
      const onlyObjects = link.key ? ` WHERE type = 'object' AND json_extract(value, '$.${link.key}') IS NOT NULL` : ` WHERE type = 'text'`;
      return `INSERT INTO record_links (target_id, source_type, source_id, field) SELECT DISTINCT ${target}, '${table.type}', new.id, '${link.field}' FROM json_each(${json})${onlyObjects};`;
    }),
  ];
  const watched = [...new Set([table.title, ...table.body, ...table.links.map((link) => link.column)])].map(q).join(', ');
  return [
    // Forgetting first makes the insert trigger safe for any writer, even one that reuses an id.
    `CREATE TRIGGER ${q(`${t}_derived_insert`)} AFTER INSERT ON ${q(t)} BEGIN\n${[...forget('new'), ...remember].join('\n')}\nEND`,
    `CREATE TRIGGER ${q(`${t}_derived_update`)} AFTER UPDATE OF ${watched} ON ${q(t)} BEGIN\n${[...forget('old'), ...remember].join('\n')}\nEND`,
    `CREATE TRIGGER ${q(`${t}_derived_delete`)} AFTER DELETE ON ${q(t)} BEGIN\n${forget('old').join('\n')}\nEND`,
  ];
}

export const migration0003: Migration = {
  version: 3,
  name: 'planning',
  up(db) {
    db.exec(`
      -- Global search: one document per record; FTS5 rowid = search_docs.doc.
      CREATE TABLE search_docs (
        doc INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        row_id TEXT NOT NULL UNIQUE
      );
      CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
      -- Links held in JSON lists, one row per (source record, field, target): back-links by index.
      CREATE TABLE record_links (
        target_id TEXT NOT NULL,
        source_type TEXT NOT NULL,
        source_id TEXT NOT NULL,
        field TEXT NOT NULL
      );
      CREATE INDEX record_links_by_target ON record_links (target_id, source_type, field);
      CREATE INDEX record_links_by_source ON record_links (source_id);
      -- Saved versions of an MOU draft: a snapshot of the draft and its clauses. Synced.
      CREATE TABLE mou_versions (
        id TEXT PRIMARY KEY,
        mou_id TEXT NOT NULL DEFAULT '',
        number INTEGER NOT NULL DEFAULT 0,
        label TEXT NOT NULL DEFAULT '',
        snapshot TEXT NOT NULL DEFAULT 'null',
        saved_at TEXT NOT NULL DEFAULT '',
        saved_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX mou_versions_by_mou ON mou_versions (mou_id, number);
    `);
    for (const table of TABLES) {
      if (!table.existing) db.exec(createTable(table));
      for (const column of table.refs) {
        if (!(table.existing && column === 'partner_id' && table.table === 'mou_drafts')) {
          db.exec(`CREATE INDEX ${q(`${table.table}_by_${column}`)} ON ${q(table.table)} (${q(column)})`);
        }
      }
      for (const trigger of derivedDataTriggers(table)) db.exec(trigger);
      // Index the rows already there (the foundation's partners and MOU drafts): an update that touches nothing fires the triggers.
      db.exec(`UPDATE ${q(table.table)} SET ${q(table.title)} = ${q(table.title)}`);
    }
    for (const statement of EXTRA_INDEXES) db.exec(statement);
  },
};
