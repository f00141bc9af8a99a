import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Cell } from '../../shared/sheets/cells';
import { excelSerialDate } from '../../shared/sheets/cells';
import { DEFAULT_LIMITS, MB, refuse, toTable, type ParsedFile, type SheetInfo, type SheetLimits } from './table';

/**
 * XLSX reading, bounded. The zip is read with fflate, which inflates each part into a buffer of the size its
 * directory declares: we refuse a part (or the parts together) whose declared size is over the caps or whose
 * ratio to its packed size is a zip bomb's, so no lie in the directory can make us allocate more (a part that
 * inflates past its declared size is cut off there and then fails as XML). Only the parts needed are inflated:
 * the workbook, its relationships, shared strings, styles and the one sheet chosen. The XML is read with saxes,
 * a strict non-validating parser that never expands entities other than XML's five; a DOCTYPE (which OOXML
 * never has) is refused outright. Formulas are never evaluated: a cell's cached value (<v>) is its value.
 */

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** An OLE compound file is a password-protected OOXML workbook when it holds an EncryptionInfo stream, else a legacy .xls. */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function isXlsx(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP);
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB);
}

/** Refuses what is not an OOXML zip with a message saying what it is instead. */
function checkContainer(bytes: Uint8Array): void {
  if (isCompoundFile(bytes)) {
    if (hasStreamName(bytes, 'EncryptionInfo') || hasStreamName(bytes, 'EncryptedPackage')) throw refuse('sheets.file.encrypted');
    throw refuse('sheets.file.legacyXls');
  }
  if (!isXlsx(bytes)) throw refuse('sheets.file.notSpreadsheet');
}

function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: SheetLimits): Record<string, Uint8Array> {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        if (!wanted(file.name)) return false;
        if (file.compression !== 0 && file.compression !== 8) throw refuse('sheets.file.corrupt', { part: file.name });
        total += file.originalSize;
        if (total > limits.maxUnpackedBytes || file.originalSize / Math.max(file.size, 1) > limits.maxRatio) {
          throw refuse('sheets.file.expands', { max: Math.round(limits.maxUnpackedBytes / MB) }, 'PAYLOAD_TOO_LARGE');
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw refuse('sheets.file.corrupt', { part: 'zip' });
  }
}

type Handlers = { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void };

/** Streams one part's XML through the handlers; a DOCTYPE or any malformation refuses the file. */
function readXml(bytes: Uint8Array | undefined, part: string, handlers: Handlers): void {
  if (!bytes) throw refuse('sheets.file.corrupt', { part });
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('doctype', () => {
    failed = true;
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(tag.name));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8');
  const CHUNK = 1 << 20;
  for (let offset = 0; offset < bytes.length && !failed; offset += CHUNK) {
    parser.write(decoder.decode(bytes.subarray(offset, offset + CHUNK), { stream: true }));
  }
  if (!failed) parser.write(decoder.decode()).close();
  if (failed) throw refuse('sheets.file.corrupt', { part });
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

interface WorkbookSheet extends SheetInfo {
  path: string;
}

function readWorkbook(parts: Record<string, Uint8Array>): { sheets: WorkbookSheet[]; date1904: boolean } {
  const targets = new Map<string, string>();
  readXml(parts['xl/_rels/workbook.xml.rels'], 'xl/_rels/workbook.xml.rels', {
    open(tag) {
      if (local(tag.name) === 'Relationship') targets.set(String(tag.attributes.Id), String(tag.attributes.Target));
    },
  });
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  readXml(parts['xl/workbook.xml'], 'xl/workbook.xml', {
    open(tag) {
      const name = local(tag.name);
      if (name === 'workbookPr') date1904 = tag.attributes.date1904 === '1' || tag.attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      const relId = Object.entries(tag.attributes).find(([key]) => local(key) === 'id')?.[1];
      const target = relId ? targets.get(String(relId)) : undefined;
      if (!target) return;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      sheets.push({ name: String(tag.attributes.name), hidden: tag.attributes.state === 'hidden' || tag.attributes.state === 'veryHidden', path });
    },
  });
  if (sheets.length === 0) throw refuse('sheets.file.corrupt', { part: 'xl/workbook.xml' });
  return { sheets, date1904 };
}

function readSharedStrings(bytes: Uint8Array | undefined): string[] {
  const strings: string[] = [];
  if (!bytes) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  readXml(bytes, 'xl/sharedStrings.xml', {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(tagName) {
      const name = local(tagName);
      if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 50, 57]);

/** Style index -> whether its number format shows a date. */
function readDateStyles(bytes: Uint8Array | undefined): boolean[] {
  if (!bytes) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  readXml(bytes, 'xl/styles.xml', {
    open(tag) {
      const name = local(tag.name);
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        const unquoted = code?.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '') ?? '';
        styles.push(BUILT_IN_DATE_FORMATS.has(id) || (code !== undefined && /[dy]/i.test(unquoted) && !/^[#0.,%\s]*$/.test(unquoted)));
      }
    },
    close(tagName) {
      if (local(tagName) === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** "BC12" -> [column index, row number]. */
function cellRef(ref: string): [number, number] | null {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return [column - 1, Number(match[2])];
}

function readSheet(bytes: Uint8Array | undefined, path: string, strings: string[], dateStyles: boolean[], date1904: boolean, limits: SheetLimits) {
  const rows = new Map<number, Cell[]>();
  const merges: string[] = [];
  let rowNumber = 0;
  let column = 0;
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let collecting: 'v' | 't' | null = null;
  let inInline = false;
  readXml(bytes, path, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'row') {
        rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
        column = 0;
        if (rows.size >= limits.maxRows + 1 && !rows.has(rowNumber)) throw refuse('sheets.file.tooManyRows', { max: limits.maxRows }, 'PAYLOAD_TOO_LARGE');
      } else if (name === 'c') {
        const position = tag.attributes.r ? cellRef(String(tag.attributes.r)) : null;
        if (position) column = position[0];
        if (column >= limits.maxColumns) throw refuse('sheets.file.tooManyColumns', { max: limits.maxColumns }, 'PAYLOAD_TOO_LARGE');
        type = String(tag.attributes.t ?? 'n');
        style = Number(tag.attributes.s ?? 0);
        value = null;
      } else if (name === 'v') {
        collecting = 'v';
        value = '';
      } else if (name === 'is') {
        inInline = true;
        value = '';
      } else if (name === 't' && inInline) collecting = 't';
      else if (name === 'mergeCell' && tag.attributes.ref) merges.push(String(tag.attributes.ref));
    },
    close(tagName) {
      const name = local(tagName);
      if (name === 'v' || name === 't') collecting = null;
      else if (name === 'is') inInline = false;
      else if (name === 'c') {
        let cell: Cell = null;
        if (value !== null) {
          if (type === 's') cell = strings[Number(value)] ?? '';
          else if (type === 'b') cell = value === '1';
          else if (type === 'str' || type === 'inlineStr') cell = value;
          else if (type === 'e') cell = null; // #N/A, #REF!: no value
          else {
            const number = Number(value);
            if (!Number.isFinite(number)) cell = value;
            else if (dateStyles[style]) cell = excelSerialDate(date1904 ? number + 1462 : number) ?? number;
            else cell = number;
          }
        }
        if (cell !== null) {
          let line = rows.get(rowNumber);
          if (!line) rows.set(rowNumber, (line = []));
          line[column] = cell;
        }
        column++;
      }
    },
    text(text) {
      if (collecting && value !== null) value += text;
    },
  });
  // A merged area reads as its top-left value in each of its cells (a partner's name merged down its rows).
  for (const ref of merges) {
    const [from, to] = ref.split(':').map(cellRef);
    if (!from || !to) continue;
    const origin = rows.get(from[1])?.[from[0]] ?? null;
    if (origin === null || (to[1] - from[1] + 1) * (to[0] - from[0] + 1) > 100_000) continue;
    for (let r = from[1]; r <= to[1]; r++) {
      let line = rows.get(r);
      if (!line) rows.set(r, (line = []));
      for (let c = from[0]; c <= to[0]; c++) if (line[c] === undefined || line[c] === null) line[c] = origin;
    }
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({ row, cells: Array.from(cells, (cell) => cell ?? null) }));
}

/** The sheets of a workbook, without reading any of them. */
export function listSheets(bytes: Uint8Array, limits: SheetLimits = DEFAULT_LIMITS): SheetInfo[] {
  checkContainer(bytes);
  const parts = unzipParts(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels', limits);
  return readWorkbook(parts).sheets.map(({ name, hidden }) => ({ name, hidden }));
}

/** An XLSX file -> the table of one sheet: the one named, else the first visible one (hidden sheets only when chosen). */
export function parseXlsx(bytes: Uint8Array, options: { sheet?: string; limits?: SheetLimits } = {}): ParsedFile {
  const limits = options.limits ?? DEFAULT_LIMITS;
  if (bytes.length > limits.maxBytes) throw refuse('sheets.file.tooLarge', { max: Math.round(limits.maxBytes / MB) }, 'PAYLOAD_TOO_LARGE');
  checkContainer(bytes);
  const meta = unzipParts(bytes, (name) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels', limits);
  const { sheets, date1904 } = readWorkbook(meta);
  const chosen = options.sheet === undefined ? sheets.find((sheet) => !sheet.hidden) : sheets.find((sheet) => sheet.name === options.sheet);
  if (!chosen) throw refuse(options.sheet === undefined ? 'sheets.file.noVisibleSheet' : 'sheets.file.noSuchSheet', { name: options.sheet ?? '' });
  const parts = unzipParts(bytes, (name) => name === 'xl/sharedStrings.xml' || name === 'xl/styles.xml' || name === chosen.path, limits);
  const strings = readSharedStrings(parts['xl/sharedStrings.xml']);
  const dateStyles = readDateStyles(parts['xl/styles.xml']);
  const grid = readSheet(parts[chosen.path], chosen.path, strings, dateStyles, date1904, limits);
  return {
    format: 'xlsx',
    sheets: sheets.map(({ name, hidden }) => ({ name, hidden })),
    sheet: chosen.name,
    table: toTable(grid, limits),
  };
}
