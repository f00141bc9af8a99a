import { strToU8, zipSync } from 'fflate';
import { looksLikeFormula, type OutCell } from '../../shared/sheets/write';
import { columnLetter } from './table';

/**
 * A small XLSX writer (fflate zips the parts): inline strings, numbers, booleans, ISO dates as date cells,
 * bold frozen headers, list drop-downs, right-to-left sheets. Text that looks like a formula is a string cell with
 * the text format and quotePrefix (Excel's own mark for 'text); no formula is ever written.
 */

export interface OutSheet {
  name: string;
  rows: readonly (readonly OutCell[])[];
  rightToLeft?: boolean;
  /** Column index -> the values a drop-down offers (rows below the header). */
  lists?: ReadonlyMap<number, readonly string[]>;
  /** Columns whose ISO text values are written as date cells. */
  dateColumns?: ReadonlySet<number>;
  /** Column widths in characters. */
  widths?: readonly number[];
}

const escape = (text: string) =>
  text
    // XML 1.0 cannot hold control characters other than tab and line breaks: they are dropped.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function serialOf(iso: string): number | null {
  const match = ISO.exec(iso);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function cellXml(ref: string, cell: OutCell, header: boolean, date: boolean): string {
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"><v>${cell}</v></c>` : '';
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (date && !header) {
    const serial = serialOf(cell);
    if (serial !== null) return `<c r="${ref}" s="1"><v>${serial}</v></c>`;
  }
  // A string cell is never a formula; text that looks like one is also marked as typed text (quotePrefix), as Excel does for 'text.
  const style = header ? ' s="2"' : looksLikeFormula(cell) ? ' s="3"' : '';
  return `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escape(cell)}</t></is></c>`;
}

function sheetXml(sheet: OutSheet): string {
  const rows = sheet.rows
    .map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => cellXml(`${columnLetter(c)}${r + 1}`, cell, r === 0, sheet.dateColumns?.has(c) ?? false)).join('')}</row>`)
    .join('');
  const width = Math.max(1, ...sheet.rows.map((row) => row.length));
  const cols = `<cols>${Array.from({ length: width }, (_, c) => `<col min="${c + 1}" max="${c + 1}" width="${sheet.widths?.[c] ?? 18}" customWidth="1"/>`).join('')}</cols>`;
  const validations = [...(sheet.lists ?? new Map<number, readonly string[]>()).entries()]
    .map(([column, values]) => {
      const list = values.map((value) => value.replace(/"/g, '""').replace(/,/g, ' ')).join(',');
      if (list.length > 250) return '';
      const letter = columnLetter(column);
      return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${letter}2:${letter}10000"><formula1>"${escape(list)}"</formula1></dataValidation>`;
    })
    .filter(Boolean);
  const view = `<sheetViews><sheetView workbookViewId="0"${sheet.rightToLeft ? ' rightToLeft="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${view}${cols}<sheetData>${rows}</sheetData>${
    validations.length ? `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>` : ''
  }</worksheet>`;
}

export function writeXlsx(sheets: readonly OutSheet[]): Uint8Array {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets>${sheets.map((sheet, i) => `<sheet name="${escape(sheet.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet))));
  return zipSync(files, { level: 6 });
}
