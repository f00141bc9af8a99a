import { formatMessage } from '../i18n/format';
import type { MessageKey } from '../i18n/message';
import type { MouSignatory } from './types';

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

/** "Clause 3 — Training" / "البند 3 — التدريب": the number, then the heading when there is one. */
export function clauseTitle(clause: { number: string; heading?: string }, language: Lang): string {
  const base = formatMessage(language, 'documents.label.clause', { number: clause.number });
  return clause.heading?.trim() ? `${base} — ${clause.heading.trim()}` : base;
}

/** Which languages a document shows, in reading order. */
export function documentLanguages(language: Lang | 'both'): Lang[] {
  return language === 'both' ? ['en', 'ar'] : [language];
}
