import type { Paragraph, Table } from 'docx';
import type { CommuniqueContent } from '../../../db/repositories/brief';
import { formatDate, formatMessage, nameIn } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/message';
import { DSIZE, packDocx, para } from './docxWriter';
import { pageLabel } from './briefPdf';
import { renderWith, SIZE } from './pdfWriter';
import { isolate, languagesOf, type DocLanguage, type Lang } from './text';

/**
 * A formal communique to the partner ministry, as a letter: from the post,
 * to the partner, dated, a subject line, then a meeting's decisions and
 * action items or a check-in point's joint assessment, and a closing. English,
 * Arabic or both (each language from its own page), with the marking on every
 * page, as PDF or DOCX.
 */

interface Letter {
  lang: Lang;
  lines: { text: string; kind: 'title' | 'meta' | 'subject' | 'heading' | 'body' | 'item' }[];
}

function letterIn(content: CommuniqueContent, lang: Lang, from: string, today: string): Letter {
  const t = (key: MessageKey, params?: Record<string, string | number>) => formatMessage(lang, key, params);
  const lines: Letter['lines'] = [
    { text: t('dashboard.doc.communiqueTitle'), kind: 'title' },
    { text: t('dashboard.doc.from', { name: from }), kind: 'meta' },
    { text: t('dashboard.doc.to', { name: nameIn(lang, content.partner.name, content.partner.nameAr) }), kind: 'meta' },
    { text: t('dashboard.doc.date', { at: today }), kind: 'meta' },
    { text: t(content.kind === 'meeting' ? 'dashboard.doc.subjectMeeting' : 'dashboard.doc.subjectCheckIn', { title: nameIn(lang, content.title, content.titleAr), at: content.date }), kind: 'subject' },
    { text: t(content.kind === 'meeting' ? 'dashboard.doc.openingMeeting' : 'dashboard.doc.openingCheckIn'), kind: 'body' },
  ];
  if (content.kind === 'meeting') {
    lines.push({ text: t('dashboard.doc.decisions'), kind: 'heading' });
    lines.push({ text: nameIn(lang, content.decisions, content.decisionsAr) || t('dashboard.doc.none'), kind: 'body' });
    lines.push({ text: t('dashboard.doc.actions'), kind: 'heading' });
    if (content.actionItems.length === 0) lines.push({ text: t('dashboard.doc.noActions'), kind: 'body' });
    content.actionItems.forEach((item, index) =>
      lines.push({ text: `${String(index + 1)}. ${t('dashboard.doc.actionItem', { description: nameIn(lang, item.description, item.descriptionAr), owner: item.owner || t('dashboard.actions.noOwner'), due: item.dueDate ? formatDate(lang, item.dueDate) : '—' })}`, kind: 'item' }),
    );
  } else {
    lines.push({ text: t('dashboard.doc.assessment'), kind: 'heading' });
    lines.push({ text: t('dashboard.doc.overallRating', { rating: t(`records.option.checkIns.rating.${content.rating}` as MessageKey) }), kind: 'body' });
    for (const m of content.measured) lines.push({ text: `• ${t('dashboard.doc.measured', { benchmark: nameIn(lang, m.benchmark, m.benchmarkAr), value: m.value ? isolate(m.value) : '—', target: m.target ? isolate(m.target) : '—' })}`, kind: 'item' });
    if (content.evidence) {
      lines.push({ text: t('dashboard.doc.evidence'), kind: 'heading' });
      lines.push({ text: content.evidence, kind: 'body' });
    }
    if (content.acknowledgedBy) lines.push({ text: t('dashboard.doc.acknowledged', { name: content.acknowledgedBy, at: content.acknowledgedOn || content.date }), kind: 'body' });
  }
  lines.push({ text: t('dashboard.doc.closing'), kind: 'body' });
  lines.push({ text: t('dashboard.doc.signature'), kind: 'heading' });
  lines.push({ text: from, kind: 'body' });
  return { lang, lines };
}

export function renderCommuniquePdf(content: CommuniqueContent, lang: DocLanguage, marking: string, from: string, today: string): Promise<Buffer> {
  const letters = languagesOf(lang).map((language) => letterIn(content, language, from, today));
  return renderWith({ title: `${formatMessage('en', 'dashboard.doc.communiqueTitle')} — ${content.title}`, marking, date: today, lang: letters[0]!.lang, pageLabel }, (writer) => {
    letters.forEach((letter, index) => {
      writer.setLanguage(letter.lang);
      if (index > 0) writer.newPage();
      for (const line of letter.lines) {
        if (line.kind === 'title') writer.paragraph(line.text, { size: SIZE.title, bold: true }, { align: 'center' });
        else if (line.kind === 'meta') writer.paragraph(line.text, { size: SIZE.body, color: '#333333' });
        else if (line.kind === 'subject') {
          writer.gap(6);
          writer.paragraph(line.text, { size: SIZE.subheading, bold: true });
          writer.gap(4);
        } else if (line.kind === 'heading') writer.heading(line.text, SIZE.subheading);
        else if (line.kind === 'item') writer.paragraph(line.text, { size: SIZE.body }, { indent: 10 });
        else {
          writer.paragraph(line.text, { size: SIZE.body });
          writer.gap(3);
        }
      }
    });
  });
}

export function renderCommuniqueDocx(content: CommuniqueContent, lang: DocLanguage, marking: string, from: string, today: string): Promise<Buffer> {
  const parts = languagesOf(lang).map((language) => {
    const letter = letterIn(content, language, from, today);
    const children: (Paragraph | Table)[] = letter.lines.map((line) =>
      line.kind === 'title'
        ? para(line.text, language, { bold: true, size: DSIZE.title }, { center: true })
        : line.kind === 'subject' || line.kind === 'heading'
          ? para(line.text, language, { bold: true, size: DSIZE.subheading })
          : para(line.text, language, { size: line.kind === 'meta' ? DSIZE.small : DSIZE.body }),
    );
    return { lang: language, children };
  });
  return packDocx(`${formatMessage('en', 'dashboard.doc.communiqueTitle')} — ${content.title}`, marking, parts);
}
