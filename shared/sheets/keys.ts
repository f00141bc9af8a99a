import type { RecordTypeName } from '../records/registry';

/**
 * How a row of a partner's spreadsheet finds the record it updates, per record type. A file exported from Accord
 * carries each record's id; a partner's file is matched by the first of these keys whose fields the row fills
 * (fields of the registry, links compared by id after they are read). A type with no key a partner could write
 * is still imported: its rows without an id are new records. Every record type must declare its keys here.
 */
export const NATURAL_KEYS = {
  partners: [['isoCode'], ['name']],
  sectorPriorities: [['partnerId', 'sector', 'programArea']],
  stakeholders: [['partnerId', 'name']],
  people: [['email'], ['stakeholderId', 'name']],
  objectives: [['code']],
  projects: [['partnerId', 'title']],
  benchmarks: [['code'], ['projectId', 'title']],
  checkIns: [['projectId', 'title', 'dueDate']],
  measurements: [['checkInId', 'benchmarkId']],
  benchmarkTargets: [['benchmarkId', 'date']],
  mouDrafts: [['partnerId', 'title']],
  mouClauses: [['mouId', 'position']],
  mouSignatories: [['mouId', 'signingOrder']],
  meetings: [['partnerId', 'title', 'date']],
  actionItems: [['meetingId', 'description']],
  resources: [['partnerId', 'title', 'fiscalYear']],
  budgetDeadlines: [['name', 'fiscalYear']],
  briefDeliveries: [['deadlineId', 'recipientId', 'deliveredOn']],
} as const satisfies Record<RecordTypeName, readonly (readonly string[])[]>;

/** Single-field keys a link cell may name a record by, besides its id and title (an objective's code, a person's e-mail). */
export function linkKeys(type: string): readonly string[] {
  const keys = (NATURAL_KEYS as Record<string, readonly (readonly string[])[]>)[type] ?? [];
  return keys.filter((key) => key.length === 1).map((key) => key[0]!);
}

/** The fields of the first key the row fills (a value other than '' / null / undefined), or null. */
export function keyOf(type: string, values: Record<string, unknown>): { fields: readonly string[]; values: unknown[] } | null {
  const keys = (NATURAL_KEYS as Record<string, readonly (readonly string[])[]>)[type] ?? [];
  for (const fields of keys) {
    const parts = fields.map((field) => values[field]);
    if (parts.every((part) => part !== '' && part !== null && part !== undefined)) return { fields, values: parts };
  }
  return null;
}

/** A key's values as one comparable string (text compared without case and surrounding space). */
export function keyString(values: readonly unknown[]): string {
  return JSON.stringify(values.map((value) => (typeof value === 'string' ? value.trim().toLowerCase() : value)));
}
