import { describe, expect, it } from 'vitest';
import { renderMouDocx, renderRedlineDocx } from '../../../main/documents/docx';
import { clauseTitle, documentLabel, documentLanguages, pageOf, redlineLine } from '../../../shared/documents/labels';
import { changedClauses, redlineClauses } from '../../../shared/documents/redline';
import type { MouDocument } from '../../../shared/documents/types';
import { sampleMou } from '../../unit/documents/fixtures';
import { acceptAll, footerNames, openDocx as readDocx, paragraphTexts, rejectAll } from './docxReader';

async function openDocx(bytes: Buffer) {
  return readDocx(bytes);
}

const paragraphs = (xml: string) => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];
const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The visible text of some WordprocessingML: w:t runs (deleted text, w:delText, is not visible). */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');
const paragraphWith = (xml: string, text: string) => paragraphs(xml).find((p) => textOf(p).includes(text) || p.includes(text));

describe('MOU as DOCX', () => {
  it('opens as a Word document whose Arabic clauses are right-to-left paragraphs with right-to-left runs', async () => {
    const document = sampleMou();
    const { names, xml } = await openDocx(await renderMouDocx(document));
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/header1.xml', 'word/footer1.xml']));
    const body = xml('word/document.xml');
    for (const clause of document.clauses) {
      const arabic = paragraphWith(body, clause.ar);
      expect(arabic, clause.ar).toBeDefined();
      expect(arabic).toMatch(/<w:bidi\/>/);
      expect(arabic).toMatch(/<w:rtl\/>/);
      expect(arabic).toMatch(/<w:lang w:bidi="ar-SA"\/>/);
      expect(textOf(arabic!)).toBe(clause.ar); // stored in logical order; Word shapes and orders it
      const english = paragraphWith(body, clause.en);
      expect(english).not.toMatch(/<w:bidi\/>/);
      expect(english).not.toMatch(/<w:rtl\/>/);
    }
  });

  it('puts the handling marking in the header and the footer, so it is on every page', async () => {
    const { xml } = await openDocx(await renderMouDocx(sampleMou()));
    expect(textOf(xml('word/header1.xml'))).toBe('SENSITIVE BUT UNCLASSIFIED');
    expect(textOf(xml('word/footer1.xml'))).toContain('SENSITIVE BUT UNCLASSIFIED');
    const body = xml('word/document.xml');
    expect(body).toMatch(/<w:headerReference w:type="default"/);
    expect(body).toMatch(/<w:footerReference w:type="default"/);
  });

  it.each([
    ['side by side', {}, [['en', 'ar']]],
    ['sequential', { layout: 'sequential' as const }, [['en', 'ar'], ['en'], ['ar'], ['en', 'ar']]],
    ['Arabic only', { language: 'ar' as const }, [['ar']]],
    ['English only', { language: 'en' as const }, [['en']]],
  ] as const)('numbers every page "Page X of Y" with PAGE and NUMPAGES fields in the language of the pages (%s)', async (_name, overrides, sections) => {
    const { names, xml } = await openDocx(await renderMouDocx(sampleMou(overrides)));
    const body = xml('word/document.xml');
    const footerIds = [...body.matchAll(/<w:footerReference w:type="default" r:id="([^"]+)"/g)].map((m) => m[1]!);
    expect(footerIds).toHaveLength(sections.length);
    const rels = xml('word/_rels/document.xml.rels');
    footerIds.forEach((id, index) => {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      const name = `word/${target[1] ?? target[2]}`;
      expect(names).toContain(name);
      const footer = xml(name);
      const fieldParagraphs = paragraphs(footer).filter((p) => p.includes('NUMPAGES'));
      expect(fieldParagraphs).toHaveLength(sections[index]!.length);
      fieldParagraphs.forEach((p, i) => {
        const lang = sections[index]![i]!;
        expect(p).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
        expect(p).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
        // The words around the fields are the catalog's, in that language and order.
        const [beforePage, between, afterPages] = pageOf(lang, '\uE000' as unknown as number, '\uE001' as unknown as number).split(/\uE000|\uE001/);
        const words = textOf(p);
        expect(words).toContain(`${beforePage}${between}${afterPages}`);
        if (lang === 'ar') expect(p).toMatch(/<w:bidi\/>/);
        else expect(p).not.toMatch(/<w:bidi\/>/);
      });
    });
  });

  it('justifies clause text: Arabic with kashidas (Justify Low), English by its spaces', async () => {
    const body = (await openDocx(await renderMouDocx(sampleMou()))).xml('word/document.xml');
    const clauseParagraphs = paragraphs(body).filter((p) => sampleMou().clauses.some((clause) => textOf(p) === clause.en || textOf(p) === clause.ar));
    const arabic = clauseParagraphs.filter((p) => /<w:bidi\/>/.test(p));
    const english = clauseParagraphs.filter((p) => !/<w:bidi\/>/.test(p));
    expect(arabic.length).toBe(sampleMou().clauses.length);
    expect(english.length).toBe(sampleMou().clauses.length);
    for (const p of arabic) expect(p).toMatch(/<w:jc w:val="lowKashida"\/>/);
    for (const p of english) expect(p).toMatch(/<w:jc w:val="both"\/>/);
  });

  it('keeps the version and the date apart in an Arabic footer: right-to-left marks bound each left-to-right piece', async () => {
    const { xml } = await openDocx(await renderMouDocx(sampleMou({ language: 'ar' })));
    const footer = textOf(xml('word/footer1.xml'));
    expect(footer).toContain('\u200f\u200ev3\u200e\u200f — 1 مارس 2026 — ');
    expect(footer).not.toMatch(/\d{4}-\d{2}-\d{2}/); // dates in the page's language, never ISO
  });

  it('writes the Arabic document in Arabic throughout, and points the redline arrow the way Arabic reads', async () => {
    const base = sampleMou();
    const document = sampleMou({ language: 'ar', clauses: base.clauses.map((clause) => ({ ...clause, heading: 'Data sharing', headingAr: 'تبادل البيانات', references: ['June joint review'], referencesAr: ['المراجعة المشتركة في يونيو'] })), versionLabel: 'Current draft', versionLabelAr: 'المسودة الحالية', partnerNameAr: 'الجمهورية التونسية', partiesAr: ['سفارة الولايات المتحدة الأمريكية', 'وزارة الداخلية التونسية'] });
    const body = textOf((await openDocx(await renderMouDocx(document))).xml('word/document.xml'));
    expect(body).not.toMatch(/Data sharing|Current draft|Republic of Tunisia|Name|Signature|June joint review/);
    expect(body).toContain('البند 1 — تبادل البيانات');
    // A cited check-in point by its Arabic title.
    expect(body).toContain('المراجع: المراجعة المشتركة في يونيو');
    expect(body).toContain('المكان');
    const redline = await openDocx(await renderRedlineDocx(document, { ...document, versionLabelAr: 'الإصدار 4' }, { author: 'Embassy', date: '2026-03-02T10:00:00Z' }));
    expect(textOf(redline.xml('word/document.xml'))).not.toMatch(/Data sharing|Current draft|Republic of Tunisia|Name|Signature|Changes/);
    // The line naming the two versions is the redline's comment, in Arabic with its arrow pointing the way Arabic reads.
    expect(textOf(redline.xml('word/comments.xml'))).toMatch(/المسودة الحالية[^→]*←[^→]*الإصدار 4/);
  });

  it('lays clauses side by side in a two-column table, or one language after the other', async () => {
    const side = (await openDocx(await renderMouDocx(sampleMou()))).xml('word/document.xml');
    expect(side).toMatch(/<w:tbl>/);
    const sequential = (await openDocx(await renderMouDocx(sampleMou({ layout: 'sequential' })))).xml('word/document.xml');
    expect(sequential).not.toMatch(/<w:tbl>/);
    // Each language starts a new section, hence a new page (with its own footer).
    expect(sequential.match(/<w:sectPr/g)?.length).toBeGreaterThanOrEqual(3);
    expect(sequential).not.toMatch(/<w:type w:val="(continuous|nextColumn)"\/>/);
    const text = textOf(sequential);
    expect(text.indexOf(sampleMou().clauses[2]!.en)).toBeLessThan(text.indexOf(sampleMou().clauses[0]!.ar));
  });

  it('keeps each clause heading with its text and each signature block on one page (keepNext), but holds no table row to the next', async () => {
    const document = sampleMou({ language: 'ar' });
    const body = (await openDocx(await renderMouDocx(document))).xml('word/document.xml');
    const keeps = (paragraph: string | undefined) => /<w:keepNext\/>/.test(paragraph ?? '') && /<w:keepLines\/>/.test(paragraph ?? '');
    for (const clause of document.clauses) {
      expect(keeps(paragraphWith(body, clauseTitle(clause, 'ar'))), clauseTitle(clause, 'ar')).toBe(true);
      expect(keeps(paragraphWith(body, clause.ar)), 'a clause text keeps nothing with the next clause').toBe(false);
    }
    // A block's lines down to the place are kept with the next; the date line ends it, so blocks may part.
    const blocks = paragraphs(body).filter((p) => /(?:التوقيع|الاسم|المنصب|الجهة|المكان|التاريخ): /.test(textOf(p)));
    expect(blocks).toHaveLength(document.signatories.length * 6);
    blocks.forEach((p, index) => expect(keeps(p), textOf(p)).toBe(index % 6 !== 5));
    expect(keeps(paragraphWith(body, documentLabel('ar', 'signatures')))).toBe(true);
    // Side by side, heading and text share a cell: keepNext there would chain the rows and push the table to a page of its own.
    const side = (await openDocx(await renderMouDocx(sampleMou()))).xml('word/document.xml');
    const table = side.slice(side.indexOf('<w:tbl>'), side.indexOf('</w:tbl>'));
    expect(table).not.toMatch(/<w:keepNext\/>/);
  });

  it('writes only the chosen language', async () => {
    const english = textOf((await openDocx(await renderMouDocx(sampleMou({ language: 'en' })))).xml('word/document.xml'));
    expect(english).toContain(sampleMou().clauses[0]!.en);
    expect(english).not.toContain(sampleMou().clauses[0]!.ar);
    const arabic = (await openDocx(await renderMouDocx(sampleMou({ language: 'ar' })))).xml('word/document.xml');
    expect(textOf(arabic)).not.toContain(sampleMou().clauses[0]!.en);
    expect(textOf(arabic)).toContain('البند 1');
  });

  it('writes a redline as tracked changes: exactly the changed words (clauses, headings and front matter), and accepting them yields the new version', async () => {
    const before = sampleMou();
    const after: MouDocument = {
      ...sampleMou({ versionLabel: 'v4', date: '2026-04-01' }),
      clauses: [
        before.clauses[0]!,
        { ...before.clauses[1]!, en: before.clauses[1]!.en.replace('4 times', '6 times'), ar: before.clauses[1]!.ar.replace('٤', '٦') },
        { id: 'c4', number: '3', en: 'Each Party shall bear its own costs.', ar: 'يتحمل كل طرف تكاليفه.' },
      ],
    };
    const body = (await openDocx(await renderRedlineDocx(before, after, { author: 'Embassy Tunis', date: '2026-04-01T10:00:00Z' }))).xml('word/document.xml');
    const inserted = [...body.matchAll(/<w:ins [^>]*w:author="Embassy Tunis"[^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => textOf(m[1]!));
    const deleted = [...body.matchAll(/<w:del [^>]*>([\s\S]*?)<\/w:del>/g)].map((m) => [...m[1]!.matchAll(/<w:delText[^>]*>([^<]*)<\/w:delText>/g)].map((d) => d[1]).join(''));
    const expected = changedClauses(redlineClauses(before.clauses, after.clauses));
    const expectedInserted = expected.flatMap((c) => [...c.en, ...c.ar].filter((s) => s.op === 'insert').map((s) => s.text));
    const expectedDeleted = expected.flatMap((c) => [...c.en, ...c.ar].filter((s) => s.op === 'delete').map((s) => s.text));
    // Besides the clause texts: the version and date on the front page, and the headings of the clause removed and the one added.
    expect(inserted.sort()).toEqual([...expectedInserted, 'v4', 'v4', 'Apr', 'أبريل', 'Clause 3', 'البند 3'].sort());
    expect(deleted.sort()).toEqual([...expectedDeleted, 'v3', 'v3', 'Mar', 'مارس', 'Clause 3', 'البند 3'].sort());
    expect(inserted).toEqual(expect.arrayContaining(['6', '٦', 'Each Party shall bear its own costs.']));
    expect(deleted).toEqual(expect.arrayContaining(['4', '٤', before.clauses[2]!.en]));

    // Accept all: drop deletions, keep insertions. Every clause of the new version reads as written.
    const accepted = textOf(body.replace(/<w:del [^>]*>[\s\S]*?<\/w:del>/g, ''));
    for (const clause of after.clauses) {
      expect(accepted).toContain(clause.en);
      expect(accepted).toContain(clause.ar);
    }
    expect(accepted).not.toContain(before.clauses[2]!.en);
  });

  /** Two versions that differ in every way a draft can: text, numbers, headings, references, clauses added and removed (first, middle, last), front matter, parties and signatories. */
  function versionPair(overrides: Partial<MouDocument>): [MouDocument, MouDocument] {
    const before = sampleMou({ ...overrides, titlePage: true, clauses: [...sampleMou().clauses, { id: 'c9', number: '4', heading: 'Costs', headingAr: 'التكاليف', en: 'Costs shall be shared.', ar: 'تُقتسم التكاليف.' }] });
    const [c1, c2, c3] = before.clauses;
    const after: MouDocument = {
      ...before,
      title: { en: 'Memorandum of Understanding on Border and Customs Cooperation', ar: 'مذكرة تفاهم بشأن التعاون في الحدود والجمارك' },
      versionLabel: 'v4',
      versionLabelAr: 'الإصدار 4',
      date: '2026-04-01',
      parties: [...before.parties, 'Customs Directorate'],
      partiesAr: ['سفارة الولايات المتحدة الأمريكية', 'وزارة الداخلية التونسية', 'الإدارة العامة للديوانة'],
      clauses: [
        { ...c2!, number: '1', heading: 'Meetings', headingAr: 'الاجتماعات', en: c2!.en.replace('4 times', '6 times'), ar: c2!.ar.replace('٤', '٦'), references: undefined },
        { id: 'c5', number: '2', heading: 'Training', headingAr: 'التدريب', en: 'The Parties shall train officers together.', ar: 'يدرّب الطرفان الضباط معًا.' },
        { ...c3!, number: '3', references: ['Check-in: June 2026'] },
        { id: 'c6', number: '4', en: 'Each Party shall bear its own costs.', ar: 'يتحمل كل طرف تكاليفه.' },
      ],
      signatories: [{ ...before.signatories[0]!, name: 'John Doe', nameAr: 'جون دو' }],
    };
    expect(c1).toBeDefined();
    return [before, after];
  }

  it.each([
    ['English', { language: 'en' as const }],
    ['Arabic', { language: 'ar' as const }],
    ['both, side by side', {}],
    ['both, one after the other', { layout: 'sequential' as const }],
  ])('redline (%s): Accept All gives exactly the new version, Reject All exactly the old, body and footers', async (_name, overrides) => {
    const [before, after] = versionPair(overrides);
    const redline = await readDocx(await renderRedlineDocx(before, after, { author: 'Embassy Tunis', date: '2026-04-01T10:00:00Z' }));
    const newer = await readDocx(await renderMouDocx(after));
    const older = await readDocx(await renderMouDocx(before));
    const body = redline.xml('word/document.xml');
    expect(body).toMatch(/<w:ins /);
    expect(body).toMatch(/<w:del /);
    expect(acceptAll(body)).toEqual(paragraphTexts(newer.xml('word/document.xml')));
    expect(rejectAll(body)).toEqual(paragraphTexts(older.xml('word/document.xml')));
    // The redline shows more than either version: its tracked changes are all there is to tell them apart.
    expect(paragraphTexts(body)).not.toEqual(paragraphTexts(newer.xml('word/document.xml')));
    const footers = footerNames(redline);
    expect(footers).toEqual(footerNames(newer));
    footers.forEach((name, index) => {
      expect(acceptAll(redline.xml(name))).toEqual(paragraphTexts(newer.xml(footerNames(newer)[index]!)));
      expect(rejectAll(redline.xml(name))).toEqual(paragraphTexts(older.xml(footerNames(older)[index]!)));
    });
    // No badge, heading or "changes from" line as plain text: the explanation is a comment (and a document property).
    const plainText = textOf(body.replace(/<w:ins [^>]*>[\s\S]*?<\/w:ins>/g, ''));
    for (const lang of ['en', 'ar'] as const) {
      for (const word of ['redline', 'added', 'removed', 'changed'] as const) expect(plainText).not.toContain(documentLabel(lang, word));
    }
    const comments = textOf(redline.xml('word/comments.xml'));
    for (const lang of documentLanguages(after.language)) expect(comments).toContain(redlineLine(before, after, lang).replace(/[\u200e\u200f]/g, ''));
    expect(redline.xml('docProps/core.xml')).toContain(documentLabel(documentLanguages(after.language)[0]!, 'redline'));
  });
});
