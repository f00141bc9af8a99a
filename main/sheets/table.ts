import type { Cell } from '../../shared/sheets/cells';
import { AppError } from '../../shared/result';
import { message } from '../../shared/i18n/message';

/** Caps on what one spreadsheet may hold; past them the file is refused before any row is read into records. */
export interface SheetLimits {
  /** Bytes of the file as given. */
  maxBytes: number;
  /** Bytes the XLSX parts needed may unpack to, together. */
  maxUnpackedBytes: number;
  /** Unpacked size / packed size of one part (real sheets compress 5-20x; a zip bomb millions). */
  maxRatio: number;
  maxRows: number;
  maxColumns: number;
}

export const DEFAULT_LIMITS: SheetLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUnpackedBytes: 400 * 1024 * 1024,
  maxRatio: 500,
  maxRows: 100_000,
  maxColumns: 200,
};

/** One sheet as rows of cells: the header row's names, then each data row with its row number in the file (1-based, as the spreadsheet shows it). */
export interface SheetTable {
  headers: string[];
  rows: { row: number; cells: Cell[] }[];
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  sheets: SheetInfo[];
  /** The sheet read (CSV: the file's name). */
  sheet: string;
  table: SheetTable;
  /** CSV: the text encoding read, and whether it was a guess the officer may change. */
  encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';
  encodingGuessed?: boolean;
  delimiter?: string;
}

export const MB = 1024 * 1024;

export function refuse(key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1], code: 'VALIDATION' | 'PAYLOAD_TOO_LARGE' = 'VALIDATION'): AppError {
  return new AppError(code, message(key, params));
}

/** 'A', 'B', ..., 'Z', 'AA': the column letter a spreadsheet shows. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const isEmpty = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * Grid -> table: the first non-empty row names the columns; empty rows are skipped; a column with neither a name
 * nor a value is dropped. A column with values but no name, or a name twice, is refused (the mapping would be a guess).
 */
export function toTable(grid: { row: number; cells: Cell[] }[], limits: SheetLimits): SheetTable {
  const nonEmpty = grid.filter((line) => line.cells.some((cell) => !isEmpty(cell)));
  if (nonEmpty.length - 1 > limits.maxRows) throw refuse('sheets.file.tooManyRows', { max: limits.maxRows }, 'PAYLOAD_TOO_LARGE');
  const [head, ...body] = nonEmpty;
  if (!head) throw refuse('sheets.file.noHeader');
  const width = Math.max(...nonEmpty.map((line) => line.cells.length));
  if (width > limits.maxColumns) throw refuse('sheets.file.tooManyColumns', { max: limits.maxColumns }, 'PAYLOAD_TOO_LARGE');
  const names = Array.from({ length: width }, (_, index) => (head.cells[index] === null || head.cells[index] === undefined ? '' : String(head.cells[index]).replace(/\s+/g, ' ').trim()));
  const keep: number[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < width; index++) {
    const name = names[index]!;
    if (name === '') {
      if (body.some((line) => !isEmpty(line.cells[index]))) throw refuse('sheets.header.empty', { column: columnLetter(index) });
      continue;
    }
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) throw refuse('sheets.header.duplicate', { name, first: columnLetter(earlier), second: columnLetter(index) });
    seen.set(folded, index);
    keep.push(index);
  }
  return {
    headers: keep.map((index) => names[index]!),
    rows: body.map((line) => ({ row: line.row, cells: keep.map((index) => line.cells[index] ?? null) })),
  };
}
