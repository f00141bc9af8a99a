import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  InsertedTextRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import {
  clauseTitle,
  closingFormula,
  documentDate,
  documentLabel,
  documentLanguages,
  pageOf,
  partiesIn,
  partnerNameIn,
  listSeparator,
  referencesIn,
  redlineLine,
  sideLabel,
  signatoryIn,
  signedByLine,
  versionLabelIn,
  type DocumentLabel,
} from '../../shared/documents/labels';
import { diffWords, editScript } from '../../shared/documents/redline';
import { containsArabic } from '../../shared/documents/text';
import type { MouClause, MouDocument } from '../../shared/documents/types';
import { DOCUMENT_FONTS, DOCUMENT_FONT_FAMILY } from './fonts';

/**
 * MOU draft to DOCX, for the partner's edits. Arabic paragraphs are
 * bidirectional (w:bidi) and their runs right-to-left (w:rtl) with an Arabic
 * complex-script language, so Word shapes and orders them itself. The
 * marking is in the header and footer of the section, hence on every page.
 *
 * The document is first built as a model (parts of keyed paragraphs and
 * table rows), then written with the docx library. A redline is the model of
 * the older version merged with the model of the newer one: a paragraph or
 * row only one of them has is a tracked insertion or deletion (its paragraph
 * mark included), and a paragraph both have carries its word changes as
 * tracked runs. Accept All therefore yields exactly the newer version's
 * document and Reject All exactly the older one's; the "changes from version"
 * line is a Word comment and a document property, never body text.
 */

type Lang = 'en' | 'ar';
type Op = 'insert' | 'delete';

// Amiri for both scripts (its Latin is drawn to match its Naskh), embedded in the file so the partner sees the same face.
const FONT = { ascii: DOCUMENT_FONT_FAMILY, hAnsi: DOCUMENT_FONT_FAMILY, cs: DOCUMENT_FONT_FAMILY };
const SIZE = { title: 32, heading: 24, body: 22, small: 18, marking: 20 }; // half-points
/** Line spacing in 240ths of a line: 1.5 keeps Arabic vowel marks clear of the line above. */
const LINE_SPACING = 360;

interface RunStyle {
  bold?: boolean;
  size?: number;
  color?: string;
}

/** Who made a tracked change, and when (ISO timestamp). */
export interface RedlineAuthor {
  author: string;
  date: string;
}

// ---------------------------------------------------------------- the model

interface RunSpec {
  text: string;
  /** A PAGE or NUMPAGES field instead of text. */
  field?: 'page' | 'pages';
  lang: Lang;
  style: RunStyle;
  op?: Op;
}

interface ParaSpec {
  kind: 'p';
  /** Stable within its container across versions: what a redline matches paragraphs on. */
  key: string;
  lang: Lang;
  runs: RunSpec[];
  align?: 'center' | 'justify';
  spacingBefore?: number;
  spacingAfter?: number;
  /** Starts a new page (a title page ends with one). */
  pageBreakBefore?: boolean;
  /** Kept on the page of the paragraph after it, and never broken across pages itself: a heading, a line of a signature block. */
  keepWithNext?: boolean;
  /** The clause it belongs to (whose audit trail dates its changes). */
  clauseId?: string;
  /** The paragraph mark (the paragraph itself) was inserted, deleted, or both (inserted then removed again). */
  mark?: Op | 'both';
  /** A comment anchored on the paragraph (the redline's explanatory line). */
  comment?: number;
}

interface RowSpec {
  key: string;
  header?: boolean;
  /** One cell per language, each a list of paragraphs. */
  cells: ParaSpec[][];
  clauseId?: string;
  op?: Op;
}

interface TableSpec {
  kind: 'table';
  key: string;
  rows: RowSpec[];
}

type Block = ParaSpec | TableSpec;

/** A run of pages in the given languages (its footer speaks them); page numbers continue across sections. */
interface PartSpec {
  languages: Lang[];
  children: Block[];
  footer: ParaSpec[];
}

const langOf = (text: string): Lang => (containsArabic(text) ? 'ar' : 'en');
const titleIn = (document: MouDocument, lang: Lang) => (lang === 'ar' ? document.title.ar || document.title.en : document.title.en);

function r(text: string, lang: Lang, style: RunStyle = {}): RunSpec {
  return { text, lang, style };
}

function p(key: string, lang: Lang, runs: RunSpec[], options: Partial<Omit<ParaSpec, 'kind' | 'key' | 'lang' | 'runs'>> = {}): ParaSpec {
  return { kind: 'p', key, lang, runs, ...options };
}

/**
 * A left-to-right mark before a version label keeps "v3" or "2026-03-01" in
 * that order inside Arabic; the right-to-left marks around it keep the
 * neutrals between two such pieces (" — ") right to left, so a version label
 * and the date that follows stay in their places.
 */
const ltrIn = (lang: Lang, text: string) => (lang === 'ar' ? `\u200f\u200e${text}\u200e\u200f` : `\u200e${text}\u200e`);

function frontModel(document: MouDocument, languages: Lang[]): ParaSpec[] {
  const out: ParaSpec[] = [];
  for (const lang of languages) {
    out.push(p(`memorandum:${lang}`, lang, [r(documentLabel(lang, 'memorandum'), lang, { color: '444444' })], { align: 'center', spacingAfter: 0 }));
    out.push(p(`title:${lang}`, lang, [r(titleIn(document, lang), lang, { bold: true, size: SIZE.title })], { align: 'center' }));
    out.push(p(`version:${lang}`, lang, [r(`${documentLabel(lang, 'version')} ${ltrIn(lang, versionLabelIn(document, lang))} — ${documentLabel(lang, 'date')} ${documentDate(lang, document.date)}`, lang)], { align: 'center' }));
    const partner = partnerNameIn(document, lang);
    out.push(p(`partner:${lang}`, lang, [r(`${documentLabel(lang, 'partner')}: `, lang), r(partner, langOf(partner))]));
  }
  // The parties in each language; an Arabic list reads right to left whatever script a name is in.
  for (const lang of languages) {
    out.push(p(`parties:${lang}`, lang, [r(documentLabel(lang, 'parties'), lang, { bold: true, size: SIZE.heading })], { keepWithNext: true }));
    partiesIn(document, lang).forEach((party, index) => out.push(p(`party:${lang}:${index}`, lang === 'ar' ? 'ar' : langOf(party), [r(`${index + 1}. `, lang), r(party, langOf(party))])));
  }
  return out;
}

/** The optional title page: the title, partner and version alone on the first page, in each language. */
function titlePageModel(document: MouDocument, languages: Lang[]): ParaSpec[] {
  const out: ParaSpec[] = [];
  for (const lang of languages) {
    out.push(p(`cover:memorandum:${lang}`, lang, [r(documentLabel(lang, 'memorandum'), lang, { size: SIZE.heading, color: '444444' })], { align: 'center', spacingBefore: lang === languages[0] ? 2400 : 600 }));
    out.push(p(`cover:title:${lang}`, lang, [r(titleIn(document, lang), lang, { bold: true, size: 40 })], { align: 'center', spacingAfter: 240 }));
    out.push(p(`cover:partner:${lang}`, lang, [r(partnerNameIn(document, lang), lang, { size: SIZE.heading })], { align: 'center' }));
    out.push(p(`cover:version:${lang}`, lang, [r(`${documentLabel(lang, 'version')} ${ltrIn(lang, versionLabelIn(document, lang))} — ${documentDate(lang, document.date)}`, lang)], { align: 'center' }));
  }
  return out;
}

/** Matches a clause across versions the way the redline does: by id, or by number when a version has no ids. */
const clauseKey = (clause: MouClause) => (clause.id ? `id:${clause.id}` : `n:${clause.number}`);

/** `inTable`: a side-by-side row, whose cells keep nothing with the next row (Word and LibreOffice would then hold rows together, and move the whole table to a page of its own). */
function clauseModel(clause: MouClause, lang: Lang, inTable = false): ParaSpec[] {
  const key = `clause:${clauseKey(clause)}`;
  const clauseId = clause.id;
  const out = [
    // A heading never ends a page without its clause.
    p(`${key}:heading`, lang, [r(clauseTitle(clause, lang), lang, { bold: true })], { spacingAfter: 40, clauseId, keepWithNext: !inTable }),
    // Justified like a printed treaty text; Word stretches Arabic lines with kashida when the paragraph asks for it.
    p(`${key}:text`, lang, clause[lang] ? [r(clause[lang], lang)] : [], { align: 'justify', clauseId }),
  ];
  if (clause.references?.length) out.push(p(`${key}:references`, lang, [r(`${documentLabel(lang, 'references')}: ${referencesIn(clause, lang).join(listSeparator(lang))}`, lang, { size: SIZE.small, color: '444444' })], { clauseId }));
  return out;
}

function clausesModel(document: MouDocument, languages: Lang[]): { shared?: TableSpec; perLanguage?: { lang: Lang; children: ParaSpec[] }[] } {
  if (document.language === 'both' && document.layout === 'side-by-side') {
    const header: RowSpec = { key: 'header', header: true, cells: languages.map((lang) => [p(`clauses:${lang}`, lang, [r(documentLabel(lang, 'clauses'), lang, { bold: true, size: SIZE.heading })])]) };
    const rows = document.clauses.map((clause): RowSpec => ({ key: `clause:${clauseKey(clause)}`, clauseId: clause.id, cells: languages.map((lang) => clauseModel(clause, lang, true)) }));
    return { shared: { kind: 'table', key: 'clauses', rows: [header, ...rows] } };
  }
  // One language after the other, each in its own section (from a new page), so each page's footer is in its language.
  return {
    perLanguage: languages.map((lang) => ({
      lang,
      children: [p(`clauses:${lang}`, lang, [r(documentLabel(lang, 'clauses'), lang, { bold: true, size: SIZE.heading })], { spacingBefore: 200, spacingAfter: 120, keepWithNext: true }), ...document.clauses.flatMap((clause) => clauseModel(clause, lang))],
    })),
  };
}

/** The signature page in each language: heading, closing formula, and one block per signatory in signing order (a signed file names who signed). */
function signaturesModel(document: MouDocument, languages: Lang[]): ParaSpec[] {
  if (document.signatories.length === 0) return [];
  const out: ParaSpec[] = [];
  for (const lang of languages) {
    const label = (key: DocumentLabel) => documentLabel(lang, key);
    // The heading and the closing formula stay with the first signature block; each block stays on one page.
    out.push(p(`signatures:${lang}`, lang, [r(label('signatures'), lang, { bold: true, size: SIZE.heading })], { spacingAfter: 120, keepWithNext: true }));
    const formula = closingFormula(document, lang);
    if (formula) out.push(p(`formula:${lang}`, lang, [r(formula, lang)], { align: 'justify', spacingAfter: 160, keepWithNext: true }));
    const signed = signedByLine(document, lang);
    if (signed) out.push(p(`signed:${lang}`, lang, [r(signed, lang, { bold: true })], { keepWithNext: true }));
    document.signatories.forEach((signatory, index) => {
      const key = `signatory:${lang}:${index}`;
      const { name, title, organisation } = signatoryIn(signatory, lang);
      const signature = document.signed && signatory.side === 'us' ? `/s/ ${document.signed.by}` : '______________________________';
      out.push(p(`${key}:side`, lang, [r(sideLabel(signatory.side, lang), lang, { bold: true })], { keepWithNext: true }));
      out.push(p(`${key}:signature`, lang, [r(`${label('signature')}: `, lang), r(signature, langOf(signature))], { keepWithNext: true }));
      for (const [field, value] of [['name', name], ['title', title], ['organisation', organisation]] as const) {
        out.push(p(`${key}:${field}`, lang, [r(`${label(field)}: `, lang), r(value, langOf(value))], { spacingAfter: 20, keepWithNext: true }));
      }
      out.push(p(`${key}:place`, lang, [r(`${label('place')}: ______________`, lang)], { spacingAfter: 20, keepWithNext: true }));
      out.push(p(`${key}:date`, lang, [r(`${label('date')}: ______________`, lang)], { spacingAfter: 240 }));
    });
  }
  return out;
}

/** "Page {page} of {pages}" in one language, as text and Word's PAGE and NUMPAGES fields in the catalog's order. */
function pageOfRuns(lang: Lang, style: RunStyle): RunSpec[] {
  const PAGE_MARK = '\uE000';
  const PAGES_MARK = '\uE001';
  const pattern = pageOf(lang, PAGE_MARK as unknown as number, PAGES_MARK as unknown as number);
  return pattern
    .split(/(\uE000|\uE001)/)
    .filter(Boolean)
    .map((piece): RunSpec => (piece === PAGE_MARK ? { text: '', field: 'page', lang, style } : piece === PAGES_MARK ? { text: '', field: 'pages', lang, style } : r(piece, lang, style)));
}

const markingModel = (document: MouDocument) => p('marking', langOf(document.marking), [r(document.marking, langOf(document.marking), { bold: true, size: SIZE.marking })], { align: 'center', spacingAfter: 0 });

/** A section's footer: title, version and date, and the page of pages, in each language the section shows. */
function footerModel(document: MouDocument, languages: Lang[]): ParaSpec[] {
  const style = { size: SIZE.small, color: '555555' };
  return [
    ...languages.map((lang) =>
      p(`footer:${lang}`, lang, [r(`${titleIn(document, lang)} — ${documentLabel(lang, 'version')} ${ltrIn(lang, versionLabelIn(document, lang))} — ${documentDate(lang, document.date)} — `, lang, style), ...pageOfRuns(lang, style)], { align: 'center', spacingAfter: 0 }),
    ),
    markingModel(document),
  ];
}

/** The whole document as parts: the front matter with the clauses when they share its pages, then each language's clauses, then the signatures. */
function documentModel(document: MouDocument): PartSpec[] {
  const languages = documentLanguages(document.language);
  const cover = document.titlePage ? titlePageModel(document, languages) : [];
  if (cover.length) cover.push(p('cover:end', languages[0]!, [], { pageBreakBefore: true, spacingAfter: 0 }));
  const front = [...cover, ...frontModel(document, languages)];
  const clauses = clausesModel(document, languages);
  const signatures = signaturesModel(document, languages);
  const part = (langs: Lang[], children: Block[]): PartSpec => ({ languages: langs, children, footer: footerModel(document, langs) });
  if (clauses.shared) return [part(languages, [...front, clauses.shared, ...signatures])];
  const perLanguage = clauses.perLanguage!;
  if (perLanguage.length === 1) return [part(languages, [...front, ...perLanguage[0]!.children, ...signatures])];
  return [part(languages, front), ...perLanguage.map(({ lang, children }) => part([lang], children)), ...(signatures.length ? [part(languages, signatures)] : [])];
}

// ---------------------------------------------------------------- the redline: merging two models

/** Paired items of two keyed lists in reading order: both (matched), or only the older's or the newer's. */
function pairByKey<T extends { key: string }>(before: T[], after: T[]): { before?: T; after?: T }[] {
  const script = editScript(
    before.map((item) => item.key),
    after.map((item) => item.key),
  );
  const out: { before?: T; after?: T }[] = [];
  let i = 0;
  let j = 0;
  if (!script) {
    // Too different to match: the older list removed, the newer inserted.
    return [...before.map((item) => ({ before: item })), ...after.map((item) => ({ after: item }))];
  }
  for (const op of script) {
    if (op === 'equal') out.push({ before: before[i++], after: after[j++] });
    else if (op === 'delete') out.push({ before: before[i++] });
    else out.push({ after: after[j++] });
  }
  return out;
}

const marked = (runs: RunSpec[], op: Op) => runs.map((run) => ({ ...run, op }));

/** The runs of a paragraph both versions have: unchanged runs as they are, a changed run as its word diff. */
function mergeRuns(before: RunSpec[], after: RunSpec[]): RunSpec[] {
  const sameShape = before.length === after.length && before.every((run, index) => run.field === after[index]!.field);
  if (!sameShape) return [...marked(before, 'delete'), ...marked(after, 'insert')];
  return after.flatMap((run, index) => {
    const old = before[index]!;
    if (run.field || old.text === run.text) return [run];
    return diffWords(old.text, run.text).map((segment) => ({ ...(segment.op === 'delete' ? old : run), text: segment.text, ...(segment.op === 'equal' ? {} : { op: segment.op }) }));
  });
}

function mergeParagraph(pair: { before?: ParaSpec; after?: ParaSpec }): ParaSpec {
  if (pair.before && pair.after) return { ...pair.after, runs: mergeRuns(pair.before.runs, pair.after.runs) };
  if (pair.after) return { ...pair.after, runs: marked(pair.after.runs, 'insert'), mark: 'insert' };
  return { ...pair.before!, runs: marked(pair.before!.runs, 'delete'), mark: 'delete' };
}

function mergeParagraphs(before: ParaSpec[], after: ParaSpec[]): ParaSpec[] {
  return closeContainer(pairByKey(before, after).map(mergeParagraph));
}

function mergeBlocks(before: Block[], after: Block[]): Block[] {
  const merged = pairByKey(before, after).map((pair): Block => {
    const block = (pair.after ?? pair.before)!;
    if (block.kind === 'p') return mergeParagraph(pair as { before?: ParaSpec; after?: ParaSpec });
    const rows = pairByKey((pair.before as TableSpec | undefined)?.rows ?? [], (pair.after as TableSpec | undefined)?.rows ?? []).map(mergeRow);
    return { ...block, rows };
  });
  // Paragraphs before a table end there as at the end of a cell: the table is not a paragraph to merge into.
  const out: Block[] = [];
  let run: ParaSpec[] = [];
  for (const block of merged) {
    if (block.kind === 'p') run.push(block);
    else {
      out.push(...closeContainer(run), block);
      run = [];
    }
  }
  out.push(...closeContainer(run));
  return out;
}

function mergeRow(pair: { before?: RowSpec; after?: RowSpec }): RowSpec {
  if (pair.before && pair.after) return { ...pair.after, cells: pair.after.cells.map((cell, index) => mergeParagraphs(pair.before!.cells[index] ?? [], cell)) };
  const row = (pair.after ?? pair.before)!;
  const op: Op = pair.after ? 'insert' : 'delete';
  // The row itself is tracked; its paragraphs too, but not the mark that ends each cell.
  return { ...row, op, cells: row.cells.map((cell) => cell.map((paragraph, index) => ({ ...paragraph, runs: marked(paragraph.runs, op), ...(index < cell.length - 1 ? { mark: op } : {}) }))) };
}

/**
 * The last paragraph of a container (a cell, a footer, the document, the
 * paragraphs before a table) keeps its mark: Word cannot delete it. When the
 * container ends with paragraphs only one version has, the boundaries are
 * rearranged so both Accept All and Reject All still give the right
 * paragraphs: inserted ones first, then deleted ones; the last of those keeps
 * the container's mark; the mark between the two groups was inserted and
 * deleted (it exists in neither version), and with only one group the mark
 * of the paragraph before it takes the change.
 */
function closeContainer(paragraphs: ParaSpec[]): ParaSpec[] {
  let start = paragraphs.length;
  while (start > 0 && paragraphs[start - 1]!.mark) start--;
  if (start === paragraphs.length) return paragraphs;
  const tail = paragraphs.slice(start);
  const inserted = tail.filter((paragraph) => paragraph.mark === 'insert');
  const deleted = tail.filter((paragraph) => paragraph.mark === 'delete');
  if (inserted.length + deleted.length !== tail.length) return paragraphs; // already closed
  const head = paragraphs.slice(0, start);
  const previous = head[head.length - 1];
  const out = [...inserted, ...deleted].map((paragraph) => ({ ...paragraph }));
  out[out.length - 1]!.mark = undefined;
  if (inserted.length && deleted.length) out[inserted.length - 1]!.mark = 'both';
  else if (previous) head[head.length - 1] = { ...previous, mark: inserted.length ? 'insert' : 'delete' };
  // With no paragraph before the group (a cell or container of changed paragraphs only) its first mark stays as it is: rows carry that change.
  return [...head, ...out];
}

function mergeModels(before: PartSpec[], after: PartSpec[]): PartSpec[] {
  if (before.length !== after.length) throw new Error('A redline compares two versions rendered in the same languages and layout.');
  return after.map((part, index) => ({ ...part, children: mergeBlocks(before[index]!.children, part.children), footer: mergeParagraphs(before[index]!.footer, part.footer) }));
}

// ---------------------------------------------------------------- writing the model with the docx library

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

/** The author and time of each tracked change, by the clause it belongs to. */
type Attribution = (clauseId: string | undefined) => RedlineAuthor;

class Writer {
  private nextId = 1;
  constructor(private readonly attribution: Attribution) {}

  private revision(clauseId: string | undefined) {
    const { author, date } = this.attribution(clauseId);
    return { id: this.nextId++, author, date };
  }

  run(spec: RunSpec, clauseId: string | undefined): ParagraphChild {
    const options = runOptions(spec.lang, spec.style);
    if (spec.field) return new TextRun({ children: [spec.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES], ...options });
    if (!spec.op) return new TextRun({ text: spec.text, ...options });
    const tracked = { ...this.revision(clauseId), text: spec.text, ...options };
    return spec.op === 'insert' ? new InsertedTextRun(tracked) : new DeletedTextRun(tracked);
  }

  paragraph(spec: ParaSpec): Paragraph {
    const children: ParagraphChild[] = spec.runs.map((run) => this.run(run, spec.clauseId));
    if (spec.comment !== undefined) {
      children.unshift(new CommentRangeStart(spec.comment));
      children.push(new CommentRangeEnd(spec.comment), new TextRun({ children: [new CommentReference(spec.comment)] }));
    }
    if (spec.pageBreakBefore) children.unshift(new PageBreak());
    const mark = spec.mark;
    return new Paragraph({
      children,
      bidirectional: spec.lang === 'ar',
      // START follows the paragraph direction: left for English, right for Arabic. Justified Arabic asks for kashidas
      // (Word's "Justify Low"; plain BOTH would widen only the spaces), as the PDF lengthens its lines.
      alignment: spec.align === 'center' ? AlignmentType.CENTER : spec.align === 'justify' ? (spec.lang === 'ar' ? AlignmentType.LOW_KASHIDA : AlignmentType.BOTH) : AlignmentType.START,
      spacing: { before: spec.spacingBefore, after: spec.spacingAfter ?? 80, line: LINE_SPACING, lineRule: LineRuleType.AUTO },
      ...(spec.keepWithNext ? { keepNext: true, keepLines: true } : {}),
      ...(mark
        ? {
            run: {
              ...(mark === 'insert' || mark === 'both' ? { insertion: this.revision(spec.clauseId) } : {}),
              ...(mark === 'delete' || mark === 'both' ? { deletion: this.revision(spec.clauseId) } : {}),
            },
          }
        : {}),
    });
  }

  table(spec: TableSpec): Table {
    const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const rule = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
    const rows = spec.rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          cantSplit: false,
          ...(row.op ? { [row.op === 'insert' ? 'insertion' : 'deletion']: this.revision(row.clauseId) } : {}),
          children: row.cells.map(
            (cell) =>
              new TableCell({
                children: cell.map((paragraph) => this.paragraph(paragraph)),
                width: { size: 50, type: WidthType.PERCENTAGE },
                borders: { top: rule, bottom: noBorder, left: noBorder, right: noBorder },
                margins: { top: 80, bottom: 80, left: 100, right: 100 },
              }),
          ),
        }),
    );
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [4819, 4819] });
  }

  block(spec: Block): Paragraph | Table {
    return spec.kind === 'p' ? this.paragraph(spec) : this.table(spec);
  }
}

let embeddedFonts: { name: string; data: Buffer; bold: Buffer }[] | undefined;
/** Amiri's regular and bold faces, embedded (the OFL allows it) so Word and LibreOffice show the face without it installed. */
function fontsToEmbed() {
  embeddedFonts ??= [{ name: DOCUMENT_FONT_FAMILY, data: readFileSync(DOCUMENT_FONTS.regular), bold: readFileSync(DOCUMENT_FONTS.bold) }];
  return embeddedFonts;
}

interface BuildOptions {
  attribution: Attribution;
  comment?: { author: string; date: string; lines: { lang: Lang; text: string }[] };
  description: string;
}

async function write(document: MouDocument, parts: PartSpec[], options: BuildOptions): Promise<Buffer> {
  const writer = new Writer(options.attribution);
  const built = new Document({
    creator: 'Accord',
    title: document.title.en,
    subject: options.description,
    description: options.description,
    fonts: fontsToEmbed(),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body, sizeComplexScript: SIZE.body } } } },
    ...(options.comment
      ? {
          comments: {
            children: [
              {
                id: 0,
                author: options.comment.author,
                date: new Date(options.comment.date),
                children: options.comment.lines.map((line) => writer.paragraph(p('comment', line.lang, [r(line.text, line.lang, { size: SIZE.small })]))),
              },
            ],
          },
        }
      : {}),
    sections: parts
      .filter((part) => part.children.length > 0)
      .map((part) => ({
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1300, bottom: 1300, left: 1134, right: 1134, header: 500, footer: 500 } } },
        headers: { default: new Header({ children: [writer.paragraph(markingModel(document))] }) },
        footers: { default: new Footer({ children: part.footer.map((paragraph) => writer.paragraph(paragraph)) }) },
        children: part.children.map((block) => writer.block(block)),
      })),
  });
  return Packer.toBuffer(built);
}

export async function renderMouDocx(document: MouDocument): Promise<Buffer> {
  const exportTime = { author: 'Accord', date: new Date(`${document.date}T00:00:00Z`).toISOString() };
  return write(document, documentModel(document), { attribution: () => exportTime, description: `${document.partnerName} — ${document.versionLabel}` });
}

/**
 * Who made the changes and when: `author`/`date` for the document as a whole
 * (the newer version's save), and `clause(id)` for the changes of one clause
 * (from its audit trail), when known.
 */
export interface RedlineRevisions extends RedlineAuthor {
  clause?: (clauseId: string) => RedlineAuthor | undefined;
}

/**
 * The newer version with the changes from the older one as tracked changes:
 * Word shows them in its review pane; Accept All yields the newer version's
 * document, Reject All the older one's.
 */
export async function renderRedlineDocx(before: MouDocument, after: MouDocument, revisions: RedlineRevisions): Promise<Buffer> {
  // Clause ids only match clauses if both versions carry them (as in the redline's own comparison).
  const useIds = before.clauses.some((clause) => clause.id) && after.clauses.some((clause) => clause.id);
  const withoutIds = (document: MouDocument): MouDocument => (useIds ? document : { ...document, clauses: document.clauses.map(({ id: _id, ...clause }) => clause) });
  const parts = mergeModels(documentModel(withoutIds(before)), documentModel(withoutIds(after)));
  const languages = documentLanguages(after.language);
  // The explanatory line is a comment on the title (and a document property): never text that Accept or Reject would leave.
  const title = parts[0]!.children.find((block): block is ParaSpec => block.kind === 'p' && block.key.startsWith('title:'));
  if (title) title.comment = 0;
  const lines = languages.map((lang) => ({ lang, text: redlineLine(before, after, lang) }));
  const attribution: Attribution = (clauseId) => (clauseId && revisions.clause?.(clauseId)) || revisions;
  return write(after, parts, { attribution, comment: { author: revisions.author, date: revisions.date, lines }, description: lines.map((line) => line.text).join(' / ') });
}
