import { execFileSync } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMouDocx } from '../../../main/documents/docx';
import { clauseTitle, documentLabel, pageOf, sideLabel, signatoryIn, type DocumentLabel } from '../../../shared/documents/labels';
import type { MouDocument } from '../../../shared/documents/types';
import { tempDirectory } from '../../helpers';
import { longMou } from '../../unit/documents/fixtures';

/**
 * The DOCX as a reader sees it once a word processor has laid out its pages:
 * LibreOffice (headless) converts it to PDF, and pdftotext reads each page
 * back. What the DOCX tests check in the XML (a header and footer marking,
 * PAGE and NUMPAGES fields, right-to-left Arabic paragraphs) is checked here
 * on the pages: the fields resolved to numbers, the marking at the top and
 * bottom of every page, the Arabic in logical order. LibreOffice is not on
 * every machine (CI need not have it): without `soffice` the suite is skipped.
 */

/** Whether `soffice` is an executable on PATH (looked up, not run: starting LibreOffice takes seconds). */
const hasSoffice = (process.env.PATH ?? '').split(delimiter).some((folder) => {
  try {
    accessSync(join(folder, 'soffice'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

const MARKING = 'SENSITIVE BUT UNCLASSIFIED';
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const normalise = (text: string) => text.normalize('NFKC').replace(BIDI_CONTROLS, '');
/**
 * LibreOffice (7.4) justifies Arabic lines with kashidas, and its PDF export
 * gives each kashida glyph it inserts no Unicode of its own: pdftotext reads
 * whatever Latin letter the glyph's code is ("المتفFFق", "المشMMترك"). Latin
 * letters between Arabic letters are dropped before comparing; an Arabic
 * letter missing or out of place still fails.
 */
const withoutKashidaGlyphs = (text: string) => text.replace(/(?<=[\p{Script=Arabic}\p{M}])[A-Za-z]+(?=[\p{Script=Arabic}\p{M}])/gu, '');
/** Letters and digits only: poppler puts a mark raised off the baseline apart from its letter, so marks are not compared. */
const lettersAndDigits = (text: string) => withoutKashidaGlyphs(normalise(text)).replace(/[\s\p{M}\p{P}]/gu, '');
/** A line's words as a sorted list: on a left-to-right page poppler gives a mixed line in visual order. */
const wordsOf = (line: string) => (withoutKashidaGlyphs(normalise(line)).match(/\p{L}+|\p{N}+/gu) ?? []).sort();
const containsAll = (words: string[], wanted: string[]) => {
  const left = [...words];
  return wanted.every((word) => {
    const at = left.indexOf(word);
    if (at >= 0) left.splice(at, 1);
    return at >= 0;
  });
};

const pdftotext = (path: string, page?: number) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), path, '-'], { encoding: 'utf8' });
const pageCount = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
const linesOf = (text: string) => normalise(text).split('\n').map((line) => line.trim()).filter(Boolean);
/**
 * The words on a page's topmost and bottommost lines, by position (pdftotext
 * -bbox): in reading order poppler may put a short line of a table's second
 * column after the footer.
 */
function edgeLines(path: string, page: number): { top: string; bottom: string } {
  const bbox = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-'], { encoding: 'utf8' });
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, x, top, bottom, text]) => ({ x: Number(x), top: Number(top), bottom: Number(bottom), text: normalise(text!) }));
  const lineAt = (inLine: (word: (typeof words)[number]) => boolean) => words.filter(inLine).sort((a, b) => a.x - b.x).map((word) => word.text).join(' ');
  const first = Math.min(...words.map((word) => word.top));
  const last = Math.max(...words.map((word) => word.bottom));
  // A word belongs to the edge line when it overlaps the edge word's line box.
  const firstBottom = Math.min(...words.filter((word) => word.top === first).map((word) => word.bottom));
  const lastTop = Math.max(...words.filter((word) => word.bottom === last).map((word) => word.top));
  return { top: lineAt((word) => word.top < firstBottom), bottom: lineAt((word) => word.bottom > lastTop) };
}

function withHeadings(document: MouDocument): MouDocument {
  return { ...document, clauses: document.clauses.map((clause, index) => (index === 0 ? { ...clause, heading: 'Purpose', headingAr: 'الغرض' } : clause)) };
}

describe.skipIf(!hasSoffice)(`MOU DOCX laid out by LibreOffice${hasSoffice ? '' : ' (skipped: LibreOffice is not installed, no soffice on PATH)'}`, () => {
  const bilingual = withHeadings(longMou(12));
  const arabic = withHeadings(longMou(12, { language: 'ar', layout: 'sequential' }));
  let temp: ReturnType<typeof tempDirectory>;
  const pdfs = { bilingual: '', arabic: '' };
  afterAll(() => temp?.remove());

  beforeAll(async () => {
    temp = tempDirectory('accord-docx-lo-');
    pdfs.bilingual = join(temp.path, 'bilingual.pdf');
    pdfs.arabic = join(temp.path, 'arabic.pdf');
    writeFileSync(join(temp.path, 'bilingual.docx'), await renderMouDocx(bilingual));
    writeFileSync(join(temp.path, 'arabic.docx'), await renderMouDocx(arabic));
    // A profile of its own: two runs at once (or a LibreOffice the user has open) would otherwise share one and collide.
    const profile = `file://${join(temp.path, 'profile')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', temp.path, join(temp.path, 'bilingual.docx'), join(temp.path, 'arabic.docx')], { stdio: 'ignore', timeout: 240_000 });
  }, 300_000);

  it.each(['bilingual', 'arabic'] as const)('prints the handling marking at the top and the bottom of every page (%s)', (name) => {
    const pages = pageCount(pdfs[name]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const { top, bottom } = edgeLines(pdfs[name], page);
      expect(top, `top of page ${page}`).toBe(MARKING);
      expect(bottom, `bottom of page ${page}`).toBe(MARKING);
    }
  });

  it('resolves "Page X of Y" to the page and the page count on every page, in English and in Arabic (bilingual)', () => {
    const pages = pageCount(pdfs.bilingual);
    for (let page = 1; page <= pages; page++) {
      const lines = linesOf(pdftotext(pdfs.bilingual, page));
      expect(lines.some((line) => line.endsWith(pageOf('en', page, pages))), `English footer of page ${page}`).toBe(true);
      expect(lines.some((line) => containsAll(wordsOf(line), wordsOf(pageOf('ar', page, pages)))), `Arabic footer of page ${page}`).toBe(true);
    }
  });

  it('resolves "Page X of Y" in Arabic on every page of the Arabic text, and writes no English one', () => {
    const pages = pageCount(pdfs.arabic);
    for (let page = 1; page <= pages; page++) {
      const text = pdftotext(pdfs.arabic, page);
      expect(lettersAndDigits(text), `page ${page}`).toContain(lettersAndDigits(pageOf('ar', page, pages)));
      expect(text).not.toMatch(/Page \d+ of \d+/);
    }
  });

  it('gives the Arabic clauses in logical order, every letter and digit as written, with their headings', () => {
    // Header and footer lines come between pages; without them a clause broken across a page reads as one.
    const body = linesOf(pdftotext(pdfs.arabic)).filter((line) => line !== MARKING && !lettersAndDigits(line).includes(lettersAndDigits('صفحة')));
    const text = lettersAndDigits(body.join('\n'));
    for (const clause of arabic.clauses) {
      expect(text).toContain(lettersAndDigits(clause.ar));
      expect(text).toContain(lettersAndDigits(clauseTitle(clause, 'ar')));
    }
    expect(text).toContain(lettersAndDigits('البند 1 — الغرض'));
    expect(text).not.toMatch(/Clause|Purpose/);
  });

  it('keeps each Arabic clause heading on the page of its text, and each signature block on one page', () => {
    const pages = Array.from({ length: pageCount(pdfs.arabic) }, (_, index) => lettersAndDigits(pdftotext(pdfs.arabic, index + 1)));
    const onOnePage = (lines: string[]) => pages.some((page) => page.includes(lettersAndDigits(lines.join('\n'))));
    for (const clause of arabic.clauses) {
      const heading = clauseTitle(clause, 'ar');
      expect(onOnePage([heading, clause.ar.split(' ').slice(0, 3).join(' ')]), heading).toBe(true);
    }
    const label = (key: DocumentLabel) => `${documentLabel('ar', key)}:`;
    for (const signatory of arabic.signatories) {
      const { name, title, organisation } = signatoryIn(signatory, 'ar');
      const block = [sideLabel(signatory.side, 'ar'), label('signature'), `${label('name')} ${name}`, `${label('title')} ${title}`, `${label('organisation')} ${organisation}`, label('place'), label('date')];
      expect(onOnePage(block), sideLabel(signatory.side, 'ar')).toBe(true);
    }
  });

  it('puts each clause heading in both languages side by side, every English word and every Arabic letter on the pages (bilingual)', () => {
    const lines = linesOf(pdftotext(pdfs.bilingual));
    const words = wordsOf(lines.join('\n'));
    // On a left-to-right page a kashida's stray Latin letter splits an Arabic line into runs that poppler orders visually,
    // so the Arabic words of a justified line do not come back whole: their letters are counted here, and the Arabic-only
    // document above checks the words and their order.
    const arabicLetters = (text: string) => (withoutKashidaGlyphs(normalise(text)).match(/\p{Script=Arabic}/gu) ?? []).filter((char) => /\p{L}/u.test(char));
    expect(containsAll(arabicLetters(lines.join('\n')), bilingual.clauses.flatMap((clause) => arabicLetters(clause.ar)))).toBe(true);
    for (const clause of bilingual.clauses) {
      const english = clauseTitle(clause, 'en');
      // LibreOffice draws a table row's cells as lines of their own: the Arabic heading is the line after the English one.
      const at = lines.findIndex((line) => line === english);
      expect(at, english).toBeGreaterThanOrEqual(0);
      expect(lines.slice(at + 1, at + 3).some((line) => containsAll(wordsOf(line), wordsOf(clauseTitle(clause, 'ar')))), clauseTitle(clause, 'ar')).toBe(true);
      expect(containsAll(words, wordsOf(clause.en)), clause.en).toBe(true);
    }
    expect(lines).toContain('Clause 1 — Purpose');
  });
});
