import { createHash } from 'node:crypto';
import { formatMessage, renderMessage } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/message';
import { headersKey, suggestMapping } from '../../shared/sheets/mapping';
import type { OutCell } from '../../shared/sheets/write';
import { runImport, type ImportResult } from '../../db/sheets/import';
import { savedMapping } from '../../db/sheets/mappings';
import type { Store } from '../../db/store';
import { parseSpreadsheet } from './parse';
import type { ParsedFile } from './table';
import { writeXlsx } from './xlsxWrite';

/**
 * The work behind sheets.inspect, sheets.preview and sheets.apply, the same on the main thread and on the sheets
 * worker (main/sheets/worker.ts): parse the file, then read, match and validate its rows (and, applying, write them).
 */

export interface SheetFileInput {
  bytes: Uint8Array;
  fileName: string;
  sheet?: string;
  encoding?: ParsedFile['encoding'];
}

export interface SheetImportInput extends SheetFileInput {
  type: string;
  mapping: Record<string, string>;
  dateOrder?: 'dmy' | 'mdy';
  mode: 'preview' | 'all' | 'validRows';
  language: Language;
}

/** Where a long run is: parsing the file, then its rows. */
export type SheetProgress = (phase: 'parse' | 'rows', done: number, total: number) => void;

export type SheetImportOutput = ImportResult & { sha256: string; rejected?: { bytes: Uint8Array; fileName: string; rows: number } };

const parse = (input: SheetFileInput) => parseSpreadsheet(input.bytes, input.fileName, { sheet: input.sheet, encoding: input.encoding });
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function inspectSheet(store: Store, input: SheetFileInput & { type?: string }, onProgress?: SheetProgress) {
  onProgress?.('parse', 0, 1);
  const parsed = parse(input);
  onProgress?.('parse', 1, 1);
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
}

/** A header that does not clash with the file's own (a partner's file may already have a "Reason" column). */
function freeName(name: string, taken: readonly string[]): string {
  const folded = new Set(taken.map((header) => header.toLowerCase()));
  let candidate = name;
  for (let n = 2; folded.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  return candidate;
}

/**
 * The rejected rows as the officer sends them back: a workbook with the file's own columns and cells, the row's
 * number in the file, and why it was refused, in the officer's language. Accord's own reader reads it back.
 */
export function rejectedWorkbook(parsed: ParsedFile, result: ImportResult, language: Language, fileName: string): { bytes: Uint8Array; fileName: string; rows: number } {
  const byRow = new Map(parsed.table.rows.map((line) => [line.row, line.cells]));
  const headers = parsed.table.headers;
  const rowHeader = freeName(formatMessage(language, 'sheets.rejected.row'), headers);
  const reasonHeader = freeName(formatMessage(language, 'sheets.rejected.reason'), [...headers, rowHeader]);
  const rows: OutCell[][] = [[rowHeader, ...headers, reasonHeader]];
  for (const outcome of result.rows) {
    if (outcome.status !== 'error') continue;
    const reason = outcome.issues
      .map((issue) => (issue.column ? formatMessage(language, 'sheets.rejected.issue', { column: issue.column, text: renderMessage(language, issue.message) }) : renderMessage(language, issue.message)))
      .join('; ');
    rows.push([outcome.row, ...(byRow.get(outcome.row) ?? []), reason]);
  }
  const bytes = writeXlsx([{ name: formatMessage(language, 'sheets.rejected.sheet'), rows, rightToLeft: language === 'ar', widths: [8, ...headers.map(() => 20), 60] }]);
  return { bytes, fileName: `${fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')}-rejected.xlsx`, rows: rows.length - 1 };
}

export function importSheet(store: Store, input: SheetImportInput, onProgress?: SheetProgress): SheetImportOutput {
  onProgress?.('parse', 0, 1);
  const parsed = parse(input);
  onProgress?.('parse', 1, 1);
  const hash = sha256(input.bytes);
  const result = runImport(store, parsed.table, {
    type: input.type,
    mapping: input.mapping,
    dateOrder: input.dateOrder,
    mode: input.mode,
    source: { file: input.fileName, sha256: hash },
    onProgress: onProgress ? (done, total) => onProgress('rows', done, total) : undefined,
  });
  const rejected = input.mode === 'validRows' && result.counts.error > 0 ? rejectedWorkbook(parsed, result, input.language, input.fileName) : undefined;
  return { ...result, sha256: hash, ...(rejected ? { rejected } : {}) };
}

/** Passes on a hundredth of the way at a time (and each phase's start and end), so 50,000 rows are 100 messages, not 50,000. */
export function throttled(progress: SheetProgress): SheetProgress {
  let last = '';
  return (phase, done, total) => {
    const step = Math.max(1, Math.floor(total / 100));
    const key = `${phase}:${Math.floor(done / step)}`;
    if (key === last && done !== total) return;
    last = key;
    progress(phase, done, total);
  };
}
