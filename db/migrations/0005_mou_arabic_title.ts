import { derivedDataTriggers } from './0003_planning';
import type { Migration } from './types';

/**
 * MOU drafts get an Arabic title. Bilingual MOUs are written clause by clause in
 * both languages; without an Arabic title every bilingual export warned that
 * the title had no Arabic text. The Arabic title is searchable, so the search
 * triggers of mou_drafts are rebuilt to index it.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'mou_arabic_title',
  up(db) {
    db.exec("ALTER TABLE mou_drafts ADD COLUMN title_ar TEXT NOT NULL DEFAULT ''");
    for (const suffix of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER "mou_drafts_derived_${suffix}"`);
    for (const trigger of derivedDataTriggers({
      type: 'mouDrafts',
      table: 'mou_drafts',
      existing: true,
      columns: {},
      title: 'title',
      body: ['title_ar', 'summary'],
      refs: ['partner_id'],
      links: [],
    })) {
      db.exec(trigger);
    }
  },
};
