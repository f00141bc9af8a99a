import { z } from 'zod';

/**
 * What the document engine renders: one MOU draft at one version, already
 * resolved to display text (partner name, cited benchmarks as strings). It is
 * deliberately independent of the database tables so the engine can be built
 * and tested on its own; an adapter maps stored drafts/clauses/versions onto it.
 */

export const DOCUMENT_LANGUAGES = ['en', 'ar', 'both'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export const DOCUMENT_LAYOUTS = ['side-by-side', 'sequential'] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];

export const SIGNATORY_SIDES = ['us', 'partner'] as const;
export type SignatorySide = (typeof SIGNATORY_SIDES)[number];

/** Limits keep a hostile draft.json (from a signed file) from exhausting memory or the renderer. */
export const MOU_DOCUMENT_LIMITS = { text: 20_000, line: 500, clauses: 1_000, references: 50, parties: 20, signatories: 20 } as const;

const line = z.string().max(MOU_DOCUMENT_LIMITS.line);
const text = z.string().max(MOU_DOCUMENT_LIMITS.text);

export const mouClauseSchema = z.object({
  /** Stable id across versions (the clause record's id); redlines match on it when present. */
  id: z.string().max(100).optional(),
  /** Display number, e.g. "3" or "3.1". */
  number: z.string().min(1).max(20),
  /** Short heading shown after the number (one language, as the officer wrote it). */
  heading: line.optional(),
  en: text,
  ar: text,
  /** Cited benchmarks / check-in points, already formatted for display. */
  references: z.array(line).max(MOU_DOCUMENT_LIMITS.references).optional(),
});
export type MouClause = z.infer<typeof mouClauseSchema>;

export const mouSignatorySchema = z.object({
  name: line,
  title: line,
  organisation: line,
  side: z.enum(SIGNATORY_SIDES),
});
export type MouSignatory = z.infer<typeof mouSignatorySchema>;

export const mouDocumentSchema = z.object({
  /** The draft's record id: named in a signed file's comment. */
  draftId: z.string().min(1).max(100),
  title: z.object({ en: line.min(1), ar: line.optional() }),
  partnerName: line,
  parties: z.array(line).max(MOU_DOCUMENT_LIMITS.parties),
  clauses: z.array(mouClauseSchema).max(MOU_DOCUMENT_LIMITS.clauses),
  signatories: z.array(mouSignatorySchema).max(MOU_DOCUMENT_LIMITS.signatories),
  versionLabel: z.string().min(1).max(50),
  /** ISO date (YYYY-MM-DD) the version is dated. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Handling marking printed at the top and bottom of every page, e.g. "UNCLASSIFIED". */
  marking: z.string().min(1).max(100),
  language: z.enum(DOCUMENT_LANGUAGES),
  layout: z.enum(DOCUMENT_LAYOUTS),
});
export type MouDocument = z.infer<typeof mouDocumentSchema>;
