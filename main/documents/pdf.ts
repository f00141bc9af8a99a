import PDFDocument from 'pdfkit';
import { closingFormula, clauseTitle, documentDate, documentLabel, signedByLine, documentLanguages, pageOf, partiesIn, listSeparator, partnerNameIn, referencesIn, redlineArrow, redlineLine, sideLabel, signatoryIn, versionLabelIn, type DocumentLabel } from '../../shared/documents/labels';
import { containsArabic } from '../../shared/documents/text';
import { redlineClauses, type ClauseRedline, type DiffSegment } from '../../shared/documents/redline';
import type { MouClause, MouDocument } from '../../shared/documents/types';
import { DOCUMENT_FONTS, FALLBACK_FONTS } from './fonts';
import { drawLine, isolateLtr, layoutParagraph, mapLigaturesToPresentationForms, useFont, type LaidOutLine, type PieceStyle } from './pdfText';

/**
 * MOU draft to PDF (A4) for print: title, version and date, parties,
 * numbered clauses (English and Arabic side by side, or one language after
 * the other), signature blocks, and the handling marking at the top and
 * bottom of every page. Arabic is shaped by fontkit and ordered by
 * pdfText.ts; all text uses the embedded Amiri (a Naskh with a matching
 * Latin), DejaVu Sans drawing the few symbols Amiri lacks. Clause texts and
 * the closing formula are justified; lines are 1.55 times the font size, room
 * for the vowel marks above and below Arabic letters.
 */

type Doc = InstanceType<typeof PDFDocument>;
type Lang = 'en' | 'ar';

const setFont = (doc: Doc, bold?: boolean) => useFont(doc, bold ? DOCUMENT_FONTS.bold : DOCUMENT_FONTS.regular, bold ? FALLBACK_FONTS.bold : FALLBACK_FONTS.regular);

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 78, bottom: 84 };
const COLUMN_GAP = 20;
const SIZE = { title: 16, heading: 12, body: 10, small: 8.5, marking: 10 };
const LINE = 1.55; // line height as a multiple of the font size; Arabic needs room for marks

/** Plain text, or a redline's segments (inserted words underlined in green, deleted ones struck through in red). */
type Content = string | DiffSegment[];

const STYLE_OF: Record<DiffSegment['op'], number> = { equal: 0, insert: 1, delete: 2 };
const REDLINE_STYLES: Record<number, PieceStyle> = { 1: { color: '#05612a', decoration: 'underline' }, 2: { color: '#b00020', decoration: 'strike' } };

function flatten(content: Content): { text: string; styles?: number[] } {
  if (typeof content === 'string') return { text: content };
  const text = content.map((segment) => segment.text).join('');
  const styles = content.flatMap((segment) => Array.from({ length: segment.text.length }, () => STYLE_OF[segment.op]));
  return { text, styles };
}

interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

class PdfWriter {
  readonly doc: Doc;
  y = MARGIN.top;
  readonly left = MARGIN.left;
  readonly width = PAGE.width - MARGIN.left - MARGIN.right;
  private readonly bottom = PAGE.height - MARGIN.bottom;
  /** The languages being written now; each page remembers which it shows, so its footer speaks them. */
  languages: Lang[] = ['en'];
  readonly pageLanguages: Set<Lang>[] = [new Set()];

  constructor(doc: Doc) {
    this.doc = doc;
  }

  private style({ size, bold, color }: TextStyle): void {
    setFont(this.doc, bold);
    this.doc.fontSize(size).fillColor(color ?? '#000000');
  }

  layout(content: Content, width: number, rtl: boolean, style: TextStyle): LaidOutLine[] {
    this.style(style);
    const { text, styles } = flatten(content);
    return layoutParagraph(this.doc, text, width, rtl, styles);
  }

  /** Starts a new page when `height` does not fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.pageLanguages.push(new Set());
    this.y = MARGIN.top;
  }

  /** Notes that the current page shows the languages being written. */
  private drawn(): void {
    for (const lang of this.languages) this.pageLanguages[this.pageLanguages.length - 1]!.add(lang);
  }

  /** Writes with `languages` as the current ones, then restores the previous. */
  in<T>(languages: Lang[], write: () => T): T {
    const previous = this.languages;
    this.languages = languages;
    try {
      return write();
    } finally {
      this.languages = previous;
    }
  }

  gap(points: number): void {
    this.y += points;
  }

  /** A paragraph across the full width; it may flow onto the next page line by line. */
  paragraph(content: Content, style: TextStyle, options: { rtl?: boolean; align?: 'left' | 'right' | 'center'; justify?: boolean } = {}): void {
    const rtl = options.rtl ?? containsArabic(flatten(content).text);
    const lines = this.layout(content, this.width, rtl, style);
    const align = options.justify ? (rtl ? 'justify-right' : 'justify-left') : (options.align ?? (rtl ? 'right' : 'left'));
    const height = style.size * LINE;
    for (const line of lines) {
      this.ensure(height);
      this.drawn();
      this.style(style);
      drawLine(this.doc, line, this.left, this.width, this.y, align, REDLINE_STYLES);
      this.y += height;
    }
  }

  /**
   * Two columns read side by side (English left, Arabic right); rows are
   * drawn together so a long clause breaks across pages at the same line in
   * both columns.
   */
  columns(cells: { text: Content; rtl: boolean; style: TextStyle; justify?: boolean }[]): void {
    const columnWidth = (this.width - COLUMN_GAP * (cells.length - 1)) / cells.length;
    const laidOut = cells.map((cell) => ({ cell, lines: this.layout(cell.text, columnWidth, cell.rtl, cell.style) }));
    const rows = Math.max(...laidOut.map(({ lines }) => lines.length));
    const height = Math.max(...cells.map((cell) => cell.style.size)) * LINE;
    for (let row = 0; row < rows; row++) {
      this.ensure(height);
      this.drawn();
      laidOut.forEach(({ cell, lines }, index) => {
        const line = lines[row];
        if (!line) return;
        this.style(cell.style);
        const align = cell.justify ? (cell.rtl ? 'justify-right' : 'justify-left') : cell.rtl ? 'right' : 'left';
        drawLine(this.doc, line, this.left + index * (columnWidth + COLUMN_GAP), columnWidth, this.y, align, REDLINE_STYLES);
      });
      this.y += height;
    }
  }

  rule(): void {
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.5).strokeColor('#999999').stroke();
  }
}

const clauseHeading = (row: Pick<ClauseRow, 'clause' | 'number'>, lang: Lang) => clauseTitle(row.number ? { ...row.clause, number: row.number(lang) } : row.clause, lang);
const referencesLine = (clause: MouClause, lang: Lang) => (clause.references?.length ? `${documentLabel(lang, 'references')}: ${referencesIn(clause, lang).join(listSeparator(lang))}` : '');
const titleIn = (document: MouDocument, lang: Lang) => (lang === 'ar' ? document.title.ar || document.title.en : document.title.en);

/** A clause as one format shows it: its text (plain, or a redline's segments) and a badge after its heading. */
interface ClauseRow {
  clause: MouClause;
  text(lang: Lang): Content;
  badge(lang: Lang): string;
  /** The number as shown when it changed ("3 → 4"), in a language. */
  number?: (lang: Lang) => string;
}

/** "From → to" in reading direction: in Arabic the arrow points left, the way the text reads. */
const arrow = redlineArrow;

async function renderPdf(document: MouDocument, write: (writer: PdfWriter, languages: Lang[]) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 }, // the writer lays out; pdfkit must never break pages itself
    bufferPages: true,
    font: DOCUMENT_FONTS.regular,
    lang: document.language === 'ar' ? 'ar' : 'en',
    displayTitle: true,
    // Fixed dates make the bytes a function of the document, so a re-render can be compared.
    info: { Title: document.title.en, Subject: `${document.partnerName} — ${document.versionLabel}`, Creator: 'Accord', Producer: 'Accord', CreationDate: new Date(`${document.date}T00:00:00Z`), ModDate: new Date(`${document.date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const writer = new PdfWriter(doc);
  writer.languages = documentLanguages(document.language);
  write(writer, writer.languages);
  stampEveryPage(doc, document, writer.pageLanguages);
  mapLigaturesToPresentationForms(doc);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

function writeClauses(writer: PdfWriter, document: MouDocument, languages: Lang[], rows: ClauseRow[]): void {
  if (document.language === 'both' && document.layout === 'side-by-side') {
    writeClausesSideBySide(writer, rows);
  } else {
    // Each language from a new page (the first after the front matter when there are two), so each page's footer is in its language.
    languages.forEach((lang, index) => {
      if (index > 0 || languages.length > 1) writer.newPage();
      writer.in([lang], () => writeClausesIn(writer, rows, lang));
    });
  }
}

export async function renderMouPdf(document: MouDocument): Promise<Buffer> {
  const rows = document.clauses.map((clause): ClauseRow => ({ clause, text: (lang) => clause[lang], badge: () => '' }));
  return renderPdf(document, (writer, languages) => {
    writeFront(writer, document, languages);
    writeClauses(writer, document, languages, rows);
    writeSignatures(writer, document, languages);
  });
}

/**
 * The newer version with the changes from the older one marked: inserted
 * words underlined in green, deleted ones struck through in red, and each
 * added, removed or changed clause badged after its heading.
 */
export async function renderRedlinePdf(before: MouDocument, after: MouDocument): Promise<Buffer> {
  const redline = redlineClauses(before.clauses, after.clauses);
  const badge = (change: ClauseRedline) => (lang: Lang) => (change.change === 'unchanged' ? '' : ` (${documentLabel(lang, change.change)})`);
  const rows = redline.clauses.map((change): ClauseRow => {
    const clause = change.after ?? change.before!;
    return { clause, text: (lang) => change[lang], badge: badge(change), number: change.numberChanged ? (lang) => `${change.before!.number} ${arrow(lang)} ${change.after!.number}` : undefined };
  });
  return renderPdf(after, (writer, languages) => {
    writeFront(writer, after, languages);
    for (const lang of languages) {
      writer.paragraph(redlineLine(before, after, lang, isolateLtr), { size: SIZE.body, bold: true }, { align: 'center', rtl: lang === 'ar' });
    }
    writer.gap(8);
    writeClauses(writer, after, languages, rows);
  });
}

/** The optional title page: the title, partner and version in each language, alone on the first page. */
function writeTitlePage(writer: PdfWriter, document: MouDocument, languages: Lang[]): void {
  writer.gap(150);
  for (const lang of languages) {
    const rtl = lang === 'ar';
    writer.paragraph(documentLabel(lang, 'memorandum'), { size: SIZE.heading, color: '#444444' }, { align: 'center', rtl });
    writer.gap(6);
    writer.paragraph(titleIn(document, lang), { size: 20, bold: true }, { align: 'center', rtl });
    writer.gap(10);
    writer.paragraph(partnerNameIn(document, lang), { size: SIZE.heading }, { align: 'center', rtl });
    writer.paragraph(`${documentLabel(lang, 'version')} ${isolateLtr(versionLabelIn(document, lang))} — ${documentDate(lang, document.date)}`, { size: SIZE.body }, { align: 'center', rtl });
    writer.gap(60);
  }
  writer.newPage();
}

function writeFront(writer: PdfWriter, document: MouDocument, languages: Lang[]): void {
  if (document.titlePage) writeTitlePage(writer, document, languages);
  for (const lang of languages) {
    writer.paragraph(documentLabel(lang, 'memorandum'), { size: SIZE.heading, color: '#444444' }, { align: 'center', rtl: lang === 'ar' });
    writer.paragraph(titleIn(document, lang), { size: SIZE.title, bold: true }, { align: 'center', rtl: lang === 'ar' });
    writer.gap(4);
  }
  for (const lang of languages) {
    writer.paragraph(`${documentLabel(lang, 'version')} ${isolateLtr(versionLabelIn(document, lang))} — ${documentLabel(lang, 'date')} ${documentDate(lang, document.date)}`, { size: SIZE.body }, { align: 'center', rtl: lang === 'ar' });
  }
  writer.gap(10);
  for (const lang of languages) {
    writer.paragraph(`${documentLabel(lang, 'partner')}: ${partnerNameIn(document, lang)}`, { size: SIZE.body }, { rtl: lang === 'ar' });
  }
  writer.gap(6);
  // The parties in each language, under a heading in that language; an Arabic list reads right to left whatever script a name is in.
  for (const lang of languages) {
    writer.paragraph(documentLabel(lang, 'parties'), { size: SIZE.heading, bold: true }, { rtl: lang === 'ar' });
    partiesIn(document, lang).forEach((party, index) => writer.paragraph(`${index + 1}. ${party}`, { size: SIZE.body }, { rtl: lang === 'ar' }));
    writer.gap(4);
  }
  writer.gap(6);
}

function writeClausesSideBySide(writer: PdfWriter, rows: ClauseRow[]): void {
  writer.columns([
    { text: documentLabel('en', 'clauses'), rtl: false, style: { size: SIZE.heading, bold: true } },
    { text: documentLabel('ar', 'clauses'), rtl: true, style: { size: SIZE.heading, bold: true } },
  ]);
  for (const row of rows) {
    const { clause, text, badge } = row;
    writer.gap(6);
    writer.ensure(SIZE.heading * LINE * 2);
    writer.rule();
    writer.gap(4);
    writer.columns([
      { text: clauseHeading(row, 'en') + badge('en'), rtl: false, style: { size: SIZE.body, bold: true } },
      { text: clauseHeading(row, 'ar') + badge('ar'), rtl: true, style: { size: SIZE.body, bold: true } },
    ]);
    writer.columns([
      { text: text('en'), rtl: false, style: { size: SIZE.body }, justify: true },
      { text: text('ar'), rtl: true, style: { size: SIZE.body }, justify: true },
    ]);
    if (clause.references?.length) {
      writer.columns([
        { text: referencesLine(clause, 'en'), rtl: false, style: { size: SIZE.small, color: '#444444' } },
        { text: referencesLine(clause, 'ar'), rtl: true, style: { size: SIZE.small, color: '#444444' } },
      ]);
    }
  }
  writer.gap(12);
}

function writeClausesIn(writer: PdfWriter, rows: ClauseRow[], lang: Lang): void {
  const rtl = lang === 'ar';
  writer.paragraph(documentLabel(lang, 'clauses'), { size: SIZE.heading, bold: true }, { rtl });
  for (const row of rows) {
    const { clause, text, badge } = row;
    writer.gap(6);
    writer.ensure(SIZE.heading * LINE * 2);
    writer.paragraph(clauseHeading(row, lang) + badge(lang), { size: SIZE.body, bold: true }, { rtl });
    writer.paragraph(text(lang), { size: SIZE.body }, { rtl, justify: true });
    const references = referencesLine(clause, lang);
    if (references) writer.paragraph(references, { size: SIZE.small, color: '#444444' }, { rtl });
  }
  writer.gap(12);
}

/**
 * The signature page: for each language, its heading, the closing formula
 * ("Done at ___ on ___, in duplicate..."), then one block per signatory in
 * signing order, two to a row; an Arabic page is mirrored (the first
 * signatory on the right). A signed file's blocks name who signed and when.
 */
function writeSignatures(writer: PdfWriter, document: MouDocument, languages: Lang[]): void {
  if (document.signatories.length === 0) return;
  if (document.language === 'both' && document.layout === 'sequential') writer.newPage();
  for (const lang of languages) writer.in([lang], () => writeSignaturesIn(writer, document, lang));
}

function writeSignaturesIn(writer: PdfWriter, document: MouDocument, lang: Lang): void {
  const rtl = lang === 'ar';
  writer.ensure(SIZE.heading * LINE * 10);
  writer.paragraph(documentLabel(lang, 'signatures'), { size: SIZE.heading, bold: true }, { rtl });
  writer.gap(4);
  const formula = closingFormula(document, lang);
  if (formula) writer.paragraph(formula, { size: SIZE.body }, { rtl, justify: true });
  const signed = signedByLine(document, lang);
  if (signed) writer.paragraph(signed, { size: SIZE.body, bold: true }, { rtl });
  writer.gap(8);
  const label = (key: DocumentLabel) => documentLabel(lang, key);
  const block = (signatory: MouDocument['signatories'][number]) => {
    const { name, title, organisation } = signatoryIn(signatory, lang);
    // The U.S. signatory of a signed file: the line shows who signed, not a blank.
    const signature = document.signed && signatory.side === 'us' ? `/s/ ${document.signed.by}` : '______________________';
    return [
      sideLabel(signatory.side, lang),
      '',
      `${label('signature')}: ${signature}`,
      `${label('name')}: ${name}`,
      `${label('title')}: ${title}`,
      `${label('organisation')}: ${organisation}`,
      `${label('place')}: ______________`,
      `${label('date')}: ______________`,
    ].join('\n');
  };
  for (let i = 0; i < document.signatories.length; i += 2) {
    const pair = document.signatories.slice(i, i + 2);
    writer.ensure(SIZE.body * LINE * 9);
    // Columns are laid out left to right: an Arabic row puts the first signatory in the right-hand column.
    const cells = pair.map((signatory) => ({ text: block(signatory), rtl, style: { size: SIZE.body } }));
    if (rtl) cells.reverse();
    if (rtl && cells.length === 1) cells.unshift({ text: '', rtl, style: { size: SIZE.body } });
    writer.columns(cells.length === 1 ? [...cells, { text: '', rtl, style: { size: SIZE.body } }] : cells);
    writer.gap(14);
  }
  writer.gap(10);
}

/**
 * The handling marking at the top and bottom of every page, and a footer: the
 * title, version and date, then "Page X of Y" in the page's language (a line
 * for each on a page that shows both).
 */
function stampEveryPage(doc: Doc, document: MouDocument, pageLanguages: Set<Lang>[]): void {
  const { start, count } = doc.bufferedPageRange();
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    setFont(doc, true);
    doc.fontSize(SIZE.marking).fillColor('#000000');
    const marking = layoutParagraph(doc, document.marking, PAGE.width - 40, containsArabic(document.marking));
    marking.forEach((line, row) => {
      drawLine(doc, line, 20, PAGE.width - 40, 28 + row * SIZE.marking * LINE, 'center');
      drawLine(doc, line, 20, PAGE.width - 40, PAGE.height - 40 + row * SIZE.marking * LINE, 'center');
    });
    setFont(doc);
    doc.fontSize(SIZE.small).fillColor('#555555');
    const shown = pageLanguages[index - start];
    const languages = documentLanguages(document.language).filter((lang) => !shown?.size || shown.has(lang));
    const lang = languages[0]!;
    const footer = `${titleIn(document, lang)} — ${documentLabel(lang, 'version')} ${isolateLtr(versionLabelIn(document, lang))} — ${documentDate(lang, document.date)}`;
    // The title may be long: it is cut to one line, never the page number, which has its own.
    const rowHeight = SIZE.small * 1.35;
    let y = PAGE.height - 44 - rowHeight * (languages.length + 1);
    for (const line of layoutParagraph(doc, footer, width, lang === 'ar').slice(0, 1)) drawLine(doc, line, MARGIN.left, width, y, 'center');
    // One line per language: readers (and text extraction) take a line shared by two directions in one order.
    for (const pageLang of languages) {
      y += rowHeight;
      for (const line of layoutParagraph(doc, pageOf(pageLang, index - start + 1, count), width, pageLang === 'ar').slice(0, 1)) drawLine(doc, line, MARGIN.left, width, y, 'center');
    }
  }
}
