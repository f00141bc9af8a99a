import { z } from 'zod';
import { msg } from '../messages';
import { recordId } from '../domain/common';

/**
 * The planning model as data. Each record type is declared once here, in
 * shared/, and everything else derives from the declaration: the zod schema
 * the gate and the forms validate with, the SQL columns and the sync
 * declaration (db/), the generic list, form and detail pages (renderer/),
 * search, dump and seed. A new record type is a new declaration plus its
 * migration.
 */

export type Bilingual = { en: string; ar: string };

interface FieldBase {
  /** camelCase; the SQL column is its snake_case form. */
  name: string;
  label: Bilingual;
  required?: boolean;
  /** Shown in list views. */
  list?: boolean;
  /** Included in global search. */
  searchable?: boolean;
  help?: Bilingual;
  /**
   * The zod schema this field validates with, when a foundation schema already
   * defines it (partners, MOU drafts): one rule, used by both the old and the
   * generic API. Absent: derived from the kind.
   */
  schema?: z.ZodType;
}

export type FieldSpec =
  | (FieldBase & { kind: 'text'; max: number; unique?: boolean })
  | (FieldBase & { kind: 'longText'; max: number; dir?: 'rtl' | 'ltr' })
  | (FieldBase & { kind: 'enum'; options: readonly string[]; optionLabels: Record<string, Bilingual>; default?: string })
  | (FieldBase & { kind: 'date' }) // ISO yyyy-mm-dd
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'integer'; min?: number; max?: number })
  /** Integer minor units (cents); the currency lives in another field. */
  | (FieldBase & { kind: 'money' })
  /** A link to one record of `to`. */
  | (FieldBase & { kind: 'ref'; to: string; /** Message key when the linked record does not exist (default recordNotFound). */ notFoundMessage?: string })
  /** Links to several records of `to`, stored as a JSON array of ids. */
  | (FieldBase & { kind: 'refList'; to: string; max?: number })
  /** Structured data validated by its own schema, stored as JSON. */
  | (FieldBase & {
      kind: 'json';
      schema: z.ZodType;
      /** Links held inside the items of a JSON array (e.g. attendees' personId): checked on write, shown as links both ways. */
      itemRefs?: readonly { key: string; to: string }[];
    });

export type FieldKind = FieldSpec['kind'];

/** A rule across fields, e.g. a target date not before its baseline date. */
export interface CrossFieldRule {
  /** The field the message is shown at. */
  field: string;
  message: string;
  holds(values: Record<string, unknown>): boolean;
}

export interface RecordTypeSpec {
  /** API and route name, camelCase plural: 'benchmarks'. */
  name: string;
  /** SQL table. */
  table: string;
  label: { one: Bilingual; many: Bilingual };
  /** The field that names a record in lists, links and search results. */
  titleField: string;
  fields: readonly FieldSpec[];
  rules?: readonly CrossFieldRule[];
  /** Allowed transitions of an enum field: from -> allowed next values. */
  transitions?: { field: string; allowed: Record<string, readonly string[]> };
  /** Deleting is refused while records of these types point at this one (through a ref or a refList field). */
  restrictDeleteBy?: readonly { type: string; field: string }[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The zod schema for one field's input value. Optional fields accept '' / null / absent. */
export function fieldSchema(field: FieldSpec): z.ZodType {
  if (field.schema) return field.schema;
  switch (field.kind) {
    case 'text':
    case 'longText': {
      const base = z.string({ error: msg('invalid') }).trim().max(field.max, msg('tooLong', field.max));
      return field.required ? base.min(1, msg('required')) : base.default('');
    }
    case 'enum': {
      const base = z.enum(field.options as [string, ...string[]], { error: msg('invalidChoice') });
      return field.default !== undefined ? base.default(field.default) : base;
    }
    case 'date': {
      const base = z
        .string({ error: msg('invalidDate') })
        .trim()
        .refine((text) => text === '' || (ISO_DATE.test(text) && isRealDate(text)), msg('invalidDate'));
      return field.required ? base.refine((text) => text !== '', msg('required')) : base.default('');
    }
    case 'boolean':
      return z.boolean({ error: msg('invalid') }).default(false);
    case 'integer': {
      let base = z.number({ error: msg('invalidNumber') }).int(msg('invalidNumber'));
      if (field.min !== undefined) base = base.min(field.min, msg('tooSmall', field.min));
      if (field.max !== undefined) base = base.max(field.max, msg('tooLarge', field.max));
      return field.required ? base : base.nullable().default(null);
    }
    case 'money': {
      const base = z.number({ error: msg('invalidNumber') }).int(msg('invalidNumber')).min(0, msg('tooSmall', 0)).max(Number.MAX_SAFE_INTEGER, msg('invalidNumber'));
      return field.required ? base : base.nullable().default(null);
    }
    case 'ref': {
      const empty = msg('required');
      return field.required
        ? z.string({ error: empty }).min(1, empty).pipe(recordId)
        : z.union([z.literal(''), z.null(), recordId]).transform((value) => value || null).default(null);
    }
    case 'refList':
      return z
        .array(recordId)
        .max(field.max ?? 200, msg('tooMany', field.max ?? 200))
        .transform((ids) => [...new Set(ids)])
        .default([]);
    case 'json':
      return field.schema;
  }
}

/** Field name -> schema, for every field of a record type. */
export function fieldShape(spec: RecordTypeSpec): Record<string, z.ZodType> {
  return Object.fromEntries(spec.fields.map((field) => [field.name, fieldSchema(field)]));
}

/** The input schema of a record type: every field, then the cross-field rules. */
export function inputSchema(spec: RecordTypeSpec) {
  return z
    .object(fieldShape(spec))
    .strict()
    .superRefine((values, context) => {
      for (const rule of spec.rules ?? []) {
        if (!rule.holds(values)) context.addIssue({ code: 'custom', path: [rule.field], message: rule.message });
      }
    });
}

/** snake_case SQL column for a camelCase field. */
export function columnName(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
