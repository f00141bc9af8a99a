/**
 * The one repository of the planning model, for every record type declared in
 * shared/records/registry.ts, split by job: read (lists, links, warnings),
 * write (checks, locks, delete restrictions), audit, search. Statements are
 * built from the declarations only and every write goes through Store.
 */
export { findRecord, getRecord, getRecordWithLinks, listRecords, recordWarnings, selectRecords, warningCondition, declaredWarning, type ListQuery } from './read';
export { assertUnlocked, createRecord, deleteRecord, insertRecord, updateRecord } from './write';
export { listAudit, postNameResolver } from './audit';
export { searchAll } from './search';
