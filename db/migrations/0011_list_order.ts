import type { Migration } from './types';

/**
 * Lists page from the database as the officer scrolls (issue 17): every page is "the rows N to N+200 in the list's
 * order", and a list opens sorted by its title, ties broken by id. An index on (title without case, id) gives that
 * order outright, so page 400 of 100,000 check-in points walks the index instead of sorting the table. Only the
 * record types that grow to thousands of rows get one; projects and benchmarks had a title index without the id.
 *
 * Self-contained on purpose: the SQL is written out here, so nothing edited later can change what it does to a
 * database being upgraded.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'list_order',
  up(db) {
    db.exec(`
      CREATE INDEX check_ins_list_order ON check_ins (title COLLATE NOCASE, id);
      CREATE INDEX benchmarks_list_order ON benchmarks (title COLLATE NOCASE, id);
      CREATE INDEX projects_list_order ON projects (title COLLATE NOCASE, id);
      CREATE INDEX mou_clauses_list_order ON mou_clauses (heading COLLATE NOCASE, id);
      CREATE INDEX action_items_list_order ON action_items (description COLLATE NOCASE, id);
      CREATE INDEX meetings_list_order ON meetings (title COLLATE NOCASE, id);
      CREATE INDEX people_list_order ON people (name COLLATE NOCASE, id);
      CREATE INDEX stakeholders_list_order ON stakeholders (name COLLATE NOCASE, id);
      CREATE INDEX check_ins_by_due_id ON check_ins (due_date, id);
    `);
  },
};
