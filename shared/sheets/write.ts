/**
 * Writing cells for a spreadsheet program. Text that a spreadsheet would run as a formula (it begins with '=',
 * '+', '-', '@', a tab or a carriage return) is written with a leading apostrophe, so it is shown as typed and
 * never evaluated (OWASP's CSV-injection advice). Numbers and booleans are written as themselves.
 */
export type OutCell = string | number | boolean | null | undefined;

export function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
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
