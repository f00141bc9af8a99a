import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  InsertedTextRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { clauseTitle, closingFormula, documentLabel, documentLanguages, pageOf, partiesIn, partnerNameIn, sideLabel, signatoryIn, signedByLine, versionLabelIn, type DocumentLabel } from '../../shared/documents/labels';
import { redlineClauses, type ClauseRedline, type DiffSegment } from '../../shared/documents/redline';
import { containsArabic } from '../../shared/documents/text';
import type { MouClause, MouDocument } from '../../shared/documents/types';

/**
 * MOU draft to DOCX, for the partner's edits. Arabic paragraphs are
 * bidirectional (w:bidi) and their runs right-to-left (w:rtl) with an Arabic
 * complex-script language, so Word shapes and orders them itself. The
 * marking is in the header and footer of the section, hence on every page.
 * A redline is written as Word tracked changes (w:ins / w:del), which the
 * partner can accept or reject.
 */

type Lang = 'en' | 'ar';

// Arial ships with Arabic on Windows and macOS, where partners open the file.
const FONT = { ascii: 'Arial', hAnsi: 'Arial', cs: 'Arial' };
const SIZE = { title: 32, heading: 24, body: 21, small: 17, marking: 20 }; // half-points

interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

function run(text: string, lang: Lang, style: RunStyle = {}): TextRun {
  return new TextRun({ text, ...runOptions(lang, style) });
}

function runOptions(lang: Lang, { bold, size = SIZE.body, color }: RunStyle) {
  return {
    font: FONT,
    bold,
    boldComplexScript: bold,
    size,
    sizeComplexScript: size,
    color,
    rightToLeft: lang === 'ar',
    language: lang === 'ar' ? { bidirectional: 'ar-SA' } : { value: 'en-US' },
  };
}

function paragraph(children: ParagraphChild[], lang: Lang, options: { center?: boolean; spacingAfter?: number } = {}): Paragraph {
  return new Paragraph({
    children,
    bidirectional: lang === 'ar',
    // START follows the paragraph direction: left for English, right for Arabic.
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.START,
    spacing: { after: options.spacingAfter ?? 80 },
  });
}

/**
 * A left-to-right mark before a date keeps "2026-03-01" in that order inside
 * Arabic (otherwise the Unicode algorithm reads its digits as Arabic numbers
 * and shows 01-03-2026). Every word processor honours LRM.
 */
const ltr = (text: string) => `\u200e${text}\u200e`;
/**
 * Left-to-right text inside Arabic: the right-to-left marks around it keep the
 * neutrals between two such pieces (" — ") right to left, so a version label
 * and the date that follows stay in their places instead of merging into one
 * left-to-right run that reads date-first.
 */
const ltrIn = (lang: Lang, text: string) => (lang === 'ar' ? `\u200f${ltr(text)}\u200f` : ltr(text));
const langOf = (text: string): Lang => (containsArabic(text) ? 'ar' : 'en');
const titleIn = (document: MouDocument, lang: Lang) => (lang === 'ar' ? document.title.ar || document.title.en : document.title.en);

function markingParagraph(document: MouDocument): Paragraph {
  return paragraph([run(document.marking, langOf(document.marking), { bold: true, size: SIZE.marking })], langOf(document.marking), { center: true, spacingAfter: 0 });
}

function front(document: MouDocument, languages: Lang[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const lang of languages) {
    out.push(paragraph([run(documentLabel(lang, 'memorandum'), lang, { color: '444444' })], lang, { center: true, spacingAfter: 0 }));
    out.push(paragraph([run(titleIn(document, lang), lang, { bold: true, size: SIZE.title })], lang, { center: true }));
    out.push(paragraph([run(`${documentLabel(lang, 'version')} ${ltrIn(lang, versionLabelIn(document, lang))} — ${documentLabel(lang, 'date')} ${ltrIn(lang, document.date)}`, lang)], lang, { center: true }));
    out.push(paragraph([run(`${documentLabel(lang, 'partner')}: `, lang), run(partnerNameIn(document, lang), langOf(partnerNameIn(document, lang)))], lang));
  }
  // The parties in each language; an Arabic list reads right to left whatever script a name is in.
  for (const lang of languages) {
    out.push(paragraph([run(documentLabel(lang, 'parties'), lang, { bold: true, size: SIZE.heading })], lang));
    partiesIn(document, lang).forEach((party, index) => out.push(paragraph([run(`${index + 1}. `, lang), run(party, langOf(party))], lang === 'ar' ? 'ar' : langOf(party))));
  }
  return out;
}

type TextChildren = (lang: Lang) => ParagraphChild[];

function clauseParagraphs(clause: MouClause & { numberAr?: string }, lang: Lang, text: TextChildren, badge: (lang: Lang) => string): Paragraph[] {
  const out = [
    paragraph([run(`${clauseTitle(lang === 'ar' && clause.numberAr ? { ...clause, number: clause.numberAr } : clause, lang)}${badge(lang)}`, lang, { bold: true })], lang, { spacingAfter: 40 }),
    paragraph(text(lang), lang),
  ];
  if (clause.references?.length) out.push(paragraph([run(`${documentLabel(lang, 'references')}: ${clause.references.join('; ')}`, lang, { size: SIZE.small, color: '444444' })], lang));
  return out;
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

function clausesBody(document: MouDocument, languages: Lang[], rows: { clause: MouClause; text: TextChildren; badge: (lang: Lang) => string }[]): Part[] {
  if (document.language === 'both' && document.layout === 'side-by-side') {
    const cell = (children: Paragraph[]) =>
      new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE }, borders: { top: RULE, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }, margins: { top: 80, bottom: 80, left: 100, right: 100 } });
    const header = new TableRow({
      tableHeader: true,
      children: languages.map((lang) => cell([paragraph([run(documentLabel(lang, 'clauses'), lang, { bold: true, size: SIZE.heading })], lang)])),
    });
    const body = rows.map(({ clause, text, badge }) => new TableRow({ cantSplit: false, children: languages.map((lang) => cell(clauseParagraphs(clause, lang, text, badge))) }));
    return [{ languages, children: [new Table({ rows: [header, ...body], width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [4800, 4800] })] }];
  }
  // One language after the other, each in its own section (from a new page), so each page's footer is in its language.
  return languages.map((lang) => ({
    languages: [lang],
    children: [
      new Paragraph({ children: [run(documentLabel(lang, 'clauses'), lang, { bold: true, size: SIZE.heading })], bidirectional: lang === 'ar', spacing: { before: 200, after: 120 } }),
      ...rows.flatMap((row) => clauseParagraphs(row.clause, lang, row.text, row.badge)),
    ],
  }));
}

/** The document's parts: the front matter (both languages) with the clauses when they share its pages, then each language's clauses, then what follows. */
function parts(document: MouDocument, languages: Lang[], front: (Paragraph | Table)[], clauses: Part[], after: (Paragraph | Table)[]): Part[] {
  if (clauses.length === 1) return [{ languages, children: [...front, ...clauses[0]!.children, ...after] }];
  return [{ languages, children: front }, ...clauses, { languages, children: after }];
}

/** The signature page in each language: heading, closing formula, and one block per signatory in signing order (a signed file names who signed). */
function signatures(document: MouDocument, languages: Lang[]): Paragraph[] {
  if (document.signatories.length === 0) return [];
  const out: Paragraph[] = [];
  for (const lang of languages) {
    const label = (key: DocumentLabel) => documentLabel(lang, key);
    out.push(paragraph([run(label('signatures'), lang, { bold: true, size: SIZE.heading })], lang, { spacingAfter: 120 }));
    const formula = closingFormula(document, lang);
    if (formula) out.push(new Paragraph({ children: [run(formula, lang)], bidirectional: lang === 'ar', alignment: AlignmentType.BOTH, spacing: { after: 160 } }));
    const signed = signedByLine(document, lang);
    if (signed) out.push(paragraph([run(signed, lang, { bold: true })], lang));
    for (const signatory of document.signatories) {
      const { name, title, organisation } = signatoryIn(signatory, lang);
      const signature = document.signed && signatory.side === 'us' ? `/s/ ${document.signed.by}` : '______________________________';
      out.push(paragraph([run(sideLabel(signatory.side, lang), lang, { bold: true })], lang));
      out.push(paragraph([run(`${label('signature')}: `, lang), run(signature, langOf(signature))], lang));
      for (const [key, value] of [['name', name], ['title', title], ['organisation', organisation]] as const) {
        out.push(paragraph([run(`${label(key)}: `, lang), run(value, langOf(value))], lang, { spacingAfter: 20 }));
      }
      out.push(paragraph([run(`${label('place')}: ______________`, lang)], lang, { spacingAfter: 20 }));
      out.push(paragraph([run(`${label('date')}: ______________`, lang)], lang, { spacingAfter: 240 }));
    }
  }
  return out;
}

/** "Page {page} of {pages}" in one language, as text and Word's PAGE and NUMPAGES fields in the catalog's order. */
function pageOfRuns(lang: Lang, style: RunStyle): TextRun[] {
  const PAGE_MARK = '\uE000';
  const PAGES_MARK = '\uE001';
  const pattern = pageOf(lang, PAGE_MARK as unknown as number, PAGES_MARK as unknown as number);
  return pattern
    .split(/(\uE000|\uE001)/)
    .filter(Boolean)
    .map((piece) =>
      piece === PAGE_MARK
        ? new TextRun({ children: [PageNumber.CURRENT], ...runOptions(lang, style) })
        : piece === PAGES_MARK
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], ...runOptions(lang, style) })
          : new TextRun({ text: piece, ...runOptions(lang, style) }),
    );
}

/** A section's footer: title, version and date, and the page of pages, in each language the section shows. */
function footer(document: MouDocument, languages: Lang[]): Footer {
  const style = { size: SIZE.small, color: '555555' };
  return new Footer({
    children: [
      ...languages.map(
        (lang) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            bidirectional: lang === 'ar',
            children: [run(`${titleIn(document, lang)} — ${documentLabel(lang, 'version')} ${ltrIn(lang, versionLabelIn(document, lang))} — ${ltrIn(lang, document.date)} — `, lang, style), ...pageOfRuns(lang, style)],
          }),
      ),
      markingParagraph(document),
    ],
  });
}

/** A run of pages in the given languages (its footer speaks them); page numbers continue across sections. */
interface Part {
  languages: Lang[];
  children: (Paragraph | Table)[];
}

function build(document: MouDocument, parts: Part[]): Document {
  return new Document({
    creator: 'Accord',
    title: document.title.en,
    description: `${document.partnerName} — ${document.versionLabel}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: parts
      .filter((part) => part.children.length > 0)
      .map((part) => ({
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1300, bottom: 1300, left: 1134, right: 1134, header: 500, footer: 500 } } },
        headers: { default: new Header({ children: [markingParagraph(document)] }) },
        footers: { default: footer(document, part.languages) },
        children: part.children,
      })),
  });
}

export async function renderMouDocx(document: MouDocument): Promise<Buffer> {
  const languages = documentLanguages(document.language);
  const rows = document.clauses.map((clause) => ({ clause, text: (lang: Lang) => [run(clause[lang], lang)], badge: () => '' }));
  return Packer.toBuffer(build(document, parts(document, languages, front(document, languages), clausesBody(document, languages, rows), signatures(document, languages))));
}

export interface RedlineAuthor {
  /** Who the changes are attributed to in Word's review pane (e.g. the post's name). */
  author: string;
  /** When, as an ISO timestamp (the newer version's save time). */
  date: string;
}

/**
 * The newer version with the changes from the older one as tracked changes:
 * Word shows them in its review pane, and Accept All yields the newer text.
 */
export async function renderRedlineDocx(before: MouDocument, after: MouDocument, revision: RedlineAuthor): Promise<Buffer> {
  const languages = documentLanguages(after.language);
  const redline = redlineClauses(before.clauses, after.clauses);
  let nextId = 1;
  const tracked = (segments: DiffSegment[], lang: Lang): ParagraphChild[] =>
    segments.map(({ op, text }) => {
      if (op === 'equal') return run(text, lang);
      const options = { id: nextId++, author: revision.author, date: revision.date, text, ...runOptions(lang, {}) };
      return op === 'insert' ? new InsertedTextRun(options) : new DeletedTextRun(options);
    });
  const badge = (change: ClauseRedline) => (lang: Lang) => (change.change === 'unchanged' ? '' : ` (${documentLabel(lang, change.change)})`);
  const rows = redline.clauses.map((change) => {
    const clause = change.after ?? change.before!;
    const shown = change.numberChanged ? { ...clause, number: `${change.before!.number} → ${change.after!.number}`, numberAr: `${change.before!.number} ← ${change.after!.number}` } : clause;
    return { clause: shown, text: (lang: Lang) => tracked(change[lang], lang), badge: badge(change) };
  });
  const heading = languages.map((lang) =>
    paragraph([run(`${documentLabel(lang, 'redline')} ${ltrIn(lang, versionLabelIn(before, lang))} (${ltrIn(lang, before.date)}) ${lang === 'ar' ? '←' : '→'} ${ltrIn(lang, versionLabelIn(after, lang))} (${ltrIn(lang, after.date)})`, lang, { bold: true })], lang, { center: true }),
  );
  return Packer.toBuffer(build(after, parts(after, languages, [...front(after, languages), ...heading], clausesBody(after, languages, rows), [])));
}
