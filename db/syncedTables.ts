/**
 * Declarations of the tables whose rows travel between posts. The repository
 * layer (and sync) builds every statement from these constants; no identifier
 * ever comes from input. A new synced table is a new entry here plus its
 * migration.
 *
 * References between synced rows are not SQL FOREIGN KEYs: sync may deliver a
 * child before its parent, or one post may delete a parent while another adds
 * a child to it. Repositories check references on local writes, and readers
 * treat a reference to a missing row as "(deleted)" rather than failing.
 */
export interface SyncedTable {
  name: string;
  /** Domain field -> SQL column, for every field the table syncs (id and timestamps excluded). */
  columns: Record<string, string>;
  /** Domain fields stored as JSON text. */
  jsonFields?: readonly string[];
}

export const syncedTables = {
  partners: {
    name: 'partners',
    columns: { name: 'name', isoCode: 'iso_code', notes: 'notes' },
  },
  mouDrafts: {
    name: 'mou_drafts',
    columns: {
      title: 'title',
      partnerId: 'partner_id',
      sector: 'sector',
      status: 'status',
      parties: 'parties',
      summary: 'summary',
    },
    jsonFields: ['parties'],
  },
} as const satisfies Record<string, SyncedTable>;
