import { clauseTitle, closingFormula, documentDate, documentLabel, documentLanguages, partiesIn, listSeparator, partnerNameIn, referencesIn, sideLabel, signatoryIn, signedByLine, versionLabelIn, type DocumentLabel } from '../../shared/documents/labels';
import { redlineClauses, type ClauseRedline, type DiffSegment } from '../../shared/documents/redline';
import { containsArabic } from '../../shared/documents/text';
import type { MouClause, MouDocument } from '../../shared/documents/types';
import { HTML_FONT_STACK } from './fonts';

/**
 * MOU draft to one self-contained HTML file (no scripts, no external
 * resources: it opens the same offline, in a mail client or a browser).
 * Arabic blocks carry lang="ar" dir="rtl" so the browser shapes and orders
 * them; the handling marking is fixed to the top and bottom of the screen
 * and, through print CSS, of every printed page.
 */

type Lang = 'en' | 'ar';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

const dirOf = (lang: Lang) => (lang === 'ar' ? 'rtl' : 'ltr');
const langAttributes = (lang: Lang) => `lang="${lang}" dir="${dirOf(lang)}"`;
/** Free text whose language we do not know (a party's name): let the browser pick its direction. */
const autoText = (text: string) => `<bdi dir="${containsArabic(text) ? 'rtl' : 'auto'}">${escapeHtml(text)}</bdi>`;
const titleIn = (document: MouDocument, lang: Lang) => (lang === 'ar' ? document.title.ar || document.title.en : document.title.en);

const STYLE = `
:root { --marking-height: 2.2em; }
* { box-sizing: border-box; }
body { font-family: ${HTML_FONT_STACK}; font-size: 11pt; line-height: 1.55; color: #000; background: #fff; margin: 0; }
.marking { position: fixed; left: 0; right: 0; height: var(--marking-height); line-height: var(--marking-height); text-align: center; font-weight: bold; letter-spacing: 0.04em; background: #fff; z-index: 1; }
.marking-top { top: 0; border-bottom: 1px solid #000; }
.marking-bottom { bottom: 0; border-top: 1px solid #000; }
.page { width: 100%; border-collapse: collapse; }
.page > thead td, .page > tfoot td { height: calc(var(--marking-height) + 0.6em); padding: 0; }
main { max-width: 60em; margin: 0 auto; padding: 0 1.5em; }
h1 { font-size: 1.45em; text-align: center; margin: 0.2em 0; }
.kind { text-align: center; color: #444; margin: 0.8em 0 0; }
.meta { text-align: center; margin: 0.2em 0; }
h2 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
[dir="rtl"] { text-align: right; }
.clauses { width: 100%; border-collapse: collapse; table-layout: fixed; }
.clauses th { text-align: start; padding: 0.3em 0.6em; }
.clauses td { vertical-align: top; padding: 0.5em 0.6em; border-top: 1px solid #999; }
.clause-heading { font-weight: bold; display: block; }
.references { display: block; font-size: 0.85em; color: #444; }
.sequential .clause { border-top: 1px solid #999; padding: 0.5em 0; break-inside: avoid; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; margin-top: 1em; break-inside: avoid; }
.signature { border: 1px solid #999; padding: 0.6em 0.8em; }
.signature .line { border-bottom: 1px solid #000; height: 2.4em; margin-bottom: 0.4em; }
.footer { margin-top: 2em; color: #555; font-size: 0.85em; text-align: center; }
ins { background: #d7f5dd; color: #05501a; text-decoration: underline; }
del { background: #fbdada; color: #7a0b0b; text-decoration: line-through; }
.change { font-size: 0.8em; font-weight: bold; padding: 0 0.4em; border: 1px solid currentColor; border-radius: 0.3em; margin-inline-start: 0.5em; }
.change-added { color: #05501a; } .change-removed { color: #7a0b0b; } .change-changed { color: #7a4b00; }
@page { size: A4; margin: 12mm 16mm; }
@media print {
  main { max-width: none; padding: 0; }
  .clauses tr { break-inside: avoid; }
}
`;

function shell(document: MouDocument, body: string, pageTitle: string): string {
  const primary: Lang = document.language === 'ar' ? 'ar' : 'en';
  const marking = escapeHtml(document.marking);
  // The empty thead/tfoot rows repeat on every printed page and keep the text clear of the fixed markings.
  return `<!doctype html>
<html ${langAttributes(primary)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(pageTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="marking marking-top" role="banner">${marking}</div>
<table class="page" role="presentation"><thead><tr><td></td></tr></thead><tfoot><tr><td></td></tr></tfoot><tbody><tr><td>
<main>
${body}
</main>
</td></tr></tbody></table>
<div class="marking marking-bottom" role="contentinfo">${marking}</div>
</body>
</html>
`;
}

function front(document: MouDocument, languages: Lang[]): string {
  const parts: string[] = [];
  for (const lang of languages) {
    parts.push(`<div ${langAttributes(lang)}><p class="kind">${escapeHtml(documentLabel(lang, 'memorandum'))}</p><h1>${escapeHtml(titleIn(document, lang))}</h1>`);
    parts.push(`<p class="meta">${escapeHtml(documentLabel(lang, 'version'))} ${autoText(versionLabelIn(document, lang))} — ${escapeHtml(documentLabel(lang, 'date'))} ${escapeHtml(documentDate(lang, document.date))}</p>`);
    parts.push(`<p>${escapeHtml(documentLabel(lang, 'partner'))}: ${autoText(partnerNameIn(document, lang))}</p></div>`);
  }
  for (const lang of languages) {
    parts.push(`<div ${langAttributes(lang)}><h2>${escapeHtml(documentLabel(lang, 'parties'))}</h2><ol class="parties">${partiesIn(document, lang).map((party) => `<li>${autoText(party)}</li>`).join('')}</ol></div>`);
  }
  return parts.join('\n');
}

function clauseBody(clause: MouClause, lang: Lang, text: string = escapeHtml(clause[lang]), badge = ''): string {
  const references = clause.references?.length ? `<span class="references">${escapeHtml(documentLabel(lang, 'references'))}: ${referencesIn(clause, lang).map(autoText).join(listSeparator(lang))}</span>` : '';
  return `<span class="clause-heading">${escapeHtml(clauseTitle(clause, lang))}${badge}</span><span class="clause-text">${text}</span>${references}`;
}

function clausesSection(
  document: MouDocument,
  languages: Lang[],
  rows: { clause: MouClause; text: (lang: Lang) => string; badge: (lang: Lang) => string }[],
): string {
  if (document.language === 'both' && document.layout === 'side-by-side') {
    const header = `<tr><th ${langAttributes('en')}>${escapeHtml(documentLabel('en', 'clauses'))}</th><th ${langAttributes('ar')}>${escapeHtml(documentLabel('ar', 'clauses'))}</th></tr>`;
    const body = rows
      .map(({ clause, text, badge }) => `<tr>${languages.map((lang) => `<td ${langAttributes(lang)}>${clauseBody(clause, lang, text(lang), badge(lang))}</td>`).join('')}</tr>`)
      .join('\n');
    return `<table class="clauses side-by-side"><thead>${header}</thead><tbody>\n${body}\n</tbody></table>`;
  }
  return languages
    .map(
      (lang) =>
        `<section class="sequential" ${langAttributes(lang)}><h2>${escapeHtml(documentLabel(lang, 'clauses'))}</h2>\n${rows
          .map(({ clause, text, badge }) => `<div class="clause">${clauseBody(clause, lang, text(lang), badge(lang))}</div>`)
          .join('\n')}</section>`,
    )
    .join('\n');
}

/** The signature page in each language: heading, closing formula, one block per signatory in signing order (the page's direction mirrors an Arabic one). */
function signatures(document: MouDocument, languages: Lang[]): string {
  if (document.signatories.length === 0) return '';
  return languages
    .map((lang) => {
      const label = (key: DocumentLabel) => escapeHtml(documentLabel(lang, key));
      const formula = closingFormula(document, lang);
      const signed = signedByLine(document, lang);
      const blocks = document.signatories
        .map((signatory) => {
          const { name, title, organisation } = signatoryIn(signatory, lang);
          const signature = document.signed && signatory.side === 'us' ? `/s/ ${autoText(document.signed.by)}` : '';
          return `<div class="signature">
<strong>${escapeHtml(sideLabel(signatory.side, lang))}</strong>
<div class="line">${signature}</div>
<div>${label('name')}: ${autoText(name)}</div>
<div>${label('title')}: ${autoText(title)}</div>
<div>${label('organisation')}: ${autoText(organisation)}</div>
<div>${label('place')}: ______________</div>
<div>${label('date')}: ______________</div>
</div>`;
        })
        .join('\n');
      return `<section ${langAttributes(lang)}><h2>${label('signatures')}</h2>${formula ? `<p class="closing">${escapeHtml(formula)}</p>` : ''}${signed ? `<p><strong>${escapeHtml(signed)}</strong></p>` : ''}<div class="signatures">${blocks}</div></section>`;
    })
    .join('\n');
}

function footer(document: MouDocument): string {
  const lang: Lang = document.language === 'ar' ? 'ar' : 'en';
  return `<p class="footer" ${langAttributes(lang)}>${escapeHtml(titleIn(document, lang))} — ${escapeHtml(documentLabel(lang, 'version'))} ${autoText(versionLabelIn(document, lang))} — ${escapeHtml(documentDate(lang, document.date))}</p>`;
}

export function renderMouHtml(document: MouDocument): string {
  const languages = documentLanguages(document.language);
  const rows = document.clauses.map((clause) => ({ clause, text: (lang: Lang) => escapeHtml(clause[lang]), badge: () => '' }));
  const body = [front(document, languages), clausesSection(document, languages, rows), signatures(document, languages), footer(document)].join('\n');
  return shell(document, body, `${document.title.en} — ${document.versionLabel}`);
}

function segmentsHtml(segments: DiffSegment[]): string {
  return segments.map(({ op, text }) => (op === 'insert' ? `<ins>${escapeHtml(text)}</ins>` : op === 'delete' ? `<del>${escapeHtml(text)}</del>` : escapeHtml(text))).join('');
}

function changeBadge(change: ClauseRedline, lang: Lang): string {
  if (change.change === 'unchanged') return '';
  return ` <span class="change change-${change.change}">${escapeHtml(documentLabel(lang, change.change))}</span>`;
}

/**
 * The newer version with every change marked: added and removed clauses
 * badged, changed words as <ins>/<del>. `before` and `after` are two saved
 * versions of the same draft; the header says which.
 */
export function renderRedlineHtml(before: MouDocument, after: MouDocument): string {
  const redline = redlineClauses(before.clauses, after.clauses);
  const languages = documentLanguages(after.language);
  const rows = redline.clauses.map((change) => {
    const clause = change.after ?? change.before!;
    const shownNumber = change.numberChanged ? { ...clause, number: `${change.before!.number} → ${change.after!.number}` } : clause;
    return { clause: shownNumber, text: (lang: Lang) => segmentsHtml(change[lang]), badge: (lang: Lang) => changeBadge(change, lang) };
  });
  const heading = languages
    .map((lang) => `<p class="meta" ${langAttributes(lang)}>${escapeHtml(documentLabel(lang, 'redline'))} ${autoText(versionLabelIn(before, lang))} (${escapeHtml(documentDate(lang, before.date))}) ${lang === 'ar' ? '←' : '→'} ${autoText(versionLabelIn(after, lang))} (${escapeHtml(documentDate(lang, after.date))})</p>`)
    .join('\n');
  const body = [front(after, languages), heading, clausesSection(after, languages, rows), footer(after)].join('\n');
  return shell(after, body, `${after.title.en} — ${before.versionLabel} → ${after.versionLabel}`);
}
