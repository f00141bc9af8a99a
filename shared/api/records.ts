import { z } from 'zod';
import { recordId } from '../domain/common';
import { RECORD_TYPE_NAMES, recordTypes } from '../records/registry';
import { inputSchema } from '../records/spec';
import type { MethodGroup } from './types';

/**
 * The planning model's generic API: every record type declared in
 * shared/records/registry.ts is listed, read, created, edited, deleted,
 * searched and audited through these methods.
 */

export const recordTypeName = z.enum(RECORD_TYPE_NAMES);

/** create/update input: the record type picks the schema its values must pass. */
const valuesByType = z.discriminatedUnion(
  'type',
  recordTypes.map((spec) => z.object({ type: z.literal(spec.name), values: inputSchema(spec) })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<string>; values: z.ZodType<Record<string, unknown>> }>,
    ...z.ZodObject<{ type: z.ZodLiteral<string>; values: z.ZodType<Record<string, unknown>> }>[],
  ],
);

/** A stored record: its fields by name, plus what every record has. */
export const recordRow = z
  .object({ id: z.string(), createdAt: z.string(), updatedAt: z.string(), title: z.string() })
  .catchall(z.unknown());
export type RecordRow = z.infer<typeof recordRow>;

/** A link between two records, seen from one of them. */
export const recordLink = z.object({
  type: recordTypeName,
  id: z.string(),
  title: z.string(),
  /** Its Arabic title, where its type has one and it is filled in (a partner's nameAr, a project's titleAr). */
  titleAr: z.string().optional(),
  field: z.string(),
  /** The linked record does not exist here (deleted, or not yet arrived from another post): show it as "(deleted)". */
  missing: z.boolean().optional(),
});
export type RecordLink = z.infer<typeof recordLink>;

const fieldFilterValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  postId: z.string(),
  postName: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  /** field -> [before, after] */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  /** The change arrived in a sync bundle (its SHA-256); postId/postName are then the post that sent it. */
  importedFromBundle: z.string().optional(),
  /** The change came from a spreadsheet import: the file's name and SHA-256. */
  importedFromSheet: z.object({ file: z.string(), sha256: z.string() }).optional(),
  /**
   * The officer who made the change (at this post, or at the post that sent it), as that post named them;
   * null for changes made before officers existed, or sent by a post that does not name them.
   * A DOCX tracked change's author is this name (else the post's).
   */
  officerId: z.string().nullable().default(null),
  officerName: z.string().nullable().default(null),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/**
 * Which records a list shows and in what order, without the page: what the list page holds, pages through
 * (records.list adds limit and offset) and hands to anything that works on the same rows (an export).
 */
export const recordListQuery = z.object({
  type: recordTypeName,
  /** Text search within this type's searchable fields. */
  search: z.string().trim().max(200).default(''),
  /** Equality filters on fields, e.g. { partnerId: '…', status: 'active' }. */
  filter: z.record(z.string().max(60), fieldFilterValue).default({}),
  /** The order, decided by the database (ties broken by id, so pages never overlap); by title when absent. */
  sort: z.object({ field: z.string().max(60), direction: z.enum(['asc', 'desc']).default('asc') }).optional(),
  /** Count, per row, the records of `type` whose ref `field` points at it (a partner's MOU drafts), as row.counts["type.field"]. */
  countIn: z.array(z.object({ type: recordTypeName, field: z.string().max(60) })).max(5).default([]),
});
export type RecordListQuery = z.input<typeof recordListQuery>;

export const recordsMethods = {
  'records.list': {
    /** One page of the list: `offset` rows in, at most `limit` of them; `total` is the number of all matching records. */
    input: recordListQuery.extend({
      limit: z.number().int().min(1).max(50_000).default(500),
      offset: z.number().int().min(0).default(0),
      /** Only these records (a page's link titles that its loaded choices lack). */
      ids: z.array(recordId).max(500).optional(),
    }),
    output: z.object({ rows: z.array(recordRow), total: z.number().int() }),
  },
  'records.get': {
    input: z.object({ type: recordTypeName, id: recordId }),
    output: z.object({
      record: recordRow,
      /** Records this one points at (its ref and refList fields). */
      linksOut: z.array(recordLink),
      /** Records that point at this one: a benchmark shows the clauses and check-in points citing it. */
      linksIn: z.array(recordLink),
      /** Catalog messages (encoded as issueMessage) the detail page shows: the registry's warnings, e.g. a meeting that decides resources with no resource manager. */
      warnings: z.array(z.string()).optional(),
    }),
  },
  'records.create': { input: valuesByType, output: recordRow },
  'records.update': {
    input: z.intersection(valuesByType, z.object({ id: recordId })),
    output: recordRow,
  },
  'records.delete': {
    input: z.object({ type: recordTypeName, id: recordId }),
    output: z.object({ id: z.string() }),
  },
  'records.audit': {
    input: z.object({ type: recordTypeName, id: recordId }),
    output: z.array(auditEntry),
  },
  'search.global': {
    input: z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(z.object({ type: recordTypeName, id: z.string(), title: z.string(), titleAr: z.string().optional(), snippet: z.string() })),
  },
  'overview.partner': {
    input: z.object({ partnerId: recordId, today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    output: z.object({
      partner: recordRow,
      upcomingCheckIns: z.array(recordRow),
      overdueCheckIns: z.array(recordRow),
      /** Benchmarks by the rating of their latest assessed check-in (not_rated when none). */
      benchmarkStatus: z.object({ on_track: z.number(), at_risk: z.number(), off_track: z.number(), not_rated: z.number() }),
      openActionItems: z.array(recordRow),
      /**
       * Budget deadlines from today on (the partner's and post-wide ones) and the check-in points not yet
       * assessed that fall due after the deadline but within the fiscal year it budgets for (ending 30 September):
       * their assessments will be late for that decision.
       */
      readiness: z.array(z.object({ deadline: recordRow, lateCheckIns: z.array(recordRow) })),
      /** Meetings that decide resources with no resource manager attending. */
      meetingsWithoutResourceManager: z.array(recordRow),
    }),
  },
} as const satisfies MethodGroup;
