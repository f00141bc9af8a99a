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
  /** The heading in Arabic; an Arabic text never shows the English one. */
  headingAr: line.optional(),
  en: text,
  ar: text,
  /** Cited benchmarks / check-in points, already formatted for display. */
  references: z.array(line).max(MOU_DOCUMENT_LIMITS.references).optional(),
  /** The same in Arabic, in the order of `references` (an empty entry falls back to the English). */
  referencesAr: z.array(line).max(MOU_DOCUMENT_LIMITS.references).optional(),
});
export type MouClause = z.infer<typeof mouClauseSchema>;

export const mouSignatorySchema = z.object({
  name: line,
  title: line,
  organisation: line,
  /** The same in Arabic, for the Arabic signature block (each falls back to the English when empty). */
  nameAr: line.optional(),
  titleAr: line.optional(),
  organisationAr: line.optional(),
  side: z.enum(SIGNATORY_SIDES),
});
export type MouSignatory = z.infer<typeof mouSignatorySchema>;

export const mouDocumentSchema = z.object({
  /** The draft's record id: named in a signed file's comment. */
  draftId: z.string().min(1).max(100),
  title: z.object({ en: line.min(1), ar: line.optional() }),
  partnerName: line,
  partnerNameAr: line.optional(),
  parties: z.array(line).max(MOU_DOCUMENT_LIMITS.parties),
  /** The parties in Arabic, in the order of `parties` (an empty entry falls back to the English). */
  partiesAr: z.array(line).max(MOU_DOCUMENT_LIMITS.parties).optional(),
  clauses: z.array(mouClauseSchema).max(MOU_DOCUMENT_LIMITS.clauses),
  signatories: z.array(mouSignatorySchema).max(MOU_DOCUMENT_LIMITS.signatories),
  versionLabel: z.string().min(1).max(50),
  versionLabelAr: z.string().min(1).max(50).optional(),
  /** ISO date (YYYY-MM-DD) the version is dated. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Handling marking printed at the top and bottom of every page, e.g. "UNCLASSIFIED". */
  marking: z.string().min(1).max(100),
  language: z.enum(DOCUMENT_LANGUAGES),
  layout: z.enum(DOCUMENT_LAYOUTS),
  /** The closing formula of the signature page, chosen per MOU (absent: both texts equally authentic). */
  closingFormula: z.enum(['equallyAuthentic', 'englishPrevails', 'none']).optional(),
  /** Starts with a title page (the title, partner and version alone on the first page): a per-export choice. */
  titlePage: z.boolean().optional(),
  /** Set on a signed export: the human signer, the post, and when (ISO timestamp). */
  signed: z.object({ by: line, post: line, at: z.string().max(40) }).optional(),
});
export type MouDocument = z.infer<typeof mouDocumentSchema>;
