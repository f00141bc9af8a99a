import { formatDate, formatDateTime, formatMessage, nameIn } from '../i18n/format';
import type { MessageKey } from '../i18n/message';
import type { MouClause, MouDocument, MouSignatory } from './types';

type Lang = 'en' | 'ar';

/** The fixed words of a rendered MOU (shared by the HTML, PDF and DOCX renderers): catalog keys, rendered in the document's language. */
const LABEL_KEYS = {
  memorandum: 'documents.label.memorandum',
  partner: 'documents.label.partner',
  parties: 'documents.label.parties',
  clauses: 'documents.label.clauses',
  references: 'documents.label.references',
  signatures: 'documents.label.signatures',
  signature: 'documents.label.signature',
  name: 'documents.label.name',
  title: 'documents.label.title',
  organisation: 'documents.label.organisation',
  date: 'documents.label.date',
  version: 'documents.label.version',
  page: 'documents.label.page',
  redline: 'documents.label.redline',
  added: 'documents.label.added',
  removed: 'documents.label.removed',
  changed: 'documents.label.changed',
  place: 'documents.label.place',
} as const satisfies Record<string, MessageKey>;

export type DocumentLabel = keyof typeof LABEL_KEYS;

/** One fixed word of a rendered MOU in one language. */
export function documentLabel(language: Lang, label: DocumentLabel): string {
  return formatMessage(language, LABEL_KEYS[label]);
}

/** "Page 2 of 5" / "صفحة 2 من 5". */
export function pageOf(language: Lang, page: number, pages: number): string {
  return formatMessage(language, 'documents.label.pageOf', { page, pages });
}

export function sideLabel(side: MouSignatory['side'], language: Lang): string {
  return formatMessage(language, side === 'us' ? 'documents.label.forUs' : 'documents.label.forPartner');
}

/**
 * "Clause 3 — Training" / "البند 3 — التدريب": the number, then the heading
 * in that language when there is one (an Arabic text never shows the English
 * heading: without an Arabic one it reads "البند 3").
 */
export function clauseTitle(clause: { number: string; heading?: string; headingAr?: string }, language: Lang): string {
  const base = formatMessage(language, 'documents.label.clause', { number: clause.number });
  const heading = (language === 'ar' ? clause.headingAr : clause.heading)?.trim();
  return heading ? `${base} — ${heading}` : base;
}

const or = (value: string | undefined, fallback: string) => (value?.trim() ? value.trim() : fallback);

/** The partner nation's name in a language (the English name when no Arabic one was written). */
export function partnerNameIn(document: Pick<MouDocument, 'partnerName' | 'partnerNameAr'>, language: Lang): string {
  return nameIn(language, document.partnerName, document.partnerNameAr);
}

/** Between the items of a list in running text: Arabic has its own semicolon. */
export const listSeparator = (language: Lang): string => (language === 'ar' ? '؛ ' : '; ');

/** A clause's cited records in a language, in order (an Arabic title where the record has one). */
export function referencesIn(clause: Pick<MouClause, 'references' | 'referencesAr'>, language: Lang): string[] {
  const references = clause.references ?? [];
  return language === 'ar' ? references.map((reference, index) => or(clause.referencesAr?.[index], reference)) : references;
}

/** The parties in a language, in order. */
export function partiesIn(document: Pick<MouDocument, 'parties' | 'partiesAr'>, language: Lang): string[] {
  return language === 'ar' ? document.parties.map((party, index) => or(document.partiesAr?.[index], party)) : document.parties;
}

/** The version's label in a language. */
export function versionLabelIn(document: Pick<MouDocument, 'versionLabel' | 'versionLabelAr'>, language: Lang): string {
  return language === 'ar' ? or(document.versionLabelAr, document.versionLabel) : document.versionLabel;
}

/** A signatory's name, title and organisation in a language. */
export function signatoryIn(signatory: MouSignatory, language: Lang): { name: string; title: string; organisation: string } {
  if (language === 'en') return { name: signatory.name, title: signatory.title, organisation: signatory.organisation };
  return { name: or(signatory.nameAr, signatory.name), title: or(signatory.titleAr, signatory.title), organisation: or(signatory.organisationAr, signatory.organisation) };
}

/** Which languages a document shows, in reading order. */
export function documentLanguages(language: Lang | 'both'): Lang[] {
  return language === 'both' ? ['en', 'ar'] : [language];
}

/** The closing formula above the signature blocks, in a language ('' when the MOU has none). */
export function closingFormula(document: Pick<MouDocument, 'closingFormula'>, language: Lang): string {
  const formula = document.closingFormula ?? 'equallyAuthentic';
  if (formula === 'none') return '';
  return formatMessage(language, formula === 'englishPrevails' ? 'documents.closing.englishPrevails' : 'documents.closing.equallyAuthentic');
}

/** "Signed by Jane Smith (Embassy Tunis) on 2 Mar 2026, 14:05": who signed a signed file, and when, in full. */
export function signedByLine(document: Pick<MouDocument, 'signed'>, language: Lang): string {
  if (!document.signed) return '';
  return formatMessage(language, 'documents.label.signedBy', { name: document.signed.by, post: document.signed.post, at: formatDateTime(language, document.signed.at) });
}

/** A date inside a document, in the page's language ("1 Mar 2026" / "1 مارس 2026"), never an ISO date. */
export function documentDate(language: Lang, iso: string): string {
  return formatDate(language, iso);
}

/** "From → to" in reading direction: in Arabic the arrow points left, the way the text reads. */
export const redlineArrow = (language: Lang) => (language === 'ar' ? '←' : '→');

/**
 * "Changes from version v3 (1 Mar 2026) → v4 (1 Apr 2026)": what a redline
 * compares. `isolate` keeps a left-to-right label in its order inside Arabic
 * (each format has its own way).
 */
export function redlineLine(before: Pick<MouDocument, 'versionLabel' | 'versionLabelAr' | 'date'>, after: Pick<MouDocument, 'versionLabel' | 'versionLabelAr' | 'date'>, language: Lang, isolate: (text: string) => string = (text) => text): string {
  const side = (document: typeof before) => `${isolate(versionLabelIn(document, language))} (${documentDate(language, document.date)})`;
  return `${documentLabel(language, 'redline')} ${side(before)} ${redlineArrow(language)} ${side(after)}`;
}
