import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderMouDocx, renderRedlineDocx } from '../../../main/documents/docx';
import { pageOf } from '../../../shared/documents/labels';
import { changedClauses, redlineClauses } from '../../../shared/documents/redline';
import type { MouDocument } from '../../../shared/documents/types';
import { sampleMou } from '../../unit/documents/fixtures';

/** Reads a DOCX back the way any DOCX reader does: unzip, then the WordprocessingML parts. */
async function openDocx(bytes: Buffer) {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = (name: string) => new TextDecoder().decode(files[name]);
  return { names: Object.keys(files), xml };
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

  it('keeps the version and the date apart in an Arabic footer: right-to-left marks bound each left-to-right piece', async () => {
    const { xml } = await openDocx(await renderMouDocx(sampleMou({ language: 'ar' })));
    const footer = textOf(xml('word/footer1.xml'));
    expect(footer).toContain('\u200f\u200ev3\u200e\u200f — \u200f\u200e2026-03-01\u200e\u200f');
  });

  it('writes the Arabic document in Arabic throughout, and points the redline arrow the way Arabic reads', async () => {
    const base = sampleMou();
    const document = sampleMou({ language: 'ar', clauses: base.clauses.map((clause) => ({ ...clause, heading: 'Data sharing', headingAr: 'تبادل البيانات' })), versionLabel: 'Current draft', versionLabelAr: 'المسودة الحالية', partnerNameAr: 'الجمهورية التونسية', partiesAr: ['سفارة الولايات المتحدة الأمريكية', 'وزارة الداخلية التونسية'] });
    const body = textOf((await openDocx(await renderMouDocx(document))).xml('word/document.xml'));
    expect(body).not.toMatch(/Data sharing|Current draft|Republic of Tunisia|Name|Signature/);
    expect(body).toContain('البند 1 — تبادل البيانات');
    expect(body).toContain('المكان');
    const redline = textOf((await openDocx(await renderRedlineDocx(document, { ...document, versionLabelAr: 'الإصدار 4' }, { author: 'Embassy', date: '2026-03-02T10:00:00Z' }))).xml('word/document.xml'));
    expect(redline).toMatch(/المسودة الحالية[^→]*←[^→]*الإصدار 4/);
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

  it('writes only the chosen language', async () => {
    const english = textOf((await openDocx(await renderMouDocx(sampleMou({ language: 'en' })))).xml('word/document.xml'));
    expect(english).toContain(sampleMou().clauses[0]!.en);
    expect(english).not.toContain(sampleMou().clauses[0]!.ar);
    const arabic = (await openDocx(await renderMouDocx(sampleMou({ language: 'ar' })))).xml('word/document.xml');
    expect(textOf(arabic)).not.toContain(sampleMou().clauses[0]!.en);
    expect(textOf(arabic)).toContain('البند 1');
  });

  it('writes a redline as tracked changes: exactly the changed words, and accepting them yields the new version', async () => {
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
    expect(inserted.sort()).toEqual(expectedInserted.sort());
    expect(deleted.sort()).toEqual(expectedDeleted.sort());
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
});
