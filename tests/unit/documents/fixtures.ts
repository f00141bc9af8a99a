import type { MouClause, MouDocument } from '../../../shared/documents/types';

/** A small bilingual MOU as an officer would write it. */
export function sampleMou(overrides: Partial<MouDocument> = {}): MouDocument {
  return {
    draftId: '01890a5d-ac96-774b-bcce-b302099a8057',
    title: { en: 'Memorandum of Understanding on Border Security Cooperation', ar: 'مذكرة تفاهم بشأن التعاون في أمن الحدود' },
    partnerName: 'Republic of Tunisia',
    parties: ['Embassy of the United States of America', 'Ministry of Interior of the Republic of Tunisia'],
    clauses: sampleClauses(),
    signatories: [
      { name: 'Jane Smith', title: 'Ambassador', organisation: 'Embassy of the United States of America', side: 'us' },
      { name: 'أحمد بن علي', title: 'وزير الداخلية', organisation: 'وزارة الداخلية', side: 'partner' },
    ],
    versionLabel: 'v3',
    date: '2026-03-01',
    marking: 'SENSITIVE BUT UNCLASSIFIED',
    language: 'both',
    layout: 'side-by-side',
    ...overrides,
  };
}

export function sampleClauses(): MouClause[] {
  return [
    {
      id: 'c1',
      number: '1',
      en: 'The Parties shall establish a joint working group on border security.',
      ar: 'يُنشئ الطرفان فريق عمل مشتركًا معنيًا بأمن الحدود.',
    },
    {
      id: 'c2',
      number: '2',
      en: 'The working group shall meet at least 4 times a year, beginning on 1 March 2026.',
      ar: 'يجتمع فريق العمل ٤ مرات على الأقل في السنة، ابتداءً من ١ مارس ٢٠٢٦.',
      references: ['Benchmark B-1: crossings processed within 30 minutes'],
    },
    {
      id: 'c3',
      number: '3',
      en: 'Progress shall be assessed jointly at each check-in point.',
      ar: 'يُقيَّم التقدم بشكل مشترك عند كل نقطة مراجعة.',
    },
  ];
}

/** A long bilingual MOU (for the benchmark and for multi-page rendering). */
export function longMou(clauseCount: number, overrides: Partial<MouDocument> = {}): MouDocument {
  const clauses: MouClause[] = [];
  for (let i = 1; i <= clauseCount; i++) {
    clauses.push({
      id: `clause-${i}`,
      number: String(i),
      en: `Clause ${i}: The Parties shall cooperate on training, equipment and joint assessment of border crossings, and shall report progress against the agreed benchmarks no later than 30 days after each check-in point.`,
      ar: `البند ${i}: يتعاون الطرفان في مجالات التدريب والمعدات والتقييم المشترك لمعابر الحدود، ويقدمان تقريرًا عن التقدم المحرز مقابل المعايير المتفق عليها في موعد لا يتجاوز 30 يومًا بعد كل نقطة مراجعة.`,
    });
  }
  return sampleMou({ clauses, ...overrides });
}
