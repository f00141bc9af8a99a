import Papa from 'papaparse';
import type { Cell } from '../../shared/sheets/cells';
import { DEFAULT_LIMITS, MB, refuse, toTable, type ParsedFile, type SheetLimits } from './table';

export type CsvEncoding = NonNullable<ParsedFile['encoding']>;

/**
 * The text encoding of a CSV as offices make it: a byte-order mark says it (UTF-8, UTF-16LE "Unicode text",
 * UTF-16BE); without one, UTF-16LE shows as a zero byte after most ASCII letters; text that is valid UTF-8 is
 * UTF-8; anything else is taken as Windows-1256 (Arabic Excel's "CSV" default), a guess the officer may change.
 */
export function detectEncoding(bytes: Uint8Array): { encoding: CsvEncoding; bom: number; guessed: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3, guessed: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2, guessed: false };
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) oddZeros++;
    else evenZeros++;
  }
  if (sample.length >= 4 && oddZeros > sample.length / 6 && evenZeros === 0) return { encoding: 'utf-16le', bom: 0, guessed: true };
  if (sample.length >= 4 && evenZeros > sample.length / 6 && oddZeros === 0) return { encoding: 'utf-16be', bom: 0, guessed: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0, guessed: false };
  } catch {
    return { encoding: 'windows-1256', bom: 0, guessed: true };
  }
}

/** Looks like a binary file (a zip, a PDF, an image): control characters other than tab and line breaks. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  return control > Math.max(2, sample.length / 100);
}

/** Comma, semicolon or tab: the one the header line holds most often outside quotes. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** A CSV file -> the table of its rows. Delimiter: comma, semicolon or tab, whichever the file uses. */
export function parseCsv(bytes: Uint8Array, name: string, options: { encoding?: CsvEncoding; limits?: SheetLimits } = {}): ParsedFile {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.maxBytes) throw refuse('sheets.file.tooLarge', { max: Math.round(limits.maxBytes / MB) }, 'PAYLOAD_TOO_LARGE');
  const detected = detectEncoding(bytes);
  const encoding = options.encoding ?? detected.encoding;
  const bom = options.encoding && options.encoding !== detected.encoding ? 0 : detected.bom;
  const text = new TextDecoder(encoding).decode(bytes.subarray(bom));
  if (text.trim() === '') throw refuse('sheets.file.noHeader');
  if (looksBinary(text)) throw refuse('sheets.file.notSpreadsheet');
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false, preview: limits.maxRows + 2 });
  if (parsed.data.length > limits.maxRows + 1) throw refuse('sheets.file.tooManyRows', { max: limits.maxRows }, 'PAYLOAD_TOO_LARGE');
  const quoteError = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoteError) throw refuse('sheets.file.badQuotes', { row: (quoteError.row ?? 0) + 1 });
  // Row numbers as a spreadsheet program shows the file: a quoted line break stays inside its row.
  const grid = parsed.data.map((cells, index) => ({ row: index + 1, cells: cells as Cell[] }));
  return {
    format: 'csv',
    sheets: [{ name, hidden: false }],
    sheet: name,
    table: toTable(grid, limits),
    encoding,
    encodingGuessed: !options.encoding && detected.guessed,
    delimiter: parsed.meta.delimiter,
  };
}
