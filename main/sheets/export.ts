import type { RecordRow } from '../../shared/api/records';
import { currencyDecimals, formatMessage } from '../../shared/i18n/format';
import type { Language } from '../../shared/i18n/message';
import { fieldLabelKey, optionLabelKey, typeLabelKey } from '../../shared/records/labels';
import { recordType } from '../../shared/records/registry';
import type { FieldSpec } from '../../shared/records/spec';
import { NATURAL_KEYS } from '../../shared/sheets/keys';
import { toCsv, type OutCell } from '../../shared/sheets/write';
import { writeXlsx, type OutSheet } from './xlsxWrite';

/**
 * Records out as a spreadsheet the import reads back: an id column, then every field under its label in the
 * chosen language; enums as their labels, links as the linked record's title (its id where the title is not
 * unique), dates as date cells, amounts in major units, yes/no in the language. Templates are the same sheet
 * without rows, with drop-downs and a second sheet explaining each column.
 */

export type LinkTitles = (to: string) => Map<string, string>;

function headerRow(type: string, language: Language): string[] {
  return ['id', ...recordType(type).fields.map((field) => formatMessage(language, fieldLabelKey(type, field.name)))];
}

function cellOf(type: string, field: FieldSpec, record: RecordRow, language: Language, titles: LinkTitles): OutCell {
  const value = record[field.name];
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'enum':
      return field.options.includes(String(value)) ? formatMessage(language, optionLabelKey(type, field, String(value))) : String(value);
    case 'boolean':
      return formatMessage(language, value ? 'sheets.yes' : 'sheets.no');
    case 'money': {
      const decimals = currencyDecimals(String(record.currency ?? 'USD'));
      return Number(value) / 10 ** decimals;
    }
    case 'ref':
      return titles(field.to).get(String(value)) ?? String(value);
    case 'refList':
      return (value as string[]).map((id) => titles(field.to).get(id) ?? id).join('; ');
    case 'json':
      return Array.isArray(value) && value.length === 0 ? '' : JSON.stringify(value);
    default:
      return value as OutCell;
  }
}

export function exportRows(type: string, records: readonly RecordRow[], language: Language, titles: LinkTitles): OutCell[][] {
  const fields = recordType(type).fields;
  return [headerRow(type, language), ...records.map((record) => [record.id, ...fields.map((field) => cellOf(type, field, record, language, titles))])];
}

function sheetOf(type: string, rows: OutCell[][], language: Language, withLists: boolean): OutSheet {
  const fields = recordType(type).fields;
  const lists = new Map<number, readonly string[]>();
  const dateColumns = new Set<number>();
  fields.forEach((field, index) => {
    if (field.kind === 'date') dateColumns.add(index + 1);
    if (withLists && field.kind === 'enum') lists.set(index + 1, field.options.map((option) => formatMessage(language, optionLabelKey(type, field, option))));
    if (withLists && field.kind === 'boolean') lists.set(index + 1, [formatMessage(language, 'sheets.yes'), formatMessage(language, 'sheets.no')]);
  });
  return { name: formatMessage(language, typeLabelKey(type, 'many')), rows, rightToLeft: language === 'ar', lists, dateColumns, widths: [38, ...fields.map((field) => (field.kind === 'longText' ? 40 : 20))] };
}

export function exportFile(type: string, records: readonly RecordRow[], format: 'xlsx' | 'csv', language: Language, titles: LinkTitles): { bytes: Uint8Array; fileName: string } {
  const rows = exportRows(type, records, language, titles);
  const fileName = `${type}.${format}`;
  if (format === 'csv') return { bytes: new TextEncoder().encode(toCsv(rows)), fileName };
  return { bytes: writeXlsx([sheetOf(type, rows, language, true)]), fileName };
}

function explanation(type: string, field: FieldSpec, language: Language): string {
  const t = (key: Parameters<typeof formatMessage>[1], params?: Parameters<typeof formatMessage>[2]) => formatMessage(language, key, params);
  switch (field.kind) {
    case 'text':
    case 'longText':
      return t('sheets.explain.text', { max: field.max });
    case 'enum':
      return t('sheets.explain.enum', { options: field.options.map((option) => formatMessage(language, optionLabelKey(type, field, option))).join(' / ') });
    case 'date':
      return t('sheets.explain.date');
    case 'boolean':
      return t('sheets.explain.boolean');
    case 'integer':
      return t('sheets.explain.integer');
    case 'money':
      return t('sheets.explain.money');
    case 'ref':
    case 'refList':
      return t(field.kind === 'ref' ? 'sheets.explain.ref' : 'sheets.explain.refList', { type: formatMessage(language, typeLabelKey(field.to, 'one')) });
    case 'json':
      return t('sheets.explain.json');
  }
}

/** An empty sheet to fill (headers, drop-downs, date cells) and a sheet explaining each column and the matching key. */
export function templateFile(type: string, language: Language): { bytes: Uint8Array; fileName: string } {
  const fields = recordType(type).fields;
  const t = (key: Parameters<typeof formatMessage>[1]) => formatMessage(language, key);
  const keys = (NATURAL_KEYS as Record<string, readonly (readonly string[])[]>)[type] ?? [];
  const keyText = keys.map((key) => key.map((name) => formatMessage(language, fieldLabelKey(type, name))).join(' + ')).join(' / ');
  const help: OutCell[][] = [
    [t('sheets.explain.column'), t('sheets.explain.required'), t('sheets.explain.how')],
    ['id', '', formatMessage(language, 'sheets.explain.id', { keys: keyText })],
    ...fields.map((field) => [formatMessage(language, fieldLabelKey(type, field.name)), field.required ? t('sheets.yes') : '', explanation(type, field, language)]),
  ];
  return {
    bytes: writeXlsx([sheetOf(type, [headerRow(type, language)], language, true), { name: t('sheets.explain.sheet'), rows: help, rightToLeft: language === 'ar', widths: [28, 12, 90] }]),
    fileName: `${type}-template.xlsx`,
  };
}
