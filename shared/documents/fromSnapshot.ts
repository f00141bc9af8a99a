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
  /** ISO date the version is dated (YYYY-MM-DD). */
  date: string;
  partnerName: string;
  marking: string;
  language: DocumentLanguage;
  layout: DocumentLayout;
  /** Display text of a cited record, or undefined when it no longer exists. */
  referenceName(kind: 'benchmark' | 'checkIn' | 'objective', id: string): string | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value == null ? '' : String(value));

export function mouDocumentFromSnapshot(snapshot: SnapshotForDocument, options: DocumentOptions): MouDocument {
  const cite = (kind: 'benchmark' | 'checkIn' | 'objective', ids: string[]) => ids.map((id) => options.referenceName(kind, id) ?? '(deleted)');
  const clauses = [...snapshot.clauses]
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
    .map((clause) => {
      const references = [...cite('benchmark', clause.benchmarkIds), ...cite('checkIn', clause.checkInIds), ...cite('objective', clause.objectiveIds)];
      return {
        id: clause.id,
        number: String(clause.position),
        ...(clause.heading ? { heading: clause.heading } : {}),
        en: clause.textEn,
        ar: clause.textAr,
        ...(references.length ? { references } : {}),
      };
    });
  const signatories = [...snapshot.signatories]
    .sort((a, b) => Number(a.signingOrder ?? 0) - Number(b.signingOrder ?? 0))
    .map((signatory): MouSignatory => ({
      name: text(signatory.name),
      title: text(signatory.title),
      organisation: text(signatory.organisation),
      side: signatory.side === 'partner' ? 'partner' : 'us',
    }));
  return {
    draftId: options.draftId,
    title: { en: text(snapshot.draft.title), ...(text(snapshot.draft.titleAr) ? { ar: text(snapshot.draft.titleAr) } : {}) },
    partnerName: options.partnerName,
    parties: Array.isArray(snapshot.draft.parties) ? snapshot.draft.parties.map(text) : [],
    clauses,
    signatories,
    versionLabel: options.versionLabel,
    date: options.date,
    marking: options.marking,
    language: options.language,
    layout: options.layout,
  };
}
