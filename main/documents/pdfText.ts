import bidiFactory from 'bidi-js';
import type PDFDocument from 'pdfkit';

/**
 * Bidirectional text for pdfkit. pdfkit shapes with fontkit (Arabic letters
 * get their joined forms) but neither breaks lines by direction nor reorders
 * mixed-direction text, and fontkit reverses the glyphs of any run whose
 * first strong script is right-to-left. So we: break lines in logical order,
 * resolve embedding levels per line with the Unicode Bidirectional Algorithm
 * (bidi-js), split each line into level runs, order the runs visually (rule
 * L2), mirror brackets in right-to-left runs, and hand each run to pdfkit in
 * logical order so shaping sees letters in reading order; a run whose
 * direction fontkit would guess wrong (Arabic-Indic digits, which are laid
 * out left to right; neutral punctuation inside Arabic) is pre-reversed.
 */

const bidi = bidiFactory();
type Doc = InstanceType<typeof PDFDocument>;

/** Shape as one run (passing features makes pdfkit lay out the whole run at once, not word by word). */
const RUN_OPTIONS = { lineBreak: false, features: [] as PDFKit.Mixins.OpenTypeFeatures[] };
/**
 * Arabic is shaped without kerning: Amiri kerns some pairs (reh before yeh)
 * by shifting the glyph, and text extraction (poppler, hence search) reads
 * the shift as a space inside the word ("فر يق"). Joining, ligatures and mark
 * positioning are untouched; the pairs sit a little closer.
 */
const ARABIC_RUN_OPTIONS = { lineBreak: false, features: { kern: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] };
const ARABIC_SCRIPT = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const optionsFor = (text: string) => (ARABIC_SCRIPT.test(text) ? ARABIC_RUN_OPTIONS : RUN_OPTIONS);

export interface VisualPiece {
  /** Text as pdfkit must receive it so the glyphs land in visual order. */
  text: string;
  width: number;
  /** Style number of its characters (0: plain). */
  style: number;
  /** Laid out right to left (its words run from right to left). */
  rtl?: boolean;
  /** Drawn with the fallback face (characters the document font has no glyph for). */
  fallback?: string;
  /** An Arabic piece's text as written (logical order, brackets unmirrored): what copy and search must give. */
  actual?: string;
}

export interface LaidOutLine {
  pieces: VisualPiece[];
  width: number;
  /** The last line of a paragraph (never stretched when justifying). */
  last?: boolean;
}

const FALLBACK = Symbol('accordFallbackFont');
const CURRENT = Symbol('accordCurrentFont');
type FontState = { [FALLBACK]?: Map<string, string>; [CURRENT]?: string; _font?: { font?: { hasGlyphForCodePoint(code: number): boolean } } };

/**
 * Selects a font by file, remembering it, with the face that draws the
 * characters it lacks (Amiri has no arrows, which DejaVu has).
 */
export function useFont(doc: Doc, path: string, fallback?: string): void {
  doc.font(path);
  const state = doc as unknown as FontState;
  state[CURRENT] = path;
  if (fallback) (state[FALLBACK] ??= new Map()).set(path, fallback);
}

/** The fallback face for the current font, and whether the current font draws a character. */
function coverage(doc: Doc): { fallback?: string; covers(char: string): boolean } {
  const state = doc as unknown as FontState;
  const current = state[CURRENT];
  const fallback = current ? state[FALLBACK]?.get(current) : undefined;
  const font = state._font?.font;
  if (!fallback || !font) return { covers: () => true };
  return { fallback, covers: (char) => /[\s\p{M}\p{Cf}]/u.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0)!) };
}

/** Runs `measure` with the fallback face selected when `fallback` names one, then the document font again. */
function withFont<T>(doc: Doc, fallback: string | undefined, run: () => T): T {
  if (!fallback) return run();
  const state = doc as unknown as FontState;
  const current = state[CURRENT]!;
  doc.font(fallback);
  try {
    return run();
  } finally {
    doc.font(current);
  }
}

/** Directional marks, embeddings and isolates steer the algorithm but have no glyph: never drawn. */
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');
/** Wraps text (a date, a code) so it keeps its left-to-right order inside Arabic. */
export const isolateLtr = (text: string) => `\u2066${text}\u2069`;
const NEUTRAL_OR_INHERITED = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** What fontkit will decide: the direction of the first character of a non-neutral script. */
function fontkitLaysOutRtl(text: string): boolean {
  for (const char of text) {
    if (!NEUTRAL_OR_INHERITED.test(char)) return RTL_SCRIPT.test(char);
  }
  return false;
}

/** Reverses by clusters (a base character with its combining marks), so marks stay on their letter. */
function reverseClusters(text: string): string {
  return (text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? []).reverse().join('');
}

/** One line, already broken, to pieces in left-to-right drawing order; `styles` (one per character) split pieces further. */
export function visualPieces(doc: Doc, line: string, rtlParagraph: boolean, styles?: ArrayLike<number>): LaidOutLine {
  if (!line) return { pieces: [], width: 0 };
  const { levels } = bidi.getEmbeddingLevels(line, rtlParagraph ? 'rtl' : 'ltr');
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  const { fallback, covers } = coverage(doc);
  const runs: { start: number; end: number; level: number; style: number; fallback?: string }[] = [];
  for (let i = 0; i < line.length; i++) {
    const level = levels[i]!;
    const style = styles?.[i] ?? 0;
    // (A surrogate pair's low half takes its high half's face.)
    const face = fallback && !/[\udc00-\udfff]/.test(line[i]!) && !covers(String.fromCodePoint(line.codePointAt(i)!)) ? fallback : i > 0 && /[\udc00-\udfff]/.test(line[i]!) ? runs[runs.length - 1]?.fallback : undefined;
    const last = runs[runs.length - 1];
    if (last && last.level === level && last.style === style && last.fallback === face) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level, style, ...(face ? { fallback: face } : {}) });
  }
  // Rule L2: from the highest level down to the lowest odd level, reverse every sequence of runs at that level or above.
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => (run.level % 2 ? run.level : run.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      const reversed = runs.slice(i, j).reverse();
      runs.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  const pieces = runs.map(({ start, end, level, style, fallback: face }): VisualPiece => {
    let text = '';
    for (let i = start; i < end; i++) if (!BIDI_CONTROL.test(line[i]!)) text += mirrored.get(i) ?? line[i];
    const rtl = level % 2 === 1;
    if (rtl !== fontkitLaysOutRtl(text)) text = reverseClusters(text);
    const width = withFont(doc, face, () => doc.widthOfString(text, optionsFor(text)));
    const actual = ARABIC_SCRIPT.test(text) ? line.slice(start, end).replace(BIDI_CONTROLS, '') : undefined;
    return { text, width, style, ...(fontkitLaysOutRtl(text) ? { rtl: true } : {}), ...(face ? { fallback: face } : {}), ...(actual ? { actual } : {}) };
  });
  return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0) };
}

/**
 * Greedy line breaking at spaces (and explicit newlines), in logical order,
 * then visual ordering per line. Words are measured one by one (a space ends
 * Arabic joining, so a line's width is the sum of its words and spaces).
 * `styles` gives each character of `text` a style number (the redline's
 * inserted and deleted words) that its piece carries to drawLine.
 */
export function layoutParagraph(doc: Doc, text: string, maxWidth: number, rtl: boolean, styles?: ArrayLike<number>): LaidOutLine[] {
  memoiseShaping(doc);
  // Bidi controls are never drawn (visualPieces drops them), so they take no width.
  const measure = (part: string) => {
    const shown = part.replace(BIDI_CONTROLS, '');
    return doc.widthOfString(shown, optionsFor(shown));
  };
  const lines: LaidOutLine[] = [];
  let lineStart = 0;
  let lineEnd = 0; // end of the line's last word: trailing spaces are not drawn
  let width = 0;
  let pendingSpace = 0;
  const flush = (last = false) => {
    lines.push({ ...visualPieces(doc, text.slice(lineStart, lineEnd), rtl, styles && Array.prototype.slice.call(styles, lineStart, lineEnd)), ...(last ? { last } : {}) });
    width = 0;
    pendingSpace = 0;
  };
  const startAt = (at: number) => {
    lineStart = at;
    lineEnd = at;
  };
  for (const token of text.matchAll(/\r?\n|[^\S\r\n]+|[^\s]+/g)) {
    let at = token.index!;
    let word = token[0];
    if (word.endsWith('\n')) {
      flush(true);
      startAt(at + word.length);
      continue;
    }
    if (/^\s/.test(word)) {
      if (lineEnd > lineStart) pendingSpace += measure(word);
      continue;
    }
    let wordWidth = measure(word);
    if (lineEnd === lineStart) startAt(at);
    else if (width + pendingSpace + wordWidth > maxWidth) {
      flush();
      startAt(at);
    }
    // A word wider than the whole line is cut by characters rather than overflowing.
    while (wordWidth > maxWidth && [...word].length > 1) {
      const chars = [...word];
      let fit = chars.length - 1;
      while (fit > 1 && measure(chars.slice(0, fit).join('')) > maxWidth) fit--;
      if (lineEnd > lineStart) {
        flush();
        startAt(at);
      }
      const head = chars.slice(0, fit).join('');
      lineEnd = at + head.length;
      flush();
      at += head.length;
      startAt(at);
      word = chars.slice(fit).join('');
      wordWidth = measure(word);
    }
    lineEnd = at + word.length;
    width += pendingSpace + wordWidth;
    pendingSpace = 0;
  }
  flush(true);
  return lines;
}

const MEMOISED = Symbol('accordMemoisedShaping');
type ShapingFont = { layoutRun?: (text: string, features?: unknown) => unknown; font?: FontkitFont; [MEMOISED]?: true };

interface FontkitFont {
  _layoutEngine?: { engine?: { GPOSProcessor?: object | null } };
}
type AnchorProcessor = {
  applyAnchor(markRecord: { markAnchor?: unknown }, baseAnchor: unknown, baseGlyphIndex: number): void;
  applyLookup(lookupType: number, table: unknown): boolean;
  [SKIPPED_ANCHOR]?: boolean;
};
const SKIPPED_ANCHOR = Symbol('accordSkippedAnchor');
let anchorsTolerated = false;

/**
 * OpenType lets a mark-attachment table leave a mark class without an anchor
 * on some base (a null offset: "this mark does not attach here"); Amiri does
 * so for its vowel marks on many letters. fontkit reads the missing anchor
 * and throws, so any word with a fatha or tanween on such a letter fails to
 * shape. As HarfBuzz does, a lookup that finds no anchor is not applied (the
 * next subtable may have one). Patched once on fontkit's positioning
 * processor, shared by all fonts.
 */
function tolerateMissingAnchors(font: FontkitFont | undefined): void {
  if (anchorsTolerated || !font) return;
  const processor = font._layoutEngine?.engine?.GPOSProcessor;
  if (!processor) return;
  const prototype = Object.getPrototypeOf(processor) as AnchorProcessor;
  const applyAnchor = prototype.applyAnchor;
  const applyLookup = prototype.applyLookup;
  prototype.applyAnchor = function (this: AnchorProcessor, markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) {
      this[SKIPPED_ANCHOR] = true;
      return;
    }
    applyAnchor.call(this, markRecord, baseAnchor, baseGlyphIndex);
  };
  prototype.applyLookup = function (this: AnchorProcessor, lookupType, table) {
    this[SKIPPED_ANCHOR] = false;
    const applied = applyLookup.call(this, lookupType, table);
    if (!this[SKIPPED_ANCHOR]) return applied;
    this[SKIPPED_ANCHOR] = false;
    return false;
  };
  anchorsTolerated = true;
}

/**
 * Measuring and then drawing a run shapes it twice, and an MOU repeats the
 * same words and labels on every page. pdfkit only caches runs laid out
 * without explicit features, so we cache the current font's runs ourselves
 * (pdfkit reads them without changing them). Call after each font switch.
 */
export function memoiseShaping(doc: Doc): void {
  const font = (doc as unknown as { _font: ShapingFont })._font;
  tolerateMissingAnchors(font?.font);
  if (!font?.layoutRun || font[MEMOISED]) return;
  const original = font.layoutRun.bind(font);
  const cache = new Map<string, unknown>();
  font.layoutRun = (text, features) => {
    const key = `${JSON.stringify(features ?? null)}\u0000${text}`;
    let run = cache.get(key);
    if (run === undefined) {
      run = original(text, features);
      cache.set(key, run);
    }
    return run;
  };
  font[MEMOISED] = true;
}

/** How a styled piece is drawn: its colour, and a line under it (inserted) or through it (deleted). */
export interface PieceStyle {
  color: string;
  decoration?: 'underline' | 'strike';
}

const TATWEEL = '\u0640';
/** Letters that join the letter after them (dual-joining): a kashida may follow one inside a word. */
const JOINS_NEXT = /[\u0626\u0628\u062a-\u062e\u0633-\u063a\u0641-\u0647\u0649\u064a\u067e\u0686\u06a9\u06af\u06cc]/;
/** Letters a kashida may come before (any that joins the letter before it; not hamza, which joins nothing). */
const JOINED_FROM_BEFORE = /[\u0622-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/;
const ALEFS = /[\u0622\u0623\u0625\u0627]/;
/** At most this many kashidas in one word: a longer stretch reads as a gap in the word. */
const MAX_KASHIDAS_PER_WORD = 3;

/**
 * Where a kashida goes in an Arabic word, as an index in its text: after the
 * last letter (with its marks) that joins the next letter, as Arabic
 * typesetting stretches the join before a word's last letter first; never
 * inside lam-alef, which would break the ligature. -1: none fits.
 */
export function kashidaPosition(word: string): number {
  const chars = [...word];
  let at = -1;
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    offset += chars[i]!.length;
    if (!JOINS_NEXT.test(chars[i]!)) continue;
    let j = i + 1;
    let end = offset;
    while (j < chars.length && /\p{M}/u.test(chars[j]!)) end += chars[j++]!.length;
    const next = chars[j];
    if (next && JOINED_FROM_BEFORE.test(next) && !(chars[i] === '\u0644' && ALEFS.test(next))) at = end;
  }
  return at;
}

/**
 * For a justified line holding Arabic: the words that take kashidas and the
 * text each is drawn with, chosen before the spaces take what is left. Each
 * eligible word takes one kashida in turn, from the line's start in reading
 * order, until the extra width is used or every word holds its most.
 */
function kashidas(doc: Doc, line: LaidOutLine, extra: number): { words: Map<string, string>; added: number } {
  const words = new Map<string, string>();
  const eligible: { key: string; word: string; at: number; count: number }[] = [];
  line.pieces.forEach((piece, p) => {
    if (!piece.rtl || piece.fallback || !ARABIC_SCRIPT.test(piece.text)) return;
    (piece.text.match(/ +|[^ ]+/g) ?? []).forEach((token, t) => {
      const at = token.startsWith(' ') ? -1 : kashidaPosition(token);
      if (at > 0) eligible.push({ key: `${p}:${t}`, word: token, at, count: 0 });
    });
  });
  if (eligible.length === 0) return { words, added: 0 };
  const one = doc.widthOfString(TATWEEL, ARABIC_RUN_OPTIONS);
  if (!(one > 0)) return { words, added: 0 };
  let count = Math.min(Math.floor(extra / one), eligible.length * MAX_KASHIDAS_PER_WORD);
  for (let round = 0; count > 0; round++) {
    for (const word of eligible) {
      if (count === 0) break;
      if (word.count === round) {
        word.count++;
        count--;
      }
    }
  }
  let added = 0;
  for (const { key, word, at, count: n } of eligible) {
    if (n === 0) continue;
    const stretched = word.slice(0, at) + TATWEEL.repeat(n) + word.slice(at);
    words.set(key, stretched);
    added += doc.widthOfString(stretched, ARABIC_RUN_OPTIONS) - doc.widthOfString(word, ARABIC_RUN_OPTIONS);
  }
  return { words, added };
}

/**
 * Draws one laid-out line; `align` decides where its pieces start; `styles`
 * maps a piece's style number to its look. 'justify' fills `width` (not the
 * last line of a paragraph, which starts on its reading side): Arabic words
 * are lengthened with kashidas first, then the spaces stretch; each word is
 * then drawn on its own, a right-to-left piece's words from right to left.
 * A lengthened word's ActualText stays the word as written.
 */
export function drawLine(doc: Doc, line: LaidOutLine, left: number, width: number, y: number, align: 'left' | 'right' | 'center' | 'justify-left' | 'justify-right', styles?: Record<number, PieceStyle>): void {
  const justify = align.startsWith('justify') && !line.last;
  const start = align === 'justify-left' ? 'left' : align === 'justify-right' ? 'right' : align;
  const spaces = justify ? line.pieces.reduce((sum, piece) => sum + (piece.text.match(/ /g)?.length ?? 0), 0) : 0;
  const filling = justify && spaces > 0 && line.width < width;
  const lengthened = filling ? kashidas(doc, line, width - line.width) : { words: new Map<string, string>(), added: 0 };
  const stretch = filling ? Math.max(0, width - line.width - lengthened.added) / spaces : 0;
  let x = filling || start === 'left' ? left : start === 'right' ? left + width - line.width : left + (width - line.width) / 2;
  const fontSize = (doc as unknown as { _fontSize: number })._fontSize;
  line.pieces.forEach((piece, p) => {
    const look = piece.style ? styles?.[piece.style] : undefined;
    withFont(doc, piece.fallback, () => {
      if (piece.actual) beginActualText(doc, piece.actual);
      if (look) {
        doc.save();
        doc.fillColor(look.color);
      }
      const pieceStart = x;
      if (!filling) {
        doc.text(piece.text, x, y, optionsFor(piece.text));
        x += piece.width;
      } else {
        // Words and spaces in drawing order: a right-to-left piece holds its words in reading order.
        const tokens = (piece.text.match(/ +|[^ ]+/g) ?? []).map((token, t) => lengthened.words.get(`${p}:${t}`) ?? token);
        if (piece.rtl) tokens.reverse();
        for (const token of tokens) {
          if (token.startsWith(' ')) x += doc.widthOfString(token, optionsFor(token)) + stretch * token.length;
          else {
            doc.text(token, x, y, optionsFor(token));
            x += doc.widthOfString(token, optionsFor(token));
          }
        }
      }
      if (look) {
        doc.restore();
        if (look.decoration && piece.text.trim()) {
          // From the face's own baseline (Amiri's ascent is taller than most): under the letters, or through their middle.
          const baseline = y + (((doc as unknown as { _font: { ascender: number } })._font.ascender ?? 900) / 1000) * fontSize;
          const at = baseline + fontSize * (look.decoration === 'underline' ? 0.14 : -0.27);
          doc.save().moveTo(pieceStart, at).lineTo(x, at).lineWidth(0.8).strokeColor(look.color).stroke().restore();
        }
      }
      if (piece.actual) doc.addContent('EMC');
    });
  });
}

const ACTUAL_TEXTS = Symbol('accordActualTexts');
interface ActualTextDoc {
  [ACTUAL_TEXTS]?: Map<string, { name: string; ref: { end(): void } }>;
  page: { resources: { data: { Properties?: Record<string, unknown> } } };
  ref(data: object): { end(): void };
}

/**
 * Opens a marked-content sequence (closed by EMC) whose /ActualText is the
 * piece as written: copy and search then read the letters in logical order
 * with every haraka in its place, rather than rebuilding a word from glyphs
 * drawn right to left, where a mark sits before its letter and extractors
 * cut the word at it ("مشترك ًا"). Shared by every page that shows the
 * same text.
 *
 * The property list is a named resource (/Span /AT0 BDC), which the PDF
 * standard treats as the same as one written inline. Readers differ:
 * PDFium (Chrome, Edge) reads either in logical order, as the standard
 * means, but poppler (pdftotext, Evince, Okular) lays an ActualText's
 * characters out left to right over the glyphs and then reverses the
 * right-to-left run, so it reads every such word backwards. Poppler 22.12
 * honours only the inline form and so keeps reading these glyphs as before;
 * later poppler (26.04's source) also looks up named lists, and would read
 * the runs backwards: pdf.test.ts has a canary for that.
 */
function beginActualText(doc: Doc, text: string): void {
  const state = doc as unknown as ActualTextDoc;
  const known = (state[ACTUAL_TEXTS] ??= new Map());
  let entry = known.get(text);
  if (!entry) {
    const ref = state.ref({ ActualText: new String(text) });
    ref.end();
    entry = { name: `AT${known.size}`, ref };
    known.set(text, entry);
  }
  (state.page.resources.data.Properties ??= {})[entry.name] = entry.ref;
  doc.addContent(`/Span /${entry.name} BDC`);
}

interface EmbeddedFontInternals {
  font: { glyphForCodePoint(codePoint: number): { id: number } };
  subset: { mapping: Record<number, number> };
  unicode: number[][];
}

/**
 * Text extraction (copy, search, pdftotext) reads each glyph's ToUnicode
 * entry. fontkit records a ligature such as lam-alef as its two letters in
 * logical order, which extractors then reverse with the rest of the
 * right-to-left line ("ال" for "لا"). Mapping such glyphs to their single
 * Arabic presentation-form code point instead (which the font's cmap gives
 * us) survives the reversal and normalises (NFKC) back to the letters.
 * Call before doc.end(), when the ToUnicode maps are written.
 */
export function mapLigaturesToPresentationForms(doc: Doc): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, EmbeddedFontInternals> })._fontFamilies;
  for (const embedded of Object.values(families)) {
    if (!embedded.subset?.mapping || !embedded.unicode) continue;
    for (const [start, end] of [[0xfb50, 0xfdff], [0xfe70, 0xfeff]] as const) {
      for (let codePoint = start; codePoint <= end; codePoint++) {
        const glyphId = embedded.font.glyphForCodePoint(codePoint).id;
        if (!glyphId) continue;
        const subsetId = embedded.subset.mapping[glyphId];
        if (subsetId !== undefined && (embedded.unicode[subsetId]?.length ?? 0) > 1) embedded.unicode[subsetId] = [codePoint];
      }
    }
  }
}
