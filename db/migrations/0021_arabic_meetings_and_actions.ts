import type { Migration } from './types';

/**
 * Meetings get an Arabic title and Arabic decisions, and action items an Arabic description (issue 13): an Arabic
 * communique to the partner ministry listed its subject, decisions and action items in English, and so did the
 * Arabic 14-day list and the calendar.
 *
 * The columns are added and the search triggers migration 0003 left are edited to index them, as migration 0020
 * did: each edit is checked, and a trigger that does not read as expected stops the upgrade. Rows already there
 * have no Arabic text yet, so nothing needs indexing again.
 */

interface TriggerEdit {
  /** Where the trigger's body text begins today, and what it begins with afterwards. */
  body: { from: string; to: string };
  /** The `UPDATE OF` list's head today, and afterwards. */
  updateOf: { from: string; to: string };
}

const EDITS: readonly { table: string; columns: readonly { name: string; type: string }[]; edit: TriggerEdit }[] = [
  {
    table: 'meetings',
    columns: [
      { name: 'title_ar', type: "TEXT NOT NULL DEFAULT ''" },
      { name: 'decisions_ar', type: "TEXT NOT NULL DEFAULT ''" },
    ],
    edit: {
      body: { from: `COALESCE(COALESCE(new."agenda", '')`, to: `COALESCE(COALESCE(new."title_ar", '') || ' ' || COALESCE(new."decisions_ar", '') || ' ' || COALESCE(new."agenda", '')` },
      updateOf: { from: `AFTER UPDATE OF "title", `, to: `AFTER UPDATE OF "title", "title_ar", "decisions_ar", ` },
    },
  },
  {
    table: 'action_items',
    columns: [{ name: 'description_ar', type: "TEXT NOT NULL DEFAULT ''" }],
    edit: {
      // An action item had no body text: its body was the empty string.
      body: { from: `COALESCE('', '')`, to: `COALESCE(COALESCE(new."description_ar", ''), '')` },
      updateOf: { from: `AFTER UPDATE OF "description" ON`, to: `AFTER UPDATE OF "description", "description_ar" ON` },
    },
  },
];

function replaceOnce(sql: string, from: string, to: string, trigger: string): string {
  const at = sql.indexOf(from);
  if (at < 0 || sql.indexOf(from, at + from.length) >= 0) throw new Error(`Migration 0021: trigger ${trigger} does not read as migration 0003 left it (${from}).`);
  return sql.slice(0, at) + to + sql.slice(at + from.length);
}

export const migration0021: Migration = {
  version: 21,
  name: 'arabic_meetings_and_actions',
  up(db) {
    for (const { table, columns, edit } of EDITS) {
      for (const column of columns) db.exec(`ALTER TABLE "${table}" ADD COLUMN "${column.name}" ${column.type}`);
      for (const suffix of ['insert', 'update']) {
        const name = `${table}_derived_${suffix}`;
        let sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
        if (!sql) throw new Error(`Migration 0021: trigger ${name} is missing.`);
        sql = replaceOnce(sql, edit.body.from, edit.body.to, name);
        if (suffix === 'update') sql = replaceOnce(sql, edit.updateOf.from, edit.updateOf.to, name);
        db.exec(`DROP TRIGGER "${name}"`);
        db.exec(sql);
      }
    }
  },
};
