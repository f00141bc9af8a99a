import { formatMessage } from '../i18n/format';
import { fieldLabelKey } from '../records/labels';
import { recordType } from '../records/registry';
import { normalizeLabel } from './cells';

/**
 * The suggested column -> field mapping: a header that names a field (its English or Arabic label, its code name
 * in any case or spacing) maps to it; 'id' (or Accord's own "Id" column) maps to the record's id; anything else
 * to nothing. Saved mappings are keyed by headersKey so the next file with the same headers gets them again.
 */
export function suggestMapping(type: string, headers: readonly string[]): Record<string, string> {
  const spec = recordType(type);
  const names = new Map<string, string>([
    ['id', 'id'],
    ['المعرف', 'id'],
  ]);
  for (const field of spec.fields) {
    names.set(normalizeLabel(field.name), field.name);
    names.set(normalizeLabel(field.name.replace(/[A-Z]/g, (letter) => ` ${letter}`)), field.name);
    for (const language of ['en', 'ar'] as const) names.set(normalizeLabel(formatMessage(language, fieldLabelKey(type, field.name))), field.name);
  }
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const target = names.get(normalizeLabel(header.replace(/\s*\*$/, '')));
    mapping[header] = target && !used.has(target) ? target : '';
    if (target) used.add(target);
  }
  return mapping;
}

/** The headers of a file as one key (order and case do not matter), for saved mappings. */
export function headersKey(headers: readonly string[]): string {
  return JSON.stringify([...headers].map((header) => normalizeLabel(header)).sort());
}
