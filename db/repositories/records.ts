import type { RecordLink, RecordRow } from '../../shared/api/records';
import { msg } from '../../shared/messages';
import { recordType, recordTypes, type RecordTypeName } from '../../shared/records/registry';
import { foldSearchText, ftsQuery, searchWords } from '../../shared/records/searchText';
import { columnName, type FieldSpec, type RecordTypeSpec } from '../../shared/records/spec';
import { AppError, fieldError } from '../../shared/result';
import type { FieldValues, Store } from '../store';
import { quoteIdentifier as q, statement as prepare } from '../statements';
import { syncedTables, type SyncedTable } from '../syncedTables';

/**
 * The one repository of the planning model: list, read, create, edit, delete,
 * back-links, search and audit for every record type declared in
 * shared/records/registry.ts. Statements are built from the declarations only
 * (identifiers never come from input) and every write goes through Store.
 * The foundation's partners/MOU repositories delegate their writes here.
 */

/** MOU statuses whose clauses can no longer change: start a new version instead. */
export const LOCKED_MOU_STATUSES: readonly string[] = ['signed', 'superseded'];

interface TypeInfo {
  spec: RecordTypeSpec;
  table: SyncedTable;
  fields: Map<string, FieldSpec>;
  /** SELECT of every field under its domain name, from alias t. */
  select: string;
  /** Fields whose stored value needs decoding (JSON text, 0/1). */
  decode: { name: string; kind: 'json' | 'boolean' }[];
}

const infos = new Map<string, TypeInfo>();
function info(type: string): TypeInfo {
  let found = infos.get(type);
  if (!found) {
    const spec = recordType(type);
    const table = (syncedTables as Record<string, SyncedTable>)[spec.name]!;
    const columns = spec.fields.map((field) => `t.${q(columnName(field.name))} AS ${q(field.name)}`);
    found = {
      spec,
      table,
      fields: new Map(spec.fields.map((field) => [field.name, field])),
      select: `SELECT t.id, t.created_at AS createdAt, t.updated_at AS updatedAt, ${columns.join(', ')} FROM ${q(spec.table)} t`,
      decode: spec.fields.flatMap((field): TypeInfo['decode'] =>
        field.kind === 'json' || field.kind === 'refList' ? [{ name: field.name, kind: 'json' }] : field.kind === 'boolean' ? [{ name: field.name, kind: 'boolean' }] : [],
      ),
    };
    infos.set(type, found);
  }
  return found;
}

function parseJson(text: unknown): unknown {
  if (text === '[]') return []; // most link lists: skip the parser
  try {
    return JSON.parse(String(text));
  } catch {
    return null; // a reader tolerates what another writer left behind
  }
}

/** A stored row as the API returns it. */
function toRecord(type: TypeInfo, row: Record<string, unknown>): RecordRow {
  for (const { name, kind } of type.decode) row[name] = kind === 'json' ? parseJson(row[name]) : row[name] === 1;
  row.title = String(row[type.spec.titleField] ?? '');
  return row as RecordRow;
}

/** Field values as Store writes and compares them: booleans as 0/1 (what the INTEGER column and a synced change hold). */
function toStored(type: TypeInfo, values: Record<string, unknown>): FieldValues {
  const stored: FieldValues = {};
  for (const field of type.spec.fields) {
    const value = values[field.name];
    stored[field.name] = field.kind === 'boolean' ? (value ? 1 : 0) : value;
  }
  return stored;
}

// ---------------------------------------------------------------- reading

export function findRecord(store: Store, type: string, id: string): RecordRow | undefined {
  const typeInfo = info(type);
  const row = prepare(store.db, `${typeInfo.select} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row && toRecord(typeInfo, row);
}

export function getRecord(store: Store, type: string, id: string): RecordRow {
  const record = findRecord(store, type, id);
  if (!record) throw new AppError('NOT_FOUND', `No ${recordType(type).label.one.en} with id ${id}.`, { id, type });
  return record;
}

export interface ListQuery {
  type: string;
  search?: string;
  filter?: Record<string, string | number | boolean | null>;
  sort?: { field: string; direction: 'asc' | 'desc' };
  limit: number;
  offset: number;
}

const SEARCH_IN_TYPE = 't.id IN (SELECT d.row_id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ? AND d.type = ?)';

/** WHERE and ORDER BY of a list query, checked against the declaration. */
function listClauses(type: TypeInfo, query: ListQuery): { where: string; orderBy: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [name, value] of Object.entries(query.filter ?? {})) {
    const field = type.fields.get(name);
    if (!field || field.kind === 'json') {
      throw new AppError('VALIDATION', `${type.spec.label.many.en} cannot be filtered by "${name}".`, { issues: [{ path: ['filter', name], message: msg('invalid') }] });
    }
    const column = `t.${q(columnName(name))}`;
    if (field.kind === 'refList') {
      conditions.push('t.id IN (SELECT source_id FROM record_links WHERE target_id = ? AND source_type = ? AND field = ?)');
      params.push(String(value), type.spec.name, name);
    } else if (value === null) {
      conditions.push(`(${column} IS NULL OR ${column} = '')`);
    } else if (field.kind === 'boolean') {
      conditions.push(`${column} = ?`);
      params.push(value === true || value === 1 || value === 'true' ? 1 : 0);
    } else {
      conditions.push(`${column} = ?`);
      params.push(value);
    }
  }
  const match = query.search ? ftsQuery(query.search) : '';
  if (match) {
    conditions.push(SEARCH_IN_TYPE);
    params.push(match, type.spec.name);
  }
  const sortName = query.sort?.field === 'title' || !query.sort ? type.spec.titleField : query.sort.field;
  const direction = query.sort?.direction === 'desc' ? 'DESC' : 'ASC';
  let sortColumn: string;
  if (sortName === 'createdAt' || sortName === 'updatedAt') {
    sortColumn = `t.${sortName === 'createdAt' ? 'created_at' : 'updated_at'}`;
  } else {
    const field = type.fields.get(sortName);
    if (!field || field.kind === 'json' || field.kind === 'refList') {
      throw new AppError('VALIDATION', `${type.spec.label.many.en} cannot be sorted by "${sortName}".`, { issues: [{ path: ['sort', 'field'], message: msg('invalid') }] });
    }
    const textual = field.kind === 'text' || field.kind === 'longText';
    sortColumn = `t.${q(columnName(sortName))}${textual ? ' COLLATE NOCASE' : ''}`;
  }
  return {
    where: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '',
    orderBy: ` ORDER BY ${sortColumn} ${direction}, t.id ${direction}`,
    params,
  };
}

export function listRecords(store: Store, query: ListQuery): { rows: RecordRow[]; total: number } {
  const type = info(query.type);
  const { where, orderBy, params } = listClauses(type, query);
  // The page size is written into the SQL: SQLite sorts under a bound LIMIT ? about half again slower than under a
  // literal one. It is a schema-checked integer and callers use few values. Keyed by the short clauses, not the SELECT.
  const limit = Math.trunc(query.limit);
  const list = prepare(store.db, `list\u0000${type.spec.name}\u0000${where}\u0000${orderBy}\u0000${limit}`, () => `${type.select}${where}${orderBy} LIMIT ${limit} OFFSET ?`);
  const rows = (list.all(...params, query.offset) as Record<string, unknown>[]).map((row) => toRecord(type, row));
  // A first page that is not full is the whole answer: no second query.
  const total =
    query.offset === 0 && rows.length < query.limit
      ? rows.length
      : (prepare(store.db, `SELECT COUNT(*) AS n FROM ${q(type.spec.table)} t${where}`).get(...params) as { n: number }).n;
  return { rows, total };
}

function titleOf(store: Store, type: string, id: string): string | undefined {
  const spec = recordType(type);
  const row = prepare(store.db, `SELECT ${q(columnName(spec.titleField))} AS title FROM ${q(spec.table)} WHERE id = ?`).get(id) as { title: unknown } | undefined;
  return row ? String(row.title ?? '') : undefined;
}

/** Ids a record links to, per field: its ref and refList fields and the links inside its JSON items. */
function outgoingIds(spec: RecordTypeSpec, values: Record<string, unknown>): { field: FieldSpec; to: string; ids: string[] }[] {
  const result: { field: FieldSpec; to: string; ids: string[] }[] = [];
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'ref' && typeof value === 'string' && value) result.push({ field, to: field.to, ids: [value] });
    if (field.kind === 'refList' && Array.isArray(value)) result.push({ field, to: field.to, ids: value.filter((id): id is string => typeof id === 'string') });
    if (field.kind === 'json' && field.itemRefs && Array.isArray(value)) {
      for (const { key, to } of field.itemRefs) {
        const ids = value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined)).filter((id): id is string => typeof id === 'string' && id !== '');
        result.push({ field, to, ids: [...new Set(ids)] });
      }
    }
  }
  return result;
}

/** A record with the records it points at and the records pointing at it. */
export function getRecordWithLinks(store: Store, type: string, id: string): { record: RecordRow; linksOut: RecordLink[]; linksIn: RecordLink[] } {
  const record = getRecord(store, type, id);
  const spec = recordType(type);
  const linksOut: RecordLink[] = [];
  for (const { field, to, ids } of outgoingIds(spec, record)) {
    for (const targetId of ids) {
      const title = titleOf(store, to, targetId);
      linksOut.push({ type: to as RecordLink['type'], id: targetId, title: title ?? '', field: field.name, ...(title === undefined ? { missing: true } : {}) });
    }
  }
  const linksIn: RecordLink[] = [];
  for (const source of recordTypes as readonly RecordTypeSpec[]) {
    const titleColumn = q(columnName(source.titleField));
    for (const field of source.fields) {
      let rows: { id: string; title: unknown }[] = [];
      if (field.kind === 'ref' && field.to === type) {
        rows = prepare(store.db, `SELECT id, ${titleColumn} AS title FROM ${q(source.table)} WHERE ${q(columnName(field.name))} = ? ORDER BY ${titleColumn} COLLATE NOCASE, id`).all(id) as typeof rows;
      } else if ((field.kind === 'refList' && field.to === type) || (field.kind === 'json' && field.itemRefs?.some((ref) => ref.to === type))) {
        rows = prepare(
          store.db,
          `SELECT t.id, t.${titleColumn} AS title FROM record_links l JOIN ${q(source.table)} t ON t.id = l.source_id WHERE l.target_id = ? AND l.source_type = ? AND l.field = ? ORDER BY t.${titleColumn} COLLATE NOCASE, t.id`,
        ).all(id, source.name, field.name) as typeof rows;
      }
      for (const row of rows) linksIn.push({ type: source.name as RecordLink['type'], id: row.id, title: String(row.title ?? ''), field: field.name });
    }
  }
  return { record, linksOut, linksIn };
}

// ---------------------------------------------------------------- writing

function exists(store: Store, type: string, id: string): boolean {
  return prepare(store.db, `SELECT 1 FROM ${q(recordType(type).table)} WHERE id = ?`).get(id) !== undefined;
}

/** Everything the schema cannot see: links to records that exist, unique names, allowed transitions, locked clauses. */
function checkWrite(store: Store, type: TypeInfo, values: Record<string, unknown>, before?: RecordRow): void {
  const { spec } = type;
  for (const field of spec.fields) {
    if (field.kind === 'text' && field.unique) {
      const clash = prepare(store.db, `SELECT id FROM ${q(spec.table)} WHERE ${q(columnName(field.name))} = ? COLLATE NOCASE AND id IS NOT ?`).get(values[field.name], before?.id ?? null);
      if (clash) throw fieldError(field.name, msg('duplicateName'), `A ${spec.label.one.en.toLowerCase()} with ${field.label.en.toLowerCase()} "${String(values[field.name])}" already exists.`);
    }
  }
  for (const { field, to, ids } of outgoingIds(spec, values)) {
    for (const id of ids) {
      if (!exists(store, to, id)) {
        const notFound = field.kind === 'ref' && field.notFoundMessage ? field.notFoundMessage : msg('recordNotFound');
        throw fieldError(field.name, notFound, `${field.label.en}: the linked ${recordType(to).label.one.en.toLowerCase()} ${id} does not exist.`);
      }
    }
  }
  if (spec.transitions && before) {
    const { field, allowed } = spec.transitions;
    const from = String(before[field]);
    const to = String(values[field]);
    if (from !== to && !(allowed[from] ?? []).includes(to)) {
      const labels = enumLabels(spec, field);
      throw new AppError('CONFLICT', `${spec.label.one.en}: the ${field} cannot change from "${from}" to "${to}" (allowed: ${(allowed[from] ?? []).join(', ') || 'none'}).`, {
        issues: [{ path: [field], message: msg('illegalTransition') }],
        localized: {
          en: `${spec.label.one.en}: the ${field} cannot change from “${labels(from).en}” to “${labels(to).en}”.`,
          ar: `${spec.label.one.ar}: لا يمكن الانتقال من «${labels(from).ar}» إلى «${labels(to).ar}».`,
        },
        from,
        to,
      });
    }
  }
  // What was signed (clauses, signature blocks) does not change; nor does the signed draft itself, except its status.
  if (spec.name === 'mouClauses' || spec.name === 'mouSignatories') {
    for (const mouId of new Set([before?.mouId, values.mouId])) assertMouUnlocked(store, mouId);
  }
  if (spec.name === 'mouDrafts' && before && LOCKED_MOU_STATUSES.includes(String(before.status))) {
    const changed = spec.fields.find((field) => field.name !== 'status' && JSON.stringify(before[field.name] ?? null) !== JSON.stringify(values[field.name] ?? null));
    if (changed) assertMouUnlocked(store, before.id);
  }
}

/** An enum field's value in both languages (the value itself when the registry has no label). */
function enumLabels(spec: RecordTypeSpec, fieldName: string): (value: string) => { en: string; ar: string } {
  const field = spec.fields.find((candidate) => candidate.name === fieldName);
  const labels = field?.kind === 'enum' ? field.optionLabels : {};
  return (value) => labels[value] ?? { en: value, ar: value };
}

/** The clauses of a signed (or superseded) MOU are what was signed: they do not change. */
export function assertMouUnlocked(store: Store, mouId: unknown): void {
  if (typeof mouId !== 'string' || !mouId) return;
  const draft = prepare(store.db, 'SELECT title, status FROM mou_drafts WHERE id = ?').get(mouId) as { title: string; status: string } | undefined;
  if (draft && LOCKED_MOU_STATUSES.includes(draft.status)) {
    const status = enumLabels(recordType('mouDrafts'), 'status')(draft.status);
    throw new AppError('CONFLICT', `The MOU "${draft.title}" is ${draft.status}: its clauses are locked. Start a new version to change them.`, {
      localized: {
        en: `The MOU “${draft.title}” is ${status.en.toLowerCase()}: its clauses are locked. Start a new version to change them.`,
        ar: `مذكرة التفاهم «${draft.title}» ${status.ar}: بنودها مقفلة. ابدأ نسخة جديدة لتغييرها.`,
      },
      mouId,
      status: draft.status,
      issues: [{ path: ['mouId'], message: msg('recordLocked') }],
    });
  }
}

export function createRecord(store: Store, type: string, values: Record<string, unknown>): RecordRow {
  return store.transaction(() => getRecord(store, type, insertRecord(store, type, values)));
}

/** Checks and inserts without reading the record back (the bulk path of seed and import). */
export function insertRecord(store: Store, type: string, values: Record<string, unknown>, options: { id?: string } = {}): string {
  const typeInfo = info(type);
  return store.transaction(() => {
    checkWrite(store, typeInfo, values);
    return store.insert(typeInfo.table, toStored(typeInfo, values), options);
  });
}

export function updateRecord(store: Store, type: string, id: string, values: Record<string, unknown>): RecordRow {
  const typeInfo = info(type);
  return store.transaction(() => {
    const before = getRecord(store, type, id);
    checkWrite(store, typeInfo, values, before);
    store.update(typeInfo.table, id, toStored(typeInfo, before), toStored(typeInfo, values));
    return getRecord(store, type, id);
  });
}

export function deleteRecord(store: Store, type: string, id: string): { id: string } {
  const typeInfo = info(type);
  return store.transaction(() => {
    const before = getRecord(store, type, id);
    if (type === 'mouClauses' || type === 'mouSignatories') assertMouUnlocked(store, before.mouId);
    const blockers: string[] = [];
    const blockersAr: string[] = [];
    const counts: Record<string, number> = {};
    for (const { type: sourceType, field: fieldName } of typeInfo.spec.restrictDeleteBy ?? []) {
      const source = recordType(sourceType);
      const field = source.fields.find((candidate) => candidate.name === fieldName)!;
      const { n } = (
        field.kind === 'refList'
          ? prepare(store.db, 'SELECT COUNT(DISTINCT source_id) AS n FROM record_links WHERE target_id = ? AND source_type = ? AND field = ?').get(id, sourceType, fieldName)
          : prepare(store.db, `SELECT COUNT(*) AS n FROM ${q(source.table)} WHERE ${q(columnName(fieldName))} = ?`).get(id)
      ) as { n: number };
      if (n > 0) {
        counts[sourceType] = (counts[sourceType] ?? 0) + n;
        blockers.push(`${n} ${(n === 1 ? source.label.one.en : source.label.many.en).replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase())}`);
        blockersAr.push(`${source.label.many.ar}: ${n}`);
      }
    }
    if (blockers.length) {
      const message = `"${before.title}" still has ${blockers.join(', ')} pointing at it. Delete or move them before deleting this ${typeInfo.spec.label.one.en.toLowerCase()}.`;
      throw new AppError('CONFLICT', message, {
        counts,
        localized: { en: message, ar: `لا تزال سجلات مرتبطة بـ«${before.title}» (${blockersAr.join('، ')}). احذفها أو انقلها قبل حذف ${typeInfo.spec.label.one.ar}.` },
      });
    }
    store.delete(typeInfo.table, id, toStored(typeInfo, before));
    return { id };
  });
}

// ---------------------------------------------------------------- audit

export interface AuditEntry {
  id: string;
  at: string;
  postId: string;
  postName: string;
  action: 'create' | 'update' | 'delete';
  changes: Record<string, [unknown, unknown]>;
  /** Set when the change arrived in a sync bundle (its hash); postId is then the post that sent it. */
  importedFromBundle?: string;
}

/** A post's display name: this post, else a trusted post (sync), else its id. */
export function postNameResolver(store: Store): (postId: string) => string {
  const names = new Map<string, string>([[store.post.id, store.post.name]]);
  const hasTrusted = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_trusted_posts'").get();
  if (hasTrusted) {
    for (const row of store.db.prepare('SELECT post_id AS id, name FROM sync_trusted_posts').all() as { id: string; name: string }[]) {
      if (!names.has(row.id)) names.set(row.id, row.name);
    }
  }
  return (postId) => names.get(postId) ?? postId;
}

/** The post that sent a bundle, from the sync engine's log (absent before sync, or for an unknown hash). */
function bundleSender(store: Store, hash: string): string | undefined {
  const hasLog = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_bundle_log'").get();
  if (!hasLog) return undefined;
  return (store.db.prepare('SELECT sender_post_id AS sender FROM sync_bundle_log WHERE hash = ?').get(hash) as { sender: string } | undefined)?.sender;
}

/**
 * The audit trail of one record, oldest first. Store writes { field: [before, after] };
 * the sync engine writes { importedFromBundle, values: { field: after } } for what an import
 * changed, so its "before" comes from replaying the entries before it.
 */
export function listAudit(store: Store, type: string, id: string): AuditEntry[] {
  const typeInfo = info(type);
  const nameOf = postNameResolver(store);
  const rows = prepare(store.db, 'SELECT CAST(id AS TEXT) AS id, at, post_id AS postId, action, changes FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY at, id').all(typeInfo.spec.table, id) as {
    id: string;
    at: string;
    postId: string;
    action: AuditEntry['action'];
    changes: string;
  }[];
  const asShown = (name: string, value: unknown) => (typeInfo.fields.get(name)?.kind === 'boolean' && value !== null && value !== undefined ? Boolean(value) : value);
  const current: Record<string, unknown> = {};
  return rows.map((row) => {
    const stored = (parseJson(row.changes) ?? {}) as Record<string, unknown>;
    const entry: AuditEntry = { id: row.id, at: row.at, postId: row.postId, postName: '', action: row.action, changes: {} };
    if (typeof stored.importedFromBundle === 'string') {
      entry.importedFromBundle = stored.importedFromBundle;
      entry.postId = bundleSender(store, stored.importedFromBundle) ?? row.postId;
      const values = (stored.values ?? {}) as Record<string, unknown>;
      const fields = row.action === 'delete' ? Object.keys(current) : Object.keys(values);
      for (const name of fields) {
        const after = row.action === 'delete' ? null : values[name];
        entry.changes[name] = [asShown(name, current[name] ?? null), asShown(name, after)];
      }
    } else {
      for (const [name, pair] of Object.entries(stored as Record<string, [unknown, unknown]>)) {
        if (Array.isArray(pair)) entry.changes[name] = [asShown(name, pair[0]), asShown(name, pair[1])];
      }
    }
    for (const [name, [, after]] of Object.entries(entry.changes)) current[name] = after;
    entry.postName = nameOf(entry.postId);
    return entry;
  });
}

// ---------------------------------------------------------------- search

const projections = new Map<string, { sql: string; textFields: FieldSpec[] }>();
/** A search result needs only the title and the searchable text: no JSON to decode. */
function resultProjection(type: string): { sql: string; textFields: FieldSpec[] } {
  let projection = projections.get(type);
  if (!projection) {
    const spec = recordType(type);
    const textFields = spec.fields.filter((field) => field.searchable && field.name !== spec.titleField);
    const columns = ['id', `${q(columnName(spec.titleField))} AS title`, ...textFields.map((field) => `${q(columnName(field.name))} AS ${q(field.name)}`)];
    projection = { sql: `SELECT ${columns.join(', ')} FROM ${q(spec.table)} WHERE id IN (SELECT value FROM json_each(?))`, textFields };
    projections.set(type, projection);
  }
  return projection;
}

/** Global search over every record type (FTS5, Arabic folded), best matches first. */
export function searchAll(store: Store, text: string, limit: number): { type: RecordTypeName; id: string; title: string; snippet: string }[] {
  const match = ftsQuery(text);
  if (!match) return [];
  // A literal LIMIT, as in listRecords.
  const hits = prepare(
    store.db,
    `SELECT d.type, d.row_id AS id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ? ORDER BY bm25(search_index, 4.0, 1.0) LIMIT ${Math.trunc(limit)}`,
  ).all(match) as { type: RecordTypeName; id: string }[];
  const words = searchWords(text);
  // One read per record type for all of its hits, not one per hit.
  const rows = new Map<string, Record<string, unknown>>();
  for (const type of new Set(hits.map((hit) => hit.type))) {
    const ids = hits.filter((hit) => hit.type === type).map((hit) => hit.id);
    for (const row of prepare(store.db, resultProjection(type).sql).all(JSON.stringify(ids)) as Record<string, unknown>[]) rows.set(String(row.id), row);
  }
  return hits.flatMap((hit) => {
    const row = rows.get(hit.id);
    if (!row) return [];
    return [{ type: hit.type, id: hit.id, title: String(row.title ?? ''), snippet: snippetOf(resultProjection(hit.type).textFields, row, words) }];
  });
}

/** A few words around the first match in a searchable field, in the record's own text (not the folded index). */
function snippetOf(fields: readonly FieldSpec[], record: Record<string, unknown>, words: string[]): string {
  for (const field of fields) {
    const text = String(record[field.name] ?? '');
    const folded = foldSearchText(text).toLowerCase();
    if (!words.some((word) => folded.includes(word))) continue;
    // Folding keeps every whitespace character where it was (it only drops marks and the article inside words), so the
    // text and its folded form split on single whitespace into the same words: fold once, not once per word.
    const tokens = text.split(/\s/);
    const foldedTokens = folded.slice(1).split(/\s/);
    const at = foldedTokens.findIndex((token) => words.some((word) => token.includes(word)));
    if (at < 0 || tokens.length !== foldedTokens.length) continue;
    const before = tokens.slice(0, at).filter(Boolean);
    const after = tokens.slice(at).filter(Boolean);
    const start = Math.max(0, before.length - 8);
    const end = Math.min(after.length, 12);
    return `${start > 0 ? '… ' : ''}${[...before.slice(start), ...after.slice(0, end)].join(' ')}${end < after.length ? ' …' : ''}`;
  }
  const first = fields.map((field) => String(record[field.name] ?? '')).find(Boolean) ?? '';
  return first.length > 160 ? `${first.slice(0, 160)} …` : first;
}

/** Records of one type matching a WHERE written by this layer (never by input), decoded as the API returns them. */
export function selectRecords(store: Store, type: string, where: string, orderBy: string, params: unknown[]): RecordRow[] {
  const typeInfo = info(type);
  return (prepare(store.db, `${typeInfo.select} WHERE ${where} ORDER BY ${orderBy}`).all(...params) as Record<string, unknown>[]).map((row) => toRecord(typeInfo, row));
}

/** A meeting that decides resources needs a resource manager in the room. */
export const MEETING_WITHOUT_RESOURCE_MANAGER = `t.decides_resources = 1 AND NOT EXISTS (
  SELECT 1 FROM json_each(CASE WHEN json_valid(t.attendees) THEN t.attendees ELSE '[]' END) a
  JOIN people p ON p.id = json_extract(a.value, '$.personId') WHERE p.is_resource_manager = 1)`;

/** Warnings (message keys) a record's detail page shows. */
export function recordWarnings(store: Store, type: string, id: string): string[] {
  if (type === 'meetings' && selectRecords(store, 'meetings', `t.id = ? AND ${MEETING_WITHOUT_RESOURCE_MANAGER}`, 't.id', [id]).length) return [msg('noResourceManager')];
  return [];
}
