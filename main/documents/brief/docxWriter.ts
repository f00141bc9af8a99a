import { AlignmentType, BorderStyle, Document, Footer, Header, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { containsArabic } from '../../../shared/documents/text';
import { formatMessage } from '../../../shared/i18n/format';
import type { Lang } from './text';

/**
 * DOCX building blocks for the brief and the communique, written the way the
 * MOU's DOCX is (main/documents/docx.ts): Arabic paragraphs bidirectional with
 * right-to-left runs in an Arabic complex-script language so Word shapes them;
 * the marking in every section's header and footer, hence on every page; the
 * page of pages in the footer. Charts are given as their tables of numbers.
 */

const FONT = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial' };
export const DSIZE = { title: 30, heading: 24, subheading: 22, body: 20, small: 17, marking: 20 };

export interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

export function run(text: string, lang: Lang, { bold, size = DSIZE.body, color }: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, bold, boldComplexScript: bold, size, sizeComplexScript: size, color, rightToLeft: lang === 'ar', language: lang === 'ar' ? { bidirectional: 'ar-SA' } : { value: 'en-US' } });
}

export function para(text: string, lang: Lang, style: RunStyle = {}, options: { center?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({ children: [run(text, lang, style)], bidirectional: lang === 'ar', alignment: options.center ? AlignmentType.CENTER : AlignmentType.START, spacing: { after: options.after ?? 80 } });
}

export const heading = (text: string, lang: Lang, size = DSIZE.heading) => para(text, lang, { bold: true, size, color: '1F4E79' }, { after: 100 });

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: 'C8CED6' };

/** A table whose first column is on the right in Arabic (w:bidiVisual). */
export function table(header: string[], rows: string[][], lang: Lang): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      children: [para(text, lang === 'ar' || containsArabic(text) ? 'ar' : 'en', { bold, size: DSIZE.small }, { after: 0 })],
      borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
      ...(bold ? { shading: { fill: 'EEF1F5' } } : {}),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    visuallyRightToLeft: lang === 'ar',
    rows: [new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }), ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text, false)) }))],
  });
}

const langOf = (text: string): Lang => (containsArabic(text) ? 'ar' : 'en');

function pageRuns(lang: Lang): TextRun[] {
  const pattern = formatMessage(lang, 'dashboard.doc.page', { page: '\uE000', pages: '\uE001' });
  const style = { font: FONT, size: DSIZE.small, sizeComplexScript: DSIZE.small, rightToLeft: lang === 'ar' };
  return pattern
    .split(/(\uE000|\uE001)/)
    .filter(Boolean)
    .map((piece) => (piece === '\uE000' ? new TextRun({ children: [PageNumber.CURRENT], ...style }) : piece === '\uE001' ? new TextRun({ children: [PageNumber.TOTAL_PAGES], ...style }) : new TextRun({ text: piece, ...style })));
}

/** One section per language, each with the marking above and below and its page line in its language. */
export async function packDocx(title: string, marking: string, parts: { lang: Lang; children: (Paragraph | Table)[] }[]): Promise<Buffer> {
  const markingParagraph = () => para(marking, langOf(marking), { bold: true, size: DSIZE.marking }, { center: true, after: 0 });
  const document = new Document({
    creator: 'Accord',
    title,
    styles: { default: { document: { run: { font: FONT, size: DSIZE.body } } } },
    sections: parts.map((part) => ({
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1300, bottom: 1300, left: 1134, right: 1134, header: 500, footer: 500 } } },
      headers: { default: new Header({ children: [markingParagraph()] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, bidirectional: part.lang === 'ar', children: pageRuns(part.lang) }), markingParagraph()] }) },
      children: part.children,
    })),
  });
  return Packer.toBuffer(document);
}
