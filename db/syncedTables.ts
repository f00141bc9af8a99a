import { recordTypes, type RecordTypeName } from '../shared/records/registry';
import { columnName, type RecordTypeSpec } from '../shared/records/spec';

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

/**
 * Columns the schema still holds that no longer travel: their contents moved into typed rows (migration 0014,
 * typed results). A post still running an older version sends changes to them; those are dropped on arrival
 * (the older post's values reach the typed rows once it upgrades and converts its own), not refused with the
 * whole bundle.
 */
export const RETIRED_COLUMNS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['benchmarks', new Set(['periodic_targets'])],
  ['check_ins', new Set(['measured_values'])],
]);

/** A registry record type's sync declaration: every field is a column (columnName), JSON-shaped fields are JSON text. */
function declareRecordTable(spec: RecordTypeSpec): SyncedTable {
  return {
    name: spec.table,
    columns: Object.fromEntries(spec.fields.map((field) => [field.name, columnName(field.name)])),
    jsonFields: spec.fields.filter((field) => field.kind === 'json' || field.kind === 'refList').map((field) => field.name),
  };
}

/**
 * Every record type of the planning model (shared/records/registry.ts), declared
 * from the registry itself, plus the saved MOU versions. partners and mouDrafts
 * are the foundation's tables; their declarations come out the same as before.
 */
export const syncedTables = {
  ...(Object.fromEntries(recordTypes.map((spec) => [spec.name, declareRecordTable(spec)])) as Record<RecordTypeName, SyncedTable>),
  /** Saved snapshots of an MOU draft and its clauses (see db/repositories/mouVersions.ts). */
  mouVersions: {
    name: 'mou_versions',
    columns: { mouId: 'mou_id', number: 'number', label: 'label', snapshot: 'snapshot', savedAt: 'saved_at', savedBy: 'saved_by' },
    jsonFields: ['snapshot'],
  },
  /** Who signed an MOU draft, when, and the hash of the saved version signed (db/repositories/mouSignings.ts). */
  mouSignings: {
    name: 'mou_signings',
    columns: { mouId: 'mou_id', versionId: 'version_id', versionNumber: 'version_number', versionSha256: 'version_sha256', signedBy: 'signed_by', signedAt: 'signed_at', recordedBy: 'recorded_by' },
  },
} satisfies Record<string, SyncedTable>;
