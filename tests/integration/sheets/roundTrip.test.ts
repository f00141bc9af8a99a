import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { collectChanges } from '../../../db/sync/changes';
import { parseXlsx } from '../../../main/sheets/xlsx';
import { writeXlsx } from '../../../main/sheets/xlsxWrite';
import { recordType, RECORD_TYPE_NAMES } from '../../../shared/records/registry';
import { columnName, type FieldSpec } from '../../../shared/records/spec';
import { NATURAL_KEYS } from '../../../shared/sheets/keys';
import { callOk, useFreshApp } from '../../helpers';

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Result = { rows: { row: number; status: string; id?: string; changed?: string[]; issues?: unknown[] }[]; counts: Record<string, number>; applied: boolean };

/** A free-text field of the type that no key, link or uniqueness depends on (else a date): the cell an officer edits. */
function editableField(type: string): FieldSpec | undefined {
  const spec = recordType(type);
  const keyed = new Set((NATURAL_KEYS as Record<string, readonly (readonly string[])[]>)[type]!.flat());
  const free = (field: FieldSpec) => !keyed.has(field.name) && field.name !== spec.titleField;
  return (
    spec.fields.find((field) => free(field) && !field.required && (field.kind === 'longText' || (field.kind === 'text' && !field.pattern && !field.unique && !field.upperCase))) ??
    spec.fields.find((field) => free(field) && field.kind === 'date')
  );
}

/** The edited cell: text with a note added, or another date. */
function editedValue(field: FieldSpec, before: string, language: string): string {
  if (field.kind === 'date') return before === '2030-01-15' ? '2030-01-16' : '2030-01-15';
  const max = field.kind === 'text' || field.kind === 'longText' ? field.max : 200;
  return `Edited (${language}) ${before}`.trim().slice(0, max).trim();
}

describe('spreadsheet round trip, per record type', () => {
  it('export -> edit one cell -> import changes exactly that cell, audited with the file and its SHA-256, and it travels', async () => {
    await callOk(app, 'seed.run', { size: 'small', seed: 7 });
    const tried: string[] = [];
    for (const type of RECORD_TYPE_NAMES) {
      const field = editableField(type);
      expect(field, `${type} has a free-text field to edit`).toBeDefined();
      for (const language of ['en', 'ar'] as const) {
        const exported = await callOk<{ bytes: Uint8Array; fileName: string; rows: number }>(app, 'sheets.export', { type, format: 'xlsx', language });
        if (exported.rows === 0) continue;
        const table = parseXlsx(exported.bytes).table;
        // The export writes an id column, then every field in the registry's order.
        const column = recordType(type).fields.findIndex((candidate) => candidate.name === field!.name) + 1;
        expect(column, `${type}: ${field!.name} is exported`).toBeGreaterThan(0);
        const fileName = `${type}-${language}.xlsx`;
        // The first row an officer may edit: a signed MOU (and what belongs to it) is locked, and the preview says so.
        let edit: { bytes: Uint8Array; before: string; after: string; mapping: Record<string, string> } | undefined;
        for (let index = 0; index < table.rows.length && !edit; index++) {
          const edited = table.rows.map((line) => [...line.cells]);
          const before = String(edited[index]![column] ?? '');
          const after = editedValue(field!, before, language);
          edited[index]![column] = after;
          const bytes = writeXlsx([{ name: 'Edited', rows: [table.headers, ...edited] }]);
          const { mapping } = await callOk<{ mapping: Record<string, string> }>(app, 'sheets.inspect', { bytes, fileName, type });
          expect(Object.values(mapping), `${type} ${language}: every exported column maps back`).not.toContain('');
          const preview = await callOk<Result>(app, 'sheets.preview', { bytes, fileName, type, mapping });
          const locked = preview.rows.some((row) => row.status === 'error' && JSON.stringify(row).includes('validation.recordLocked'));
          if (!locked) edit = { bytes, before, after, mapping };
        }
        expect(edit, `${type} ${language}: a row that is not locked`).toBeDefined();
        const { bytes, before, after, mapping } = edit!;
        const result = await callOk<Result>(app, 'sheets.apply', { bytes, fileName, type, mapping });
        expect(result.counts, `${type} ${language}: ${JSON.stringify(result.rows.filter((row) => row.status !== 'unchanged').slice(0, 3))}`).toEqual({ new: 0, updated: 1, unchanged: exported.rows - 1, error: 0 });
        const updated = result.rows.find((row) => row.status === 'updated')!;
        expect(updated.changed, `${type} ${language}`).toEqual([field!.name]);
        const audit = await callOk<{ action: string; changes: Record<string, unknown>; importedFromSheet?: unknown }[]>(app, 'records.audit', { type, id: updated.id });
        expect(audit.at(-1)).toMatchObject({ action: 'update', changes: { [field!.name]: [before, after] }, importedFromSheet: { file: fileName, sha256: createHash('sha256').update(bytes).digest('hex') } });
        const table_ = recordType(type).table;
        const travels = collectChanges(app.context.store.db, null).filter(([changedTable, rowId, changedColumn]) => changedTable === table_ && rowId === updated.id && changedColumn === columnName(field!.name));
        expect(travels.at(-1)?.[3], `${type} ${language}: the edit is in the change log the next bundle carries`).toBe(after);
        tried.push(`${type}/${language}`);
      }
    }
    // The small seed fills every type.
    expect(tried).toHaveLength(RECORD_TYPE_NAMES.length * 2);
  }, 600_000);
});
