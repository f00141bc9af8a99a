import { z } from 'zod';
import { recordId } from '../domain/common';
import { issueMessage } from '../i18n/message';
import type { MethodGroup } from './types';

/**
 * Saved versions of an MOU draft: a snapshot of the draft, its clauses and its
 * signatories, numbered per draft, and a clause-by-clause comparison of any two
 * (or of one with the draft as it is now, 'current').
 */

export const mouVersionInfo = z.object({
  /** The saved version's id, or 'current' for the draft as it is now. */
  id: z.string(),
  mouId: z.string(),
  /** 1, 2, 3… per draft; 0 for 'current'. */
  number: z.number().int(),
  label: z.string(),
  savedAt: z.string(),
  savedBy: z.string(),
  savedByName: z.string(),
  /** The officer who saved it (null: saved before officers existed, or the current draft). */
  savedByOfficer: z.string().nullable().optional(),
});
export type MouVersionInfo = z.infer<typeof mouVersionInfo>;

export const clauseSnapshot = z.object({
  id: z.string(),
  position: z.number().int(),
  heading: z.string(),
  /** Absent in versions saved before clauses had Arabic headings. */
  headingAr: z.string().optional(),
  textEn: z.string(),
  textAr: z.string(),
  benchmarkIds: z.array(z.string()),
  checkInIds: z.array(z.string()),
  objectiveIds: z.array(z.string()),
});
export type ClauseSnapshot = z.infer<typeof clauseSnapshot>;

const diffSegment = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

export const clauseComparison = z.object({
  clauseId: z.string(),
  change: z.enum(['added', 'removed', 'changed', 'unchanged']),
  before: clauseSnapshot.optional(),
  after: clauseSnapshot.optional(),
  numberChanged: z.boolean(),
  headingChanged: z.boolean(),
  /** The cited benchmarks, check-in points or objectives differ. */
  referencesChanged: z.boolean(),
  /** Word-level redline of the English and Arabic texts (shared/documents/redline.ts). */
  en: z.array(diffSegment),
  ar: z.array(diffSegment),
});
export type ClauseComparison = z.infer<typeof clauseComparison>;

const versionRef = z.union([z.literal('current'), recordId]);

export const mouVersionsMethods = {
  'mou.versions.save': {
    input: z.object({ mouId: recordId, label: z.string().trim().max(100, issueMessage('validation.tooLong', { max: 100 })).default('') }),
    output: mouVersionInfo,
  },
  'mou.versions.list': {
    input: z.object({ mouId: recordId }),
    output: z.array(mouVersionInfo),
  },
  'mou.versions.compare': {
    input: z.object({ mouId: recordId, from: versionRef, to: versionRef }),
    output: z.object({
      from: mouVersionInfo,
      to: mouVersionInfo,
      /** Draft fields (title, status, parties…) that differ: field -> [from, to]. */
      draftChanges: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
      /** Every clause in reading order of `to`, removed ones where they stood in `from`; matched by clause id. */
      clauses: z.array(clauseComparison),
    }),
  },
} as const satisfies MethodGroup;
