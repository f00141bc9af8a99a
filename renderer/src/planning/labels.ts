import type { Language } from '../../../shared/messages';
import { recordTypes } from '../../../shared/records/registry';
import type { Bilingual, FieldSpec, RecordTypeSpec } from '../../../shared/records/spec';
import { formatMoney } from './money';

/** Every label the planning pages show comes from the registry, in both languages. */

export const ALL_TYPES: readonly RecordTypeSpec[] = recordTypes;

export const pick = (text: Bilingual, language: Language): string => text[language];

export function typeLabel(spec: RecordTypeSpec, number: 'one' | 'many', language: Language): string {
  return spec.label[number][language];
}

export function optionLabel(field: FieldSpec, value: unknown, language: Language): string {
  if (field.kind !== 'enum') return String(value ?? '');
  const label = field.optionLabels[String(value)];
  return label ? label[language] : String(value ?? '');
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
      return formatMoney(value as number | null, typeof row.currency === 'string' ? row.currency : undefined, language);
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
