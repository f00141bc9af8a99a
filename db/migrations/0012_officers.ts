import type { Migration } from './types';

/**
 * Officers: the people who work at this post, each with a role and a local
 * sign-in. The table is local to the post (it never travels: a passphrase hash
 * has no business on a USB stick). Which officer made a change does travel, so
 * other posts' audit trails say who: the change log and the audit log gain the
 * officer's id and name, empty (NULL) for every change made before officers
 * existed and for changes from posts that do not send them.
 *
 * The passphrase is kept as scrypt(passphrase, salt) with a salt of its own per
 * officer and the cost it was made with; never the passphrase itself.
 * `os_user` maps an operating-system account to the officer (desktop sign-in).
 *
 * Self-contained on purpose: the SQL is written out here.
 */
const STATEMENTS = [
  `CREATE TABLE officers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'read-only')),
    passphrase_salt BLOB NOT NULL,
    passphrase_hash BLOB NOT NULL,
    passphrase_cost TEXT NOT NULL,
    os_user TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  'CREATE UNIQUE INDEX officers_by_name ON officers(name COLLATE NOCASE)',
  'CREATE UNIQUE INDEX officers_by_os_user ON officers(os_user) WHERE os_user IS NOT NULL',
  'ALTER TABLE field_changes ADD COLUMN officer_id TEXT',
  'ALTER TABLE field_changes ADD COLUMN officer_name TEXT',
  'ALTER TABLE audit_log ADD COLUMN officer_id TEXT',
  'ALTER TABLE audit_log ADD COLUMN officer_name TEXT',
];

export const migration0012: Migration = {
  version: 12,
  name: 'officers',
  up(db) {
    for (const statement of STATEMENTS) db.exec(statement);
  },
};
