import PDFDocument from 'pdfkit';
import { containsArabic } from '../../../shared/documents/text';
import { DOCUMENT_FONTS } from '../fonts';
import { drawLine, layoutParagraph, mapLigaturesToPresentationForms } from '../pdfText';

/**
 * A small A4 page writer for the brief and the communique, on the MOU
 * engine's text machinery (pdfText.ts: Arabic shaping, bidi ordering,
 * extractable ligatures; fonts.ts: the embedded face): paragraphs, simple
 * tables whose columns mirror in Arabic, room for vector charts, and the
 * handling marking at the top and bottom of every page with "Page X of Y".
 * The MOU renderer itself is untouched.
 */

export type Doc = InstanceType<typeof PDFDocument>;
export type Lang = 'en' | 'ar';

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 50, right: 50, top: 70, bottom: 80 };
export const SIZE = { title: 16, heading: 12.5, subheading: 11, body: 9.5, small: 8, marking: 10 };
const LINE = 1.5;

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

export class BriefPdfWriter {
  readonly doc: Doc;
  y = MARGIN.top;
  readonly left = MARGIN.left;
  readonly width = PAGE.width - MARGIN.left - MARGIN.right;
  readonly bottom = PAGE.height - MARGIN.bottom;
  lang: Lang = 'en';
  /** Each page's language, for its footer. */
  readonly pageLanguages: Lang[] = [];

  constructor(doc: Doc) {
    this.doc = doc;
    this.pageLanguages.push(this.lang);
  }

  get rtl(): boolean {
    return this.lang === 'ar';
  }

  style({ size, bold, color }: TextStyle): void {
    this.doc.font(bold ? DOCUMENT_FONTS.bold : DOCUMENT_FONTS.regular).fontSize(size).fillColor(color ?? '#000000');
  }

  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.pageLanguages.push(this.lang);
    this.y = MARGIN.top;
  }

  /** Switches language; a page already written keeps the language it started in for its footer unless still empty. */
  setLanguage(lang: Lang): void {
    this.lang = lang;
    if (this.y === MARGIN.top) this.pageLanguages[this.pageLanguages.length - 1] = lang;
  }

  gap(points: number): void {
    this.y += points;
  }

  paragraph(text: string, style: TextStyle = { size: SIZE.body }, options: { align?: 'left' | 'right' | 'center'; indent?: number } = {}): void {
    const rtl = this.rtl || (containsArabic(text) && !/[A-Za-z]{3}/.test(text));
    const indent = options.indent ?? 0;
    this.style(style);
    const lines = layoutParagraph(this.doc, text, this.width - indent, rtl);
    const align = options.align ?? (this.rtl ? 'right' : 'left');
    const height = style.size * LINE;
    for (const line of lines) {
      this.ensure(height);
      this.style(style);
      drawLine(this.doc, line, this.rtl ? this.left : this.left + indent, this.width - indent, this.y, align);
      this.y += height;
    }
  }

  heading(text: string, size = SIZE.heading): void {
    this.ensure(size * LINE * 3);
    this.gap(4);
    this.paragraph(text, { size, bold: true, color: '#1f4e79' });
    this.gap(2);
  }

  /**
   * A table: a header row and rows of cells, column widths as shares of the
   * width; in Arabic the first column is on the right. Rows break between
   * pages, never inside a row.
   */
  table(header: string[], rows: string[][], shares: number[]): void {
    const total = shares.reduce((a, b) => a + b, 0);
    const widths = shares.map((share) => (share / total) * this.width);
    const drawRow = (cells: string[], style: TextStyle, shade?: string) => {
      this.style(style);
      const laid = cells.map((cell, index) => layoutParagraph(this.doc, cell, widths[index]! - 6, this.rtl || containsArabic(cell)));
      const height = Math.max(1, ...laid.map((lines) => lines.length)) * style.size * 1.35 + 5;
      this.ensure(height);
      let x = this.rtl ? this.left + this.width : this.left;
      if (shade) this.doc.save().rect(this.left, this.y - 1, this.width, height).fill(shade).restore();
      laid.forEach((lines, index) => {
        const width = widths[index]!;
        const cellLeft = this.rtl ? x - width : x;
        this.style(style);
        lines.forEach((line, row) => drawLine(this.doc, line, cellLeft + 3, width - 6, this.y + 2 + row * style.size * 1.35, this.rtl ? 'right' : 'left'));
        x = this.rtl ? x - width : x + width;
      });
      this.y += height;
      this.doc.save().moveTo(this.left, this.y - 1).lineTo(this.left + this.width, this.y - 1).lineWidth(0.4).strokeColor('#c8ced6').stroke().restore();
    };
    drawRow(header, { size: SIZE.small, bold: true, color: '#333333' }, '#eef1f5');
    for (const row of rows) drawRow(row, { size: SIZE.small });
    this.gap(6);
  }

  /** Text at a point (chart labels), in this writer's direction handling; anchor says which end of the text sits at x. */
  label(text: string, x: number, y: number, style: TextStyle, anchor: 'start' | 'middle' | 'end' = 'start'): void {
    this.style(style);
    const [line] = layoutParagraph(this.doc, text, 400, containsArabic(text));
    if (!line) return;
    const left = anchor === 'start' ? x : anchor === 'end' ? x - line.width : x - line.width / 2;
    drawLine(this.doc, line, left, line.width, y, 'left');
  }
}

export async function renderWith(options: { title: string; marking: string; date: string; lang: Lang; pageLabel: (lang: Lang, page: number, pages: number) => string }, write: (writer: BriefPdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    font: DOCUMENT_FONTS.regular,
    lang: options.lang,
    displayTitle: true,
    info: { Title: options.title, Creator: 'Accord', Producer: 'Accord', CreationDate: new Date(`${options.date}T00:00:00Z`), ModDate: new Date(`${options.date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const writer = new BriefPdfWriter(doc);
  writer.setLanguage(options.lang);
  write(writer);
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    doc.font(DOCUMENT_FONTS.bold).fontSize(SIZE.marking).fillColor('#000000');
    for (const line of layoutParagraph(doc, options.marking, PAGE.width - 40, containsArabic(options.marking)).slice(0, 1)) {
      drawLine(doc, line, 20, PAGE.width - 40, 26, 'center');
      drawLine(doc, line, 20, PAGE.width - 40, PAGE.height - 38, 'center');
    }
    const lang = writer.pageLanguages[index - start] ?? options.lang;
    doc.font(DOCUMENT_FONTS.regular).fontSize(SIZE.small).fillColor('#555555');
    for (const line of layoutParagraph(doc, options.pageLabel(lang, index - start + 1, count), PAGE.width - 100, lang === 'ar').slice(0, 1)) drawLine(doc, line, 50, PAGE.width - 100, PAGE.height - 56, 'center');
  }
  mapLigaturesToPresentationForms(doc);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
