import type { FieldSpec, RecordTypeSpec } from '../../../shared/records/spec';
import { issueMessage } from '../../../shared/i18n/message';
import { amountExample, asciiDigits, decimalsOf, minorToMajorText, parseMajorUnits } from './money';

/**
 * Forms hold what inputs hold (text for numbers and amounts in major units);
 * the API takes the record's values. These two functions are the only place
 * the two meet; the record type's own zod schema validates the result.
 */

export type FormValues = Record<string, unknown>;

export function toFormValues(spec: RecordTypeSpec, record: Record<string, unknown> | undefined, presets: Record<string, string> = {}): FormValues {
  const values: FormValues = {};
  for (const field of spec.fields) {
    const stored = record?.[field.name];
    values[field.name] = formValue(field, stored === undefined ? presetValue(field, presets[field.name]) : stored, decimalsOf(record?.currency));
  }
  return values;
}

function presetValue(field: FieldSpec, preset: string | undefined): unknown {
  if (preset === undefined) return undefined;
  if (field.kind === 'refList') return preset.split(',').filter(Boolean);
  if (field.kind === 'boolean') return preset === 'true';
  return preset;
}

/** decimals: of the record's currency (an amount's text in major units). */
function formValue(field: FieldSpec, value: unknown, decimals: number): unknown {
  switch (field.kind) {
    case 'boolean':
      return Boolean(value);
    case 'enum':
      return typeof value === 'string' ? value : (field.default ?? '');
    case 'integer':
      return value === null || value === undefined ? '' : String(value);
    case 'money':
      return typeof value === 'number' ? minorToMajorText(value, decimals) : typeof value === 'string' ? value : '';
    case 'refList':
    case 'json':
      return Array.isArray(value) ? value : [];
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

/** Form values -> API values, plus messages for inputs that are not even the right kind of value. */
export function toApiValues(spec: RecordTypeSpec, form: FormValues): { values: FormValues; problems: Record<string, string> } {
  const values: FormValues = {};
  const problems: Record<string, string> = {};
  for (const field of spec.fields) {
    const raw = form[field.name];
    switch (field.kind) {
      case 'integer': {
        const text = asciiDigits(String(raw ?? '')).trim();
        if (text === '') {
          if (field.required) problems[field.name] = issueMessage('validation.required');
          values[field.name] = null;
        } else if (/^-?\d+$/.test(text)) values[field.name] = Number(text);
        else {
          problems[field.name] = issueMessage('validation.invalidNumber');
          values[field.name] = null;
        }
        break;
      }
      case 'money': {
        // In the decimals of the currency the form holds now: 12.5 dinars are 12500 fils, 12.5 dollars 1250 cents.
        const decimals = decimalsOf(form.currency);
        const minor = parseMajorUnits(String(raw ?? ''), decimals);
        if (minor === undefined) problems[field.name] = issueMessage('validation.invalidAmount', { decimals, example: amountExample(decimals) });
        values[field.name] = minor ?? null;
        break;
      }
      case 'json':
        values[field.name] = Array.isArray(raw) ? raw.filter((entry) => !isBlankEntry(entry)) : [];
        break;
      default:
        values[field.name] = raw;
    }
  }
  return { values, problems };
}

/** Rows an officer added and left empty are not saved. */
function isBlankEntry(entry: unknown): boolean {
  if (typeof entry === 'string') return entry.trim() === '';
  if (entry && typeof entry === 'object') {
    const object = entry as Record<string, unknown>;
    if ('personId' in object) return !object.personId;
    if ('benchmarkId' in object) return !object.benchmarkId || String(object.value ?? '').trim() === '';
    return Object.values(object).every((value) => String(value ?? '').trim() === '');
  }
  return false;
}
