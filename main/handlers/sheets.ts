import { createHash } from 'node:crypto';
import type { sheetsMethods } from '../../shared/api/sheets';
import { formatMessage, renderMessage } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/message';
import { headersKey, suggestMapping } from '../../shared/sheets/mapping';
import { toCsv, type OutCell } from '../../shared/sheets/write';
import { runImport, type ImportResult } from '../../db/sheets/import';
import { saveMapping, savedMapping } from '../../db/sheets/mappings';
import { listRecords } from '../../db/repositories/records';
import { exportFile, templateFile } from '../sheets/export';
import { parseSpreadsheet } from '../sheets/parse';
import type { ParsedFile } from '../sheets/table';
import type { HandlerContext, HandlersFor } from './types';

/** id -> title for links out, where the title names one record (else the id is written). */
function linkTitles(context: HandlerContext) {
  const cache = new Map<string, Map<string, string>>();
  return (to: string) => {
    let titles = cache.get(to);
    if (!titles) {
      const rows = listRecords(context.store, { type: to as never, search: '', filter: {}, countIn: [], limit: 50_000, offset: 0 }).rows;
      const seen = new Map<string, number>();
      for (const row of rows) seen.set(row.title.toLowerCase(), (seen.get(row.title.toLowerCase()) ?? 0) + 1);
      titles = new Map(rows.filter((row) => row.title && seen.get(row.title.toLowerCase()) === 1).map((row) => [row.id, row.title]));
      cache.set(to, titles);
    }
    return titles;
  };
}

type FileInput = { bytes: Uint8Array; fileName: string; sheet?: string; encoding?: ParsedFile['encoding'] };
const parse = (input: FileInput) => parseSpreadsheet(input.bytes, input.fileName, { sheet: input.sheet, encoding: input.encoding });
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The rejected rows as the officer sends them back: the file's own columns, its row number, and why. */
function rejectedCsv(parsed: ParsedFile, result: ImportResult, language: Language): string {
  const byRow = new Map(parsed.table.rows.map((line) => [line.row, line.cells]));
  const rows: OutCell[][] = [[formatMessage(language, 'sheets.rejected.row'), ...parsed.table.headers, formatMessage(language, 'sheets.rejected.reason')]];
  for (const outcome of result.rows) {
    if (outcome.status !== 'error') continue;
    const reason = outcome.issues.map((issue) => (issue.column ? formatMessage(language, 'sheets.rejected.issue', { column: issue.column, text: renderMessage(language, issue.message) }) : renderMessage(language, issue.message))).join('; ');
    rows.push([outcome.row, ...(byRow.get(outcome.row) ?? []), reason]);
  }
  return toCsv(rows);
}

export const sheetsHandlers: HandlersFor<typeof sheetsMethods> = {
  'sheets.inspect': (input, { store }) => {
    const parsed = parse(input);
    const { headers, rows } = parsed.table;
    const saved = input.type ? savedMapping(store, input.type, headersKey(headers)) : null;
    return {
      format: parsed.format,
      sheets: parsed.sheets,
      sheet: parsed.sheet,
      headers,
      rowCount: rows.length,
      sample: rows.slice(0, 5).map((line) => line.cells),
      encoding: parsed.encoding,
      encodingGuessed: parsed.encodingGuessed,
      ...(input.type ? { mapping: saved ?? suggestMapping(input.type, headers), mappingSaved: saved !== null } : {}),
    };
  },
  'sheets.saveMapping': ({ type, headers, mapping }, { store }) => {
    saveMapping(store, type, headersKey(headers), mapping);
    return { saved: true as const };
  },
  'sheets.preview': (input, { store }) => {
    const parsed = parse(input);
    const hash = sha256(input.bytes);
    const result = runImport(store, parsed.table, { type: input.type, mapping: input.mapping, dateOrder: input.dateOrder, mode: 'preview', source: { file: input.fileName, sha256: hash } });
    return { ...result, sha256: hash };
  },
  'sheets.apply': (input, { store }) => {
    const parsed = parse(input);
    const hash = sha256(input.bytes);
    const result = runImport(store, parsed.table, {
      type: input.type,
      mapping: input.mapping,
      dateOrder: input.dateOrder,
      mode: input.validRowsOnly ? 'validRows' : 'all',
      source: { file: input.fileName, sha256: hash },
    });
    const rejected = input.validRowsOnly && result.counts.error > 0 ? { csv: rejectedCsv(parsed, result, input.language), fileName: `${input.fileName.replace(/\.[^.]*$/, '')}-rejected.csv` } : undefined;
    return { ...result, sha256: hash, ...(rejected ? { rejected } : {}) };
  },
  'sheets.export': ({ type, format, language, search, filter }, context) => {
    const { rows } = listRecords(context.store, { type, search, filter, countIn: [], limit: 50_000, offset: 0 });
    return { ...exportFile(type, rows, format, language, linkTitles(context)), rows: rows.length };
  },
  'sheets.template': ({ type, language }) => templateFile(type, language),
};
