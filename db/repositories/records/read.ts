import type { RecordLink, RecordRow } from '../../../shared/api/records';
import { issueMessage, message } from '../../../shared/i18n/message';
import { recordType, recordTypes } from '../../../shared/records/registry';
import { columnName, type RecordTypeSpec, type RecordWarning } from '../../../shared/records/spec';
import { AppError } from '../../../shared/result';
import type { Store } from '../../store';
import { fieldRefusal, info, outgoingIds, toRecord, typeName, type TypeInfo } from './common';
import { quoteIdentifier as q, statement as prepare } from '../../statements';
import { searchMatch } from './searchTerms';

/** Reading records: one, a filtered and sorted list, with their links both ways, and the warnings a record's page shows. */

export function findRecord(store: Store, type: string, id: string): RecordRow | undefined {
  const typeInfo = info(type);
  const row = prepare(store.db, `${typeInfo.select} WHERE t.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row && toRecord(typeInfo, row);
}

export function getRecord(store: Store, type: string, id: string): RecordRow {
  const record = findRecord(store, type, id);
  if (!record) throw new AppError('NOT_FOUND', message('records.notFound', { type: typeName(type), id }), { id, type });
  return record;
}

export interface ListQuery {
  type: string;
  search?: string;
  filter?: Record<string, string | number | boolean | null>;
  sort?: { field: string; direction: 'asc' | 'desc' };
  /** Count, for each row, the records of `type` whose ref `field` points at it (a partner's MOU drafts): row.counts["type.field"]. */
  countIn?: readonly { type: string; field: string }[];
  /** Only these records. */
  ids?: readonly string[];
  limit: number;
  offset: number;
}

const SEARCH_IN_TYPE = 't.id IN (SELECT d.row_id FROM search_index s JOIN search_docs d ON d.doc = s.rowid WHERE search_index MATCH ? AND d.type = ?)';

/** A list query naming a field it cannot use: the issue sits at the input's path. */
function refusedField(type: TypeInfo, what: 'filter' | 'sort', name: string) {
  const key = what === 'filter' ? 'records.cannotFilter' : 'records.cannotSort';
  return fieldRefusal('VALIDATION', what, 'validation.invalid', undefined, {}, { key, params: { types: typeName(type.spec.name, 'many'), field: name } });
}

/** WHERE and ORDER BY of a list query, checked against the declaration. */
function listClauses(store: Store, type: TypeInfo, query: ListQuery): { where: string; orderBy: string; params: unknown[]; searched: boolean } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [name, value] of Object.entries(query.filter ?? {})) {
    const field = type.fields.get(name);
    if (!field || field.kind === 'json') throw withPath(refusedField(type, 'filter', name), ['filter', name]);
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
  if (query.ids) {
    conditions.push('t.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.ids));
  }
  // The search's words as the index terms they start (searchTerms.ts): the same records as their prefixes.
  const match = query.search ? searchMatch(store, query.search) : '';
  if (match === undefined) conditions.push('0');
  else if (match) {
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
    if (!field || field.kind === 'json' || field.kind === 'refList') throw withPath(refusedField(type, 'sort', sortName), ['sort', 'field']);
    const textual = field.kind === 'text' || field.kind === 'longText';
    sortColumn = `t.${q(columnName(sortName))}${textual ? ' COLLATE NOCASE' : ''}`;
  }
  return {
    where: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '',
    orderBy: ` ORDER BY ${sortColumn} ${direction}, t.id ${direction}`,
    params,
    searched: Boolean(match),
  };
}

function withPath(error: AppError, path: string[]): AppError {
  for (const issue of error.details?.issues ?? []) issue.path = path;
  return error;
}

/** SELECT columns counting, per row, the records whose ref field points at it; checked against the declarations. */
function countColumns(type: TypeInfo, countIn: ListQuery['countIn']): { columns: string; names: string[] } {
  const names: string[] = [];
  const columns = (countIn ?? []).map(({ type: sourceType, field: fieldName }) => {
    const source = recordType(sourceType);
    const field = source.fields.find((candidate) => candidate.name === fieldName);
    if (!field || field.kind !== 'ref' || field.to !== type.spec.name) throw withPath(refusedField(type, 'filter', `${sourceType}.${fieldName}`), ['countIn']);
    names.push(`${sourceType}.${fieldName}`);
    return `, (SELECT COUNT(*) FROM ${q(source.table)} c WHERE c.${q(columnName(fieldName))} = t.id) AS ${q(`count:${sourceType}.${fieldName}`)}`;
  });
  return { columns: columns.join(''), names };
}

export function listRecords(store: Store, query: ListQuery): { rows: RecordRow[]; total: number } {
  const type = info(query.type);
  const { where, orderBy, params, searched } = listClauses(store, type, query);
  const counts = countColumns(type, query.countIn);
  // The page size is written into the SQL: SQLite sorts under a bound LIMIT ? about half again slower than under a
  // literal one. It is a schema-checked integer and callers use few values. Keyed by the short clauses, not the SELECT.
  const limit = Math.trunc(query.limit);
  const select = counts.columns ? type.select.replace(/ FROM /, `${counts.columns} FROM `) : type.select;
  // A page far down a long list: the rows skipped are found by rowid and sort key alone (a narrow sort, often an index
  // alone), and only the page's own rows are read whole, so page 400 of 100,000 rows costs about what page 1 does.
  const page = `SELECT t.rowid FROM ${q(type.spec.table)} t${where}${orderBy} LIMIT ${limit} OFFSET ?`;
  const key = `${type.spec.name}\u0000${counts.names.join(',')}\u0000${where}\u0000${orderBy}\u0000${limit}`;
  let found: Record<string, unknown>[];
  let counted: number | undefined;
  if (searched) {
    // A search sorts all of its matches to find a page, so the same pass counts them (a window over the rows before
    // LIMIT): the index is searched and the matches looked up once, not again for the total.
    const pageRows = prepare(store.db, `list.searchPage\u0000${key}`, () => page.replace('SELECT t.rowid FROM', 'SELECT t.rowid AS at, COUNT(*) OVER () AS n FROM')).all(...params, query.offset) as { at: number; n: number }[];
    counted = pageRows[0]?.n;
    found = pageRows.length ? (prepare(store.db, `list.rows\u0000${key}`, () => `${select} WHERE t.rowid IN (SELECT value FROM json_each(?))${orderBy}`).all(JSON.stringify(pageRows.map((row) => row.at))) as Record<string, unknown>[]) : [];
  } else {
    found = prepare(store.db, `list\u0000${key}`, () => `${select} WHERE t.rowid IN (${page})${orderBy}`).all(...params, query.offset) as Record<string, unknown>[];
  }
  const rows = found.map((row) => {
    if (!counts.names.length) return toRecord(type, row);
    const found: Record<string, number> = {};
    for (const name of counts.names) {
      found[name] = Number(row[`count:${name}`]);
      delete row[`count:${name}`];
    }
    return { ...toRecord(type, row), counts: found };
  });
  // A first page that is not full is the whole answer: no second query.
  const total =
    counted ??
    (query.offset === 0 && rows.length < query.limit
      ? rows.length
      : (prepare(store.db, `SELECT COUNT(*) AS n FROM ${q(type.spec.table)} t${where}`).get(...params) as { n: number }).n);
  return { rows, total };
}

/** The SQL selecting a type's title and its Arabic twin (`<titleField>Ar`, '' where the type has none) as `title`, `title_ar`, over `alias`. */
function titlesSql(spec: RecordTypeSpec, alias = ''): string {
  const twin = `${spec.titleField}Ar`;
  const arabic = spec.fields.some((field) => field.name === twin) ? `${alias}${q(columnName(twin))}` : "''";
  return `${alias}${q(columnName(spec.titleField))} AS title, ${arabic} AS title_ar`;
}

interface TitleRow {
  title: unknown;
  title_ar: unknown;
}

/** A link's titles: the Arabic one only where there is one, so links stay small. */
const linkTitles = (row: TitleRow) => ({ title: String(row.title ?? ''), ...(String(row.title_ar ?? '').trim() ? { titleAr: String(row.title_ar) } : {}) });

function titleOf(store: Store, type: string, id: string): TitleRow | undefined {
  const spec = recordType(type);
  return prepare(store.db, `SELECT ${titlesSql(spec)} FROM ${q(spec.table)} WHERE id = ?`).get(id) as TitleRow | undefined;
}

/** A record with the records it points at and the records pointing at it. */
export function getRecordWithLinks(store: Store, type: string, id: string): { record: RecordRow; linksOut: RecordLink[]; linksIn: RecordLink[] } {
  const record = getRecord(store, type, id);
  const spec = recordType(type);
  const linksOut: RecordLink[] = [];
  for (const { field, to, ids } of outgoingIds(spec, record)) {
    for (const targetId of ids) {
      const titles = titleOf(store, to, targetId);
      linksOut.push({ type: to as RecordLink['type'], id: targetId, ...(titles ? linkTitles(titles) : { title: '', missing: true }), field: field.name });
    }
  }
  const linksIn: RecordLink[] = [];
  for (const source of recordTypes as readonly RecordTypeSpec[]) {
    const titleColumn = q(columnName(source.titleField));
    for (const field of source.fields) {
      let rows: ({ id: string } & TitleRow)[] = [];
      if (field.kind === 'ref' && field.to === type) {
        rows = prepare(store.db, `SELECT id, ${titlesSql(source)} FROM ${q(source.table)} WHERE ${q(columnName(field.name))} = ? ORDER BY ${titleColumn} COLLATE NOCASE, id`).all(id) as typeof rows;
      } else if ((field.kind === 'refList' && field.to === type) || (field.kind === 'json' && field.itemRefs?.some((ref) => ref.to === type))) {
        rows = prepare(
          store.db,
          `SELECT t.id, ${titlesSql(source, 't.')} FROM record_links l JOIN ${q(source.table)} t ON t.id = l.source_id WHERE l.target_id = ? AND l.source_type = ? AND l.field = ? ORDER BY t.${titleColumn} COLLATE NOCASE, t.id`,
        ).all(id, source.name, field.name) as typeof rows;
      }
      for (const row of rows) linksIn.push({ type: source.name as RecordLink['type'], id: row.id, ...linkTitles(row), field: field.name });
    }
  }
  return { record, linksOut, linksIn };
}

/** Records of one type matching a WHERE written by this layer (never by input), decoded as the API returns them. */
export function selectRecords(store: Store, type: string, where: string, orderBy: string, params: unknown[]): RecordRow[] {
  const typeInfo = info(type);
  return (prepare(store.db, `${typeInfo.select} WHERE ${where} ORDER BY ${orderBy}`).all(...params) as Record<string, unknown>[]).map((row) => toRecord(typeInfo, row));
}

// ---------------------------------------------------------------- warnings (declared in the registry)

const sqlValue = (value: string | number | boolean) => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** The SQL condition (on alias t) under which a record of `type` shows `warning`, with its parameters. */
export function warningCondition(type: string, warning: RecordWarning): { sql: string; params: unknown[] } {
  const spec = recordType(type);
  const linkField = spec.fields.find((field) => field.name === warning.noneLinked.field);
  const target = linkField?.kind === 'ref' || linkField?.kind === 'refList' ? linkField.to : linkField?.kind === 'json' ? linkField.itemRefs?.[0]?.to : undefined;
  if (!target) throw new Error(`Warning on ${type}: ${warning.noneLinked.field} is not a link`);
  const targetTable = q(recordType(target).table);
  const linked =
    linkField?.kind === 'ref'
      ? `SELECT 1 FROM ${targetTable} x WHERE x.id = t.${q(columnName(linkField.name))}`
      : `SELECT 1 FROM record_links l JOIN ${targetTable} x ON x.id = l.target_id WHERE l.source_id = t.id AND l.source_type = ? AND l.field = ?`;
  const linkParams = linkField?.kind === 'ref' ? [] : [type, linkField!.name];
  return {
    sql: `t.${q(columnName(warning.when.field))} = ? AND NOT EXISTS (${linked} AND x.${q(columnName(warning.noneLinked.where.field))} = ?)`,
    params: [sqlValue(warning.when.equals), ...linkParams, sqlValue(warning.noneLinked.where.equals)],
  };
}

/** The warning of `type` with this message (overview pages list the records showing it). */
export function declaredWarning(type: string, key: RecordWarning['message']): RecordWarning {
  const warning = recordType(type).warnings?.find((candidate) => candidate.message === key);
  if (!warning) throw new Error(`No warning ${key} on ${type}`);
  return warning;
}

/** Warnings (encoded catalog messages) a record's detail page shows. */
export function recordWarnings(store: Store, type: string, id: string): string[] {
  return (recordType(type).warnings ?? []).flatMap((warning) => {
    const { sql, params } = warningCondition(type, warning);
    const shows = prepare(store.db, `SELECT 1 FROM ${q(recordType(type).table)} t WHERE t.id = ? AND ${sql}`).get(id, ...params) !== undefined;
    return shows ? [issueMessage(warning.message)] : [];
  });
}

