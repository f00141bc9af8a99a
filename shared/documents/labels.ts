import type { MouSignatory } from './types';

/** The fixed words of a rendered MOU, in both languages (shared by the HTML, PDF and DOCX renderers). */
export const DOCUMENT_LABELS = {
  en: {
    memorandum: 'Memorandum of Understanding',
    partner: 'Partner nation',
    parties: 'Parties',
    clauses: 'Clauses',
    clause: 'Clause',
    references: 'References',
    signatures: 'Signatures',
    signature: 'Signature',
    name: 'Name',
    title: 'Title',
    organisation: 'Organisation',
    date: 'Date',
    version: 'Version',
    page: 'Page',
    of: 'of',
    forUs: 'For the United States of America',
    forPartner: 'For the partner',
    redline: 'Changes from version',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
  },
  ar: {
    memorandum: 'مذكرة تفاهم',
    partner: 'الدولة الشريكة',
    parties: 'الأطراف',
    clauses: 'البنود',
    clause: 'البند',
    references: 'المراجع',
    signatures: 'التوقيعات',
    signature: 'التوقيع',
    name: 'الاسم',
    title: 'المنصب',
    organisation: 'الجهة',
    date: 'التاريخ',
    version: 'الإصدار',
    page: 'صفحة',
    of: 'من',
    forUs: 'عن الولايات المتحدة الأمريكية',
    forPartner: 'عن الطرف الشريك',
    redline: 'التغييرات عن الإصدار',
    added: 'مضاف',
    removed: 'محذوف',
    changed: 'معدّل',
  },
} as const;

export type DocumentLabels = (typeof DOCUMENT_LABELS)['en'];

export function sideLabel(side: MouSignatory['side'], language: 'en' | 'ar'): string {
  return side === 'us' ? DOCUMENT_LABELS[language].forUs : DOCUMENT_LABELS[language].forPartner;
}

/** "Clause 3 — Training" / "البند 3 — التدريب": the number, then the heading when there is one. */
export function clauseTitle(clause: { number: string; heading?: string }, language: 'en' | 'ar'): string {
  const base = `${DOCUMENT_LABELS[language].clause} ${clause.number}`;
  return clause.heading?.trim() ? `${base} — ${clause.heading.trim()}` : base;
}

/** Which languages a document shows, in reading order. */
export function documentLanguages(language: 'en' | 'ar' | 'both'): ('en' | 'ar')[] {
  return language === 'both' ? ['en', 'ar'] : [language];
}
