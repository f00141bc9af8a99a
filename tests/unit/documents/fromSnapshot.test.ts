import { describe, expect, it } from 'vitest';
import { mouDocumentFromSnapshot } from '../../../shared/documents/fromSnapshot';
import { referencesIn } from '../../../shared/documents/labels';
import { mouDocumentSchema } from '../../../shared/documents/types';

describe('saved MOU version to document input', () => {
  it('orders clauses and signatories, resolves cited records, and reads a deleted one as "(deleted)"', () => {
    const document = mouDocumentFromSnapshot(
      {
        draft: { title: 'MOU on Border Security', parties: ['Embassy', 'وزارة الداخلية'] },
        clauses: [
          { id: 'c2', position: 2, heading: 'Meetings', textEn: 'Meet quarterly.', textAr: 'الاجتماع كل ثلاثة أشهر.', benchmarkIds: ['b1', 'gone'], checkInIds: ['k1'], objectiveIds: [] },
          { id: 'c1', position: 1, heading: '', textEn: 'Purpose.', textAr: 'الغرض.', benchmarkIds: [], checkInIds: [], objectiveIds: [] },
        ],
        signatories: [
          { name: 'أحمد', title: 'وزير', organisation: 'وزارة الداخلية', side: 'partner', signingOrder: 2 },
          { name: 'Jane Smith', title: 'Ambassador', organisation: 'Embassy', side: 'us', signingOrder: 1 },
        ],
      },
      {
        draftId: 'd1',
        versionLabel: 'Version 3',
        date: '2026-03-01',
        partnerName: 'Tunisia',
        marking: 'UNCLASSIFIED',
        language: 'both',
        layout: 'side-by-side',
        referenceName: (kind, id) => (({ 'benchmark:b1': { en: 'B-1 Crossings processed' }, 'checkIn:k1': { en: 'Q1 review', ar: 'مراجعة الربع الأول' } }) as Record<string, { en: string; ar?: string }>)[`${kind}:${id}`],
      },
    );
    expect(mouDocumentSchema.parse(document)).toEqual(document);
    expect(document.clauses.map((c) => [c.number, c.heading ?? null, c.references ?? null])).toEqual([
      ['1', null, null],
      ['2', 'Meetings', ['B-1 Crossings processed', '(deleted)', 'Q1 review']],
    ]);
    // The Arabic text cites a check-in point by its Arabic title, and the records that have none by their English one.
    expect(referencesIn(document.clauses[1]!, 'ar')).toEqual(['B-1 Crossings processed', '(deleted)', 'مراجعة الربع الأول']);
    expect(referencesIn(document.clauses[1]!, 'en')).toEqual(['B-1 Crossings processed', '(deleted)', 'Q1 review']);
    expect(document.signatories.map((s) => s.side)).toEqual(['us', 'partner']);
    expect(document.parties).toEqual(['Embassy', 'وزارة الداخلية']);
  });
});
