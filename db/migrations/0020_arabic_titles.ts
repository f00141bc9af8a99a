import type { Migration } from './types';

/**
 * Projects, benchmarks, check-in points, objectives and budget deadlines get an Arabic title (issues 13 and 14):
 * the Arabic view, the reminders, the calendar, the brief and the MOU documents (whose clauses cite benchmarks,
 * check-in points and objectives) showed them in English only, and an officer working in Arabic could not find a
 * partner's project by the name the partner uses.
 *
 * The column is added, and the table's search triggers are rebuilt to index it in the body, beside the English
 * title (as migration 0018 did for partners' Arabic names). The triggers are the ones migrations 0003 and 0014 left,
 * edited in two places each, and the edit is checked: a trigger that does not read as expected stops the upgrade
 * rather than losing its links. Rows already there have no Arabic title yet, so nothing needs indexing again.
 */

interface Titled {
  table: string;
  /** The English title column, first in each trigger's `UPDATE OF` list. */
  title: string;
  /** The new column. */
  arabic: string;
  /** The first column of the body as the triggers write it today. */
  firstBodyColumn: string;
}

const TITLED: readonly Titled[] = [
  { table: 'projects', title: 'title', arabic: 'title_ar', firstBodyColumn: 'partner_lead' },
  { table: 'benchmarks', title: 'title', arabic: 'title_ar', firstBodyColumn: 'definition' },
  { table: 'check_ins', title: 'title', arabic: 'title_ar', firstBodyColumn: 'evidence_notes' },
  { table: 'objectives', title: 'title', arabic: 'title_ar', firstBodyColumn: 'code' },
  { table: 'budget_deadlines', title: 'name', arabic: 'name_ar', firstBodyColumn: 'notes' },
];

function replaceOnce(sql: string, from: string, to: string, trigger: string): string {
  const at = sql.indexOf(from);
  if (at < 0 || sql.indexOf(from, at + from.length) >= 0) throw new Error(`Migration 0020: trigger ${trigger} does not read as migration 0003 left it (${from}).`);
  return sql.slice(0, at) + to + sql.slice(at + from.length);
}

export const migration0020: Migration = {
  version: 20,
  name: 'arabic_titles',
  up(db) {
    for (const { table, title, arabic, firstBodyColumn } of TITLED) {
      db.exec(`ALTER TABLE "${table}" ADD COLUMN "${arabic}" TEXT NOT NULL DEFAULT ''`);
      for (const suffix of ['insert', 'update']) {
        const name = `${table}_derived_${suffix}`;
        let sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
        if (!sql) throw new Error(`Migration 0020: trigger ${name} is missing.`);
        sql = replaceOnce(sql, `COALESCE(COALESCE(new."${firstBodyColumn}", '')`, `COALESCE(COALESCE(new."${arabic}", '') || ' ' || COALESCE(new."${firstBodyColumn}", '')`, name);
        if (suffix === 'update') sql = replaceOnce(sql, `AFTER UPDATE OF "${title}", `, `AFTER UPDATE OF "${title}", "${arabic}", `, name);
        db.exec(`DROP TRIGGER "${name}"`);
        db.exec(sql);
      }
    }
  },
};
