import type { ClauseSnapshot } from '../api/mouVersions';
import type { DocumentLanguage, DocumentLayout, MouDocument, MouSignatory } from './types';

/**
 * A saved MOU version (or the current draft) as the document engine's input.
 * The snapshot is what db/repositories/mouVersions.ts stores; names of the
 * partner and of cited records are looked up by the caller (they may have
 * been deleted since: a missing one reads "(deleted)").
 */
export interface SnapshotForDocument {
  draft: Record<string, unknown>;
  clauses: ClauseSnapshot[];
  signatories: Record<string, unknown>[];
}

export interface DocumentOptions {
  draftId: string;
  versionLabel: string;
  versionLabelAr?: string;
  partnerNameAr?: string;
  /** ISO date the version is dated (YYYY-MM-DD). */
  date: string;
  partnerName: string;
  marking: string;
  language: DocumentLanguage;
  layout: DocumentLayout;
  /** Display text of a cited record (with its Arabic title where it has one), or undefined when it no longer exists. */
  referenceName(kind: 'benchmark' | 'checkIn' | 'objective', id: string): { en: string; ar?: string } | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));
const optional = <K extends string>(key: K, value: unknown) => (text(value).trim() ? ({ [key]: text(value) } as Record<K, string>) : {});

export function mouDocumentFromSnapshot(snapshot: SnapshotForDocument, options: DocumentOptions): MouDocument {
  const cite = (kind: 'benchmark' | 'checkIn' | 'objective', ids: string[]) => ids.map((id) => options.referenceName(kind, id) ?? { en: '(deleted)' });
  const clauses = [...snapshot.clauses]
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
    .map((clause) => {
      const cited = [...cite('benchmark', clause.benchmarkIds), ...cite('checkIn', clause.checkInIds), ...cite('objective', clause.objectiveIds)];
      const references = cited.map((name) => name.en);
      const referencesAr = cited.map((name) => text(name.ar).trim());
      return {
        id: clause.id,
        number: String(clause.position),
        ...(clause.heading ? { heading: clause.heading } : {}),
        ...(text((clause as { headingAr?: unknown }).headingAr) ? { headingAr: text((clause as { headingAr?: unknown }).headingAr) } : {}),
        en: clause.textEn,
        ar: clause.textAr,
        ...(references.length ? { references } : {}),
        ...(referencesAr.some(Boolean) ? { referencesAr } : {}),
      };
    });
  const signatories = [...snapshot.signatories]
    .sort((a, b) => Number(a.signingOrder ?? 0) - Number(b.signingOrder ?? 0))
    .map((signatory): MouSignatory => ({
      name: text(signatory.name),
      // The stored field is jobTitle (a record's 'title' is its display name); older snapshots may carry title.
      title: text(signatory.jobTitle ?? signatory.title),
      organisation: text(signatory.organisation),
      ...optional('nameAr', signatory.nameAr),
      ...optional('titleAr', signatory.jobTitleAr),
      ...optional('organisationAr', signatory.organisationAr),
      side: signatory.side === 'partner' ? 'partner' : 'us',
    }));
  return {
    draftId: options.draftId,
    title: { en: text(snapshot.draft.title), ...(text(snapshot.draft.titleAr) ? { ar: text(snapshot.draft.titleAr) } : {}) },
    partnerName: options.partnerName,
    ...optional('partnerNameAr', options.partnerNameAr),
    parties: Array.isArray(snapshot.draft.parties) ? snapshot.draft.parties.map(text) : [],
    ...(Array.isArray(snapshot.draft.partiesAr) && snapshot.draft.partiesAr.length ? { partiesAr: snapshot.draft.partiesAr.map(text) } : {}),
    clauses,
    signatories,
    versionLabel: options.versionLabel,
    ...(['equallyAuthentic', 'englishPrevails', 'none'].includes(text(snapshot.draft.closingFormula)) ? { closingFormula: text(snapshot.draft.closingFormula) as MouDocument['closingFormula'] } : {}),
    ...optional('versionLabelAr', options.versionLabelAr),
    date: options.date,
    marking: options.marking,
    language: options.language,
    layout: options.layout,
  };
}
