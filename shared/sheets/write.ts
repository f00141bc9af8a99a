/**
 * Writing cells for a spreadsheet program. In CSV, text that a spreadsheet would run as a formula (it begins with
 * '=', '+', '-', '@', a tab or a carriage return) is written with a leading apostrophe, so it is shown as typed and
 * never evaluated (OWASP's CSV-injection advice); the import takes that apostrophe off again. (XLSX writes such
 * text as a string cell marked as text, which no program evaluates.) Numbers and booleans are written as themselves.
 */
export type OutCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet program would take this text for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export function neutralize(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** The inverse on import: an apostrophe before what would be a formula is the text prefix, not part of the value (as in Excel). */
export function unneutralize(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

function csvField(cell: OutCell, delimiter: string): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? neutralize(cell) : String(cell);
  return text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a byte-order mark (so Excel reads Arabic as UTF-8), CRLF line ends. */
export function toCsv(rows: readonly (readonly OutCell[])[], delimiter = ','): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvField(cell, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}
