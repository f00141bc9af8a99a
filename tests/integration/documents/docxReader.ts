import { unzipSync } from 'fflate';

/**
 * Reads a DOCX back the way a word processor does, without one: unzip, then
 * the WordprocessingML parts. `acceptAll` and `rejectAll` apply every tracked
 * change the way Word's Accept All / Reject All do:
 *   accept: drop deleted runs (w:del with w:delText), unwrap inserted ones
 *           (w:ins), drop rows marked deleted, and join a paragraph whose mark
 *           was deleted with the paragraph after it;
 *   reject: the mirror image (inserted runs, rows and paragraph marks go,
 *           deleted ones come back as text).
 * `paragraphTexts` then lists what a reader sees: each paragraph's text in
 * order, with the table row and cell boundaries.
 */

export function openDocx(bytes: Uint8Array) {
  const files = unzipSync(new Uint8Array(bytes));
  const xml = (name: string) => new TextDecoder().decode(files[name]);
  return { names: Object.keys(files), xml };
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Run-level revision elements (not the empty ones that mark a paragraph or row). */
const RUNS = (tag: 'ins' | 'del') => new RegExp(`<w:${tag}\\b(?:[^>]*[^/>])?>[\\s\\S]*?</w:${tag}>`, 'g');
const OPEN = (tag: 'ins' | 'del') => new RegExp(`<w:${tag}\\b(?:[^>]*[^/>])?>|</w:${tag}>`, 'g');

function apply(xml: string, keep: 'ins' | 'del'): string {
  const drop = keep === 'ins' ? 'del' : 'ins';
  let out = xml.replace(/<w:tr\b[\s\S]*?<\/w:tr>/g, (row) => (new RegExp(`<w:trPr>(?:(?!</w:trPr>)[\\s\\S])*<w:${drop}\\b`).test(row) ? '' : row));
  out = out.replace(RUNS(drop), '').replace(OPEN(keep), '');
  if (keep === 'del') out = out.replace(/<w:delText\b([^>]*)>/g, '<w:t$1>').replace(/<\/w:delText>/g, '</w:t>');
  return out;
}

interface Para {
  text: string;
  joinsNext: boolean;
}

/** The paragraph mark's revision: in w:pPr's own w:rPr. */
function markOf(paragraph: string, tag: 'ins' | 'del'): boolean {
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? '';
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(pPr.replace(/<w:sectPr[\s\S]*?<\/w:sectPr>/g, ''))?.[1] ?? '';
  return new RegExp(`<w:${tag}\\b`).test(rPr);
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('');

/**
 * Paragraph texts in reading order, table rows and cells marked ('[row]',
 * '[cell]'), after joining each paragraph whose mark `joinMark` names with
 * the next one.
 */
export function paragraphTexts(xml: string, joinMark?: 'ins' | 'del'): string[] {
  const body = /<w:body>([\s\S]*)<\/w:body>|<w:(?:hdr|ftr)\b[^>]*>([\s\S]*)<\/w:(?:hdr|ftr)>/.exec(xml);
  const inner = body?.[1] ?? body?.[2] ?? xml;
  const out: string[] = [];
  let pending: Para | undefined;
  for (const token of inner.matchAll(/<w:tr\b[^>]*>|<w:tc\b[^>]*>|<w:p\b(?:[^>]*[^/>])?>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const piece = token[0];
    if (piece.startsWith('<w:tr')) {
      out.push('[row]');
      continue;
    }
    if (piece.startsWith('<w:tc')) {
      out.push('[cell]');
      continue;
    }
    const paragraph: Para = { text: textOf(piece), joinsNext: joinMark ? markOf(piece, joinMark) : false };
    const text = pending ? pending.text + paragraph.text : paragraph.text;
    if (paragraph.joinsNext) pending = { text, joinsNext: true };
    else {
      out.push(text);
      pending = undefined;
    }
  }
  if (pending) out.push(`${pending.text}[unterminated]`);
  return out;
}

export function acceptAll(xml: string): string[] {
  return paragraphTexts(apply(xml, 'ins'), 'del');
}

export function rejectAll(xml: string): string[] {
  return paragraphTexts(apply(xml, 'del'), 'ins');
}

/** The footer parts of each section, in order (word/footerN.xml as the body references them). */
export function footerNames(docx: ReturnType<typeof openDocx>): string[] {
  const body = docx.xml('word/document.xml');
  const rels = docx.xml('word/_rels/document.xml.rels');
  return [...body.matchAll(/<w:footerReference w:type="default" r:id="([^"]+)"/g)].map((m) => {
    const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels)!;
    return `word/${target[1] ?? target[2]}`;
  });
}
