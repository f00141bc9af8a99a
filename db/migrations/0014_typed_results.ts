import type { Migration } from './types';

/**
 * Typed results. A benchmark's unit (number, percent, yes/no, text) now types its baseline and target values, its
 * periodic targets become dated rows (benchmark_targets), and a value measured at a check-in point becomes a row of
 * its own (measurements: the value, the date measured, its joint rating, a comment). Until now the values were free
 * text: baseline_value and target_value as written, benchmarks.periodic_targets ([{date, value}]) and
 * check_ins.measured_values ([{benchmarkId, value}]) as JSON.
 *
 * The conversion reads each old text as its unit: a decimal for number and percent ("72%", "1,200", "٤٥" -> "72",
 * "1200", "45"), yes or no, or the text. What does not read as the unit keeps its words in original_text (or
 * baseline_original / target_original) with an empty value, so nothing written is lost. The JSON columns are
 * emptied (their back-links go with them) and leave the change log: they no longer travel.
 *
 * Sync: every post runs this on the state it holds, so it derives the rows from that state alone. A new row's id
 * is a hash of what it came from (the same on every post), and each field it writes is logged with the stamp of
 * the change it came from, so posts holding the same data hold the same rows and changes, and a post that receives
 * the log later receives the typed rows. A rewritten baseline or target replaces the value of its newest logged
 * change in place for the same reason.
 *
 * Self-contained on purpose: the parsing, the id hash and the SQL are written out here, frozen; nothing edited
 * later can change what this does to a database being upgraded.
 */

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const YES = new Set(['yes', 'y', 'true', 'oui', 'نعم', 'achieved', 'done', 'met']);
const NO = new Set(['no', 'n', 'false', 'non', 'لا', 'not achieved', 'not met']);

function parseDecimal(text: string, percent: boolean): string | null {
  let s = text
    .trim()
    .replace(/[٠-٩]/g, (digit) => String(ARABIC_DIGITS.indexOf(digit)))
    .replace(/[۰-۹]/g, (digit) => String(PERSIAN_DIGITS.indexOf(digit)))
    .replace(/\u066B/g, '.')
    .replace(/[\u066C\u00A0\u202F ]/g, '');
  if (percent) s = s.replace(/(%|٪)$/, '');
  s = s.replace(/^\u2212/, '-').replace(/^\+/, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!match) return null;
  const integer = match[2]!.replace(/^0+(?=\d)/, '');
  const decimals = (match[3] ?? '').replace(/0+$/, '');
  if (integer.length > 15 || decimals.length > 6) return null;
  const value = decimals ? `${integer}.${decimals}` : integer;
  return value === '0' ? '0' : `${match[1]}${value}`;
}

/** The old text as the unit's value; null when it does not read as one. */
function typed(unit: string, text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const raw = text.trim();
  if (raw === '') return '';
  if (unit === 'number') return parseDecimal(raw, false);
  if (unit === 'percent') return parseDecimal(raw, true);
  if (unit === 'yes_no') return YES.has(raw.toLowerCase()) ? 'yes' : NO.has(raw.toLowerCase()) ? 'no' : null;
  if (unit === 'text') return raw.slice(0, 200);
  return null;
}

/** A UUID (version 8: derived) from what a row came from: two FNV-1a 64-bit hashes of the parts. */
function derivedId(...parts: string[]): string {
  const text = parts.join('\u0000');
  const fnv = (seed: bigint) => {
    let hash = seed;
    for (let i = 0; i < text.length; i++) {
      hash ^= BigInt(text.charCodeAt(i));
      hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return hash.toString(16).padStart(16, '0');
  };
  const hex = fnv(0xcbf29ce484222325n) + fnv(0x84222325cbf29ce4n);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const FOLDS: readonly (readonly [string, string])[] = [
  ['\t', ' '],
  ['\n', ' '],
  ['\r', ' '],
  ['\u0640', ''],
  ...['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'].map((mark) => [mark, ''] as const),
  ['\u0623', '\u0627'],
  ['\u0625', '\u0627'],
  ['\u0622', '\u0627'],
  ['\u0671', '\u0627'],
  ['\u0649', '\u064A'],
  ['\u0629', '\u0647'],
];

/** The search folding of migration 0003's triggers, frozen. */
function foldSql(expression: string): string {
  let sql = `COALESCE(${expression}, '')`;
  for (const [from, to] of FOLDS) sql = `replace(${sql}, '${from}', '${to}')`;
  return `replace(' ' || ${sql}, ' \u0627\u0644', ' ')`;
}

/** Search triggers for a new table (it has single links only, which are columns: no record_links rows). */
function searchTriggers(type: string, table: string, title: string, body: string[]): string[] {
  const bodySql = (row: string) => (body.length ? body.map((column) => `COALESCE(${row}."${column}", '')`).join(` || ' ' || `) : `''`);
  const forget = (row: string) => [`DELETE FROM search_index WHERE rowid = (SELECT doc FROM search_docs WHERE row_id = ${row}.id);`, `DELETE FROM search_docs WHERE row_id = ${row}.id;`];
  const remember = [
    `INSERT INTO search_docs (type, row_id) VALUES ('${type}', new.id);`,
    `INSERT INTO search_index (rowid, title, body) VALUES ((SELECT doc FROM search_docs WHERE row_id = new.id), ${foldSql(`new."${title}"`)}, ${foldSql(bodySql('new'))});`,
  ];
  const watched = [title, ...body].map((column) => `"${column}"`).join(', ');
  return [
    `CREATE TRIGGER "${table}_derived_insert" AFTER INSERT ON "${table}" BEGIN\n${[...forget('new'), ...remember].join('\n')}\nEND`,
    `CREATE TRIGGER "${table}_derived_update" AFTER UPDATE OF ${watched} ON "${table}" BEGIN\n${[...forget('old'), ...remember].join('\n')}\nEND`,
    `CREATE TRIGGER "${table}_derived_delete" AFTER DELETE ON "${table}" BEGIN\n${forget('old').join('\n')}\nEND`,
  ];
}

const SCHEMA = [
  "ALTER TABLE benchmarks ADD COLUMN baseline_original TEXT NOT NULL DEFAULT ''",
  "ALTER TABLE benchmarks ADD COLUMN target_original TEXT NOT NULL DEFAULT ''",
  `CREATE TABLE measurements (
  id TEXT PRIMARY KEY,
  benchmark_id TEXT NOT NULL DEFAULT '',
  check_in_id TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL DEFAULT '',
  measured_on TEXT NOT NULL DEFAULT '',
  rating TEXT NOT NULL DEFAULT 'not_rated',
  comment TEXT NOT NULL DEFAULT '',
  original_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`,
  'CREATE INDEX measurements_by_benchmark_id ON measurements (benchmark_id, measured_on)',
  'CREATE INDEX measurements_by_check_in_id ON measurements (check_in_id)',
  `CREATE TABLE benchmark_targets (
  id TEXT PRIMARY KEY,
  benchmark_id TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL DEFAULT '',
  original_text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`,
  'CREATE INDEX benchmark_targets_by_benchmark_id ON benchmark_targets (benchmark_id, date)',
  ...searchTriggers('measurements', 'measurements', 'value', ['comment', 'original_text']),
  ...searchTriggers('benchmarkTargets', 'benchmark_targets', 'value', []),
];

interface Stamp {
  hlc: string;
  post_id: string;
}

function parseList(text: unknown): Record<string, unknown>[] {
  try {
    const value = JSON.parse(String(text)) as unknown;
    return Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => Boolean(item) && typeof item === 'object') : [];
  } catch {
    return [];
  }
}

export const migration0014: Migration = {
  version: 14,
  name: 'typed_results',
  up(db) {
    for (const statement of SCHEMA) db.exec(statement);

    const newest = db.prepare('SELECT hlc, post_id FROM field_changes WHERE table_name = ? AND row_id = ? AND column_name = ? ORDER BY hlc DESC, post_id DESC LIMIT 1');
    const stampOf = (table: string, rowId: string, column: string) => newest.get(table, rowId, column) as Stamp | undefined;
    const rewriteLogged = db.prepare('UPDATE field_changes SET value = ? WHERE table_name = ? AND row_id = ? AND column_name = ? AND hlc = ? AND post_id = ?');
    const logChange = db.prepare('INSERT OR IGNORE INTO field_changes (table_name, row_id, column_name, value, hlc, post_id, prev_hlc, prev_post_id) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)');
    /** A created row's fields, logged with the stamp of the change it came from (none: the source was never logged). */
    const logRow = (table: string, rowId: string, values: Record<string, string>, stamp: Stamp | undefined) => {
      if (!stamp) return;
      for (const [column, value] of Object.entries(values)) logChange.run(table, rowId, column, JSON.stringify(value), stamp.hlc, stamp.post_id);
    };

    const units = new Map<string, string>();
    const benchmarks = db.prepare('SELECT id, unit, baseline_value, target_value, periodic_targets, updated_at FROM benchmarks').all() as {
      id: string;
      unit: string;
      baseline_value: string;
      target_value: string;
      periodic_targets: string;
      updated_at: string;
    }[];
    const setBenchmark = db.prepare('UPDATE benchmarks SET baseline_value = ?, baseline_original = ?, target_value = ?, target_original = ? WHERE id = ?');
    const insertTarget = db.prepare('INSERT OR IGNORE INTO benchmark_targets (id, benchmark_id, date, value, original_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const benchmark of benchmarks) {
      units.set(benchmark.id, benchmark.unit);
      const fields: Record<'baseline' | 'target', { value: string; original: string }> = { baseline: { value: '', original: '' }, target: { value: '', original: '' } };
      for (const which of ['baseline', 'target'] as const) {
        const old = String(benchmark[`${which}_value`] ?? '');
        const value = typed(benchmark.unit, old);
        fields[which] = value === null ? { value: '', original: old.trim().slice(0, 200) } : { value, original: '' };
        const stamp = stampOf('benchmarks', benchmark.id, `${which}_value`);
        if (stamp && fields[which].value !== old) rewriteLogged.run(JSON.stringify(fields[which].value), 'benchmarks', benchmark.id, `${which}_value`, stamp.hlc, stamp.post_id);
        if (fields[which].original) logRow('benchmarks', benchmark.id, { [`${which}_original`]: fields[which].original }, stamp);
      }
      setBenchmark.run(fields.baseline.value, fields.baseline.original, fields.target.value, fields.target.original, benchmark.id);

      const targetStamp = stampOf('benchmarks', benchmark.id, 'periodic_targets');
      parseList(benchmark.periodic_targets).forEach((item, index) => {
        const date = typeof item.date === 'string' ? item.date : '';
        const old = typeof item.value === 'string' ? item.value : '';
        if (!date && !old) return;
        const value = typed(benchmark.unit, old);
        const row = { benchmark_id: benchmark.id, date, value: value ?? '', original_text: value === null ? old.trim().slice(0, 200) : '' };
        const id = derivedId('benchmark_targets', benchmark.id, String(index), date);
        insertTarget.run(id, row.benchmark_id, row.date, row.value, row.original_text, benchmark.updated_at, benchmark.updated_at);
        logRow('benchmark_targets', id, row, targetStamp);
      });
    }

    const checkIns = db.prepare('SELECT id, rating, measured_values, assessed_on, due_date, updated_at FROM check_ins').all() as {
      id: string;
      rating: string;
      measured_values: string;
      assessed_on: string;
      due_date: string;
      updated_at: string;
    }[];
    const insertMeasurement = db.prepare(
      'INSERT OR IGNORE INTO measurements (id, benchmark_id, check_in_id, value, measured_on, rating, comment, original_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const checkIn of checkIns) {
      const stamp = stampOf('check_ins', checkIn.id, 'measured_values');
      const seen = new Set<string>();
      for (const item of parseList(checkIn.measured_values)) {
        const benchmarkId = typeof item.benchmarkId === 'string' ? item.benchmarkId : '';
        const old = typeof item.value === 'string' ? item.value : typeof item.value === 'number' ? String(item.value) : '';
        if (!benchmarkId || !old.trim() || seen.has(benchmarkId)) continue;
        seen.add(benchmarkId);
        const unit = units.get(benchmarkId);
        const value = unit === undefined ? null : typed(unit, old);
        const row = {
          benchmark_id: benchmarkId,
          check_in_id: checkIn.id,
          value: value ?? '',
          measured_on: checkIn.assessed_on || checkIn.due_date || '',
          rating: checkIn.rating || 'not_rated',
          comment: '',
          original_text: value === null ? old.trim().slice(0, 200) : '',
        };
        const id = derivedId('measurements', checkIn.id, benchmarkId);
        insertMeasurement.run(id, row.benchmark_id, row.check_in_id, row.value, row.measured_on, row.rating, row.comment, row.original_text, checkIn.updated_at, checkIn.updated_at);
        logRow('measurements', id, row, stamp);
      }
    }

    // The free-text columns are emptied (the triggers drop their back-links) and no longer travel.
    db.exec(`
      UPDATE check_ins SET measured_values = '[]' WHERE measured_values <> '[]';
      UPDATE benchmarks SET periodic_targets = '[]' WHERE periodic_targets <> '[]';
      DELETE FROM field_changes WHERE (table_name = 'check_ins' AND column_name = 'measured_values') OR (table_name = 'benchmarks' AND column_name = 'periodic_targets');
      DELETE FROM sync_conflicts WHERE (table_name = 'check_ins' AND column_name = 'measured_values') OR (table_name = 'benchmarks' AND column_name = 'periodic_targets');
    `);
  },
};
