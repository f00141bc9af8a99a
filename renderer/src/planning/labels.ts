import { formatDate, formatMessage, formatMoney, nameIn } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/i18n/message';
import { fieldLabelKey, optionLabelKey, typeLabelKey } from '../../../shared/records/labels';
import { recordType, recordTypes } from '../../../shared/records/registry';
import type { FieldSpec, RecordTypeSpec } from '../../../shared/records/spec';

/** Every label the planning pages show comes from the catalog, under the keys the registry's names imply. */

export const ALL_TYPES: readonly RecordTypeSpec[] = recordTypes;

export function typeLabel(spec: RecordTypeSpec, number: 'one' | 'many', language: Language): string {
  return formatMessage(language, typeLabelKey(spec.name, number));
}

/** The owning type of a field object, found once per field. */
const owners = new Map<FieldSpec, string>();
for (const spec of recordTypes as readonly RecordTypeSpec[]) for (const field of spec.fields) owners.set(field, spec.name);

export function fieldLabel(spec: RecordTypeSpec | string, field: string, language: Language): string {
  const type = typeof spec === 'string' ? spec : spec.name;
  return recordType(type).fields.some((candidate) => candidate.name === field) ? formatMessage(language, fieldLabelKey(type, field)) : field;
}

export function optionLabel(field: FieldSpec, value: unknown, language: Language, type = owners.get(field)): string {
  if (field.kind !== 'enum' || !type || !field.options.includes(String(value))) return String(value ?? '');
  return formatMessage(language, optionLabelKey(type, field, String(value)));
}

export function findField(spec: RecordTypeSpec, name: string): FieldSpec | undefined {
  return spec.fields.find((field) => field.name === name);
}

/** A field's value as text for a list cell or a detail line; refs are resolved by the caller's titles. */
export function displayValue(
  field: FieldSpec,
  row: Record<string, unknown>,
  language: Language,
  titleOf: (type: string, id: string) => string,
  yesNo: (value: boolean) => string,
): string {
  const value = row[field.name];
  switch (field.kind) {
    case 'enum':
      return optionLabel(field, value, language);
    case 'boolean':
      return yesNo(Boolean(value));
    case 'money':
      return formatMoney(language, value as number | null, typeof row.currency === 'string' ? row.currency : undefined);
    case 'date':
      return typeof value === 'string' ? formatDate(language, value) : '';
    case 'integer':
      return value === null || value === undefined ? '' : String(value);
    case 'ref':
      return typeof value === 'string' && value ? titleOf(field.to, value) : '';
    case 'refList':
      return Array.isArray(value) ? value.map((id) => titleOf(field.to, String(id))).join(', ') : '';
    case 'json':
      return Array.isArray(value) ? String(value.length) : '';
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

/**
 * A record's name in the reader's language: in Arabic, its Arabic twin of the title field where the registry has
 * one (partners' nameAr, an MOU's titleAr, a clause's headingAr, a signatory's nameAr: `<titleField>Ar`) and it is
 * filled in; else the title, whatever language it is written in.
 */
export function recordTitle(spec: RecordTypeSpec, row: { title: string; [field: string]: unknown }, language: Language): string {
  if (language !== 'ar') return row.title;
  const twin = `${spec.titleField}Ar`;
  return nameIn(language, row.title, spec.fields.some((field) => field.name === twin) ? String(row[twin] ?? '') : '');
}
