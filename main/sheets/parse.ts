import { parseCsv, type CsvEncoding } from './csv';
import { DEFAULT_LIMITS, type ParsedFile, type SheetLimits } from './table';
import { isCompoundFile, isXlsx, parseXlsx } from './xlsx';

export interface ParseOptions {
  sheet?: string;
  encoding?: CsvEncoding;
  limits?: SheetLimits;
}

/** Any spreadsheet file -> the table of one sheet. The bytes decide the format (a zip or compound file is a workbook; else text is CSV). */
export function parseSpreadsheet(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): ParsedFile {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (isXlsx(bytes) || isCompoundFile(bytes)) return parseXlsx(bytes, { sheet: options.sheet, limits });
  return parseCsv(bytes, fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''), { encoding: options.encoding, limits });
}
