import { z } from 'zod';
import { issueMessage, type MessageKey } from '../i18n/message';
import { recordId } from '../domain/common';

/**
 * The planning model as data. Each record type is declared once here, in
 * shared/, and everything else derives from the declaration: the zod schema
 * the gate and the forms validate with, the SQL columns and the sync
 * declaration (db/), the generic list, form and detail pages (renderer/),
 * search, dump and seed. A new record type is a new declaration plus its
 * migration.
 */

interface FieldBase {
  /** camelCase; the SQL column is its snake_case form. Its label is the catalog key records.field.<type>.<name>. */
  name: string;
  required?: boolean;
  /** Shown in list views. */
  list?: boolean;
  /** Included in global search. */
  searchable?: boolean;
}

export type FieldSpec =
  | (FieldBase & {
      kind: 'text';
      max: number;
      unique?: boolean;
      /** Stored in capitals (country and currency codes). */
      upperCase?: boolean;
      /** A non-empty value must match (it then bounds the length instead of max). */
      pattern?: { regex: RegExp; message: string };
    })
  | (FieldBase & { kind: 'longText'; max: number; dir?: 'rtl' | 'ltr' })
  /** Option labels: records.option.<optionSet>.<value>, or records.option.<type>.<field>.<value> without a shared set. */
  | (FieldBase & { kind: 'enum'; options: readonly string[]; optionSet?: string; default?: string })
  | (FieldBase & { kind: 'date' }) // ISO yyyy-mm-dd
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'integer'; min?: number; max?: number })
  /** Integer minor units (cents); the currency lives in another field. */
  | (FieldBase & { kind: 'money' })
  /** A link to one record of `to`. */
  | (FieldBase & {
      kind: 'ref';
      to: string;
      /** Message when the link is empty (default required). */
      requiredMessage?: string;
      /** Message when the linked record does not exist (default validation.recordNotFound). */
      notFoundMessage?: MessageKey;
    })
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

/**
 * A warning a record's page shows: the record has `when`, and none of the records linked through `noneLinked.field`
 * (a ref, refList or JSON item link) has `noneLinked.where`.
 */
export interface RecordWarning {
  message: MessageKey;
  when: { field: string; equals: string | number | boolean };
  noneLinked: { field: string; where: { field: string; equals: string | number | boolean } };
}

export interface RecordTypeSpec {
  /** API and route name, camelCase plural: 'benchmarks'. Labels: records.type.<name>.one / .many. */
  name: string;
  /** SQL table. */
  table: string;
  /** The field that names a record in lists, links and search results. */
  titleField: string;
  fields: readonly FieldSpec[];
  rules?: readonly CrossFieldRule[];
  /** Allowed transitions of an enum field: from -> allowed next values. */
  transitions?: { field: string; allowed: Record<string, readonly string[]> };
  /** Deleting is refused while records of these types point at this one (through a ref or a refList field). */
  restrictDeleteBy?: readonly { type: string; field: string }[];
  /**
   * While `field` holds one of `values`, the record is locked: only the `editable` fields may change. `message` says so
   * (params: title, and status, the locking value).
   */
  lock?: { field: string; values: readonly string[]; editable?: readonly string[]; message: MessageKey };
  /** A ref field: this record is locked (no create, edit or delete) while the record it points at is locked. */
  lockedBy?: string;
  warnings?: readonly RecordWarning[];
  /**
   * Value fields typed by a unit (shared/results/values.ts): the record's own `unitField`, or with `ref` the unit of
   * the record that ref points at (a measured value by its benchmark's unit). A value must read as the unit (checked
   * on every local write and every incoming change; `message` is the field issue) and is stored in its canonical
   * form ("72 %" -> "72", "Yes" -> "yes").
   */
  typedBy?: { ref?: string; unitField: string; fields: readonly string[]; message: MessageKey };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The zod schema for one field's input value. Optional fields accept '' / null / absent. */
export function fieldSchema(field: FieldSpec): z.ZodType {
  switch (field.kind) {
    case 'text':
    case 'longText': {
      if (field.kind === 'text' && field.pattern) {
        const { regex, message } = field.pattern;
        const text = z.string({ error: issueMessage('validation.invalid') }).trim();
        const checked = (field.upperCase ? text.toUpperCase() : text).refine((value) => value === '' || regex.test(value), message);
        return field.required ? checked.refine((value) => value !== '', issueMessage('validation.required')) : checked.default('');
      }
      const base = z.string({ error: issueMessage('validation.invalid') }).trim().max(field.max, issueMessage('validation.tooLong', { max: field.max }));
      return field.required ? base.min(1, issueMessage('validation.required')) : base.default('');
    }
    case 'enum': {
      const base = z.enum(field.options as [string, ...string[]], { error: issueMessage('validation.invalidChoice') });
      return field.default !== undefined ? base.default(field.default) : base;
    }
    case 'date': {
      const base = z
        .string({ error: issueMessage('validation.invalidDate') })
        .trim()
        .refine((text) => text === '' || (ISO_DATE.test(text) && isRealDate(text)), issueMessage('validation.invalidDate'));
      return field.required ? base.refine((text) => text !== '', issueMessage('validation.required')) : base.default('');
    }
    case 'boolean':
      return z.boolean({ error: issueMessage('validation.invalid') }).default(false);
    case 'integer': {
      let base = z.number({ error: issueMessage('validation.invalidNumber') }).int(issueMessage('validation.invalidNumber'));
      if (field.min !== undefined) base = base.min(field.min, issueMessage('validation.tooSmall', { min: field.min }));
      if (field.max !== undefined) base = base.max(field.max, issueMessage('validation.tooLarge', { max: field.max }));
      return field.required ? base : base.nullable().default(null);
    }
    case 'money': {
      const base = z.number({ error: issueMessage('validation.invalidNumber') }).int(issueMessage('validation.invalidNumber')).min(0, issueMessage('validation.tooSmall', { min: 0 })).max(Number.MAX_SAFE_INTEGER, issueMessage('validation.invalidNumber'));
      return field.required ? base : base.nullable().default(null);
    }
    case 'ref': {
      const empty = field.requiredMessage ?? issueMessage('validation.required');
      return field.required
        ? z.string({ error: empty }).min(1, empty).pipe(recordId)
        : z.union([z.literal(''), z.null(), recordId]).transform((value) => value || null).default(null);
    }
    case 'refList':
      return z
        .array(recordId)
        .max(field.max ?? 200, issueMessage('validation.tooMany', { max: field.max ?? 200 }))
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

/** Built once per record type: zod compiles each schema on its first parse, and a sync import checks every row it touches. */
const inputSchemas = new WeakMap<RecordTypeSpec, ReturnType<typeof buildInputSchema>>();

/** The input schema of a record type: every field, then the cross-field rules. */
export function inputSchema(spec: RecordTypeSpec) {
  let schema = inputSchemas.get(spec);
  if (!schema) inputSchemas.set(spec, (schema = buildInputSchema(spec)));
  return schema;
}

function buildInputSchema(spec: RecordTypeSpec) {
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
