import type { recordsMethods } from '../../shared/api/records';
import { partnerOverview } from '../../db/repositories/overview';
import { createRecord, deleteRecord, getRecordWithLinks, listAudit, listRecords, recordWarnings, searchAll, updateRecord } from '../../db/repositories/records';
import { todayOf } from './today';
import type { HandlersFor } from './types';

/** The planning model's generic API: one implementation for every record type (db/repositories/records.ts). */
export const recordsHandlers: HandlersFor<typeof recordsMethods> = {
  'records.list': (query, { store }) => listRecords(store, query),
  'records.get': ({ type, id }, { store }) => ({ ...getRecordWithLinks(store, type, id), warnings: recordWarnings(store, type, id) }),
  'records.create': ({ type, values }, { store }) => createRecord(store, type, values),
  'records.update': ({ type, id, values }, { store }) => updateRecord(store, type, id, values),
  'records.delete': ({ type, id }, { store }) => deleteRecord(store, type, id),
  'records.audit': ({ type, id }, { store }) => listAudit(store, type, id),
  'search.global': ({ query, limit }, { store }) => searchAll(store, query, limit),
  'overview.partner': ({ partnerId, today }, { store }) => partnerOverview(store, partnerId, today ?? todayOf(store)),
};
