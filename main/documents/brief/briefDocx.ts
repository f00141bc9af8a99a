import type { Paragraph, Table } from 'docx';
import type { BriefContent } from '../../../db/repositories/brief';
import { RATING_SERIES, ratingSeries, resourceSeries, timelineSeries } from '../../../shared/dashboard/series';
import { formatDate, formatMessage, formatMoney, formatNumber, nameIn } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/message';
import { DSIZE, heading, packDocx, para, table } from './docxWriter';
import { benchmarkHeader, benchmarkRow, deadlineLine, languagesOf, resourceLines, type DocLanguage, type Lang } from './text';

/**
 * The brief as DOCX, for resource managers who edit or forward it. Same
 * content and order as the PDF; each chart is given as the table of its
 * series (a Word table reads and prints everywhere; no image is embedded).
 */

function partIn(content: BriefContent, lang: Lang): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    para(formatMessage(lang, 'dashboard.doc.briefTitle'), lang, { bold: true, size: DSIZE.title }, { center: true }),
    para(deadlineLine(lang, content), lang, { size: DSIZE.subheading }, { center: true }),
    para(formatMessage(lang, 'dashboard.doc.prepared', { at: content.today }), lang, { size: DSIZE.small, color: '555555' }, { center: true }),
  ];
  if (content.deliveries.length) out.push(para(formatMessage(lang, 'dashboard.doc.deliveries', { list: content.deliveries.map((d) => d.recipientName).join(', ') }), lang, { size: DSIZE.small }, { center: true }));
  for (const partner of content.partners) {
    out.push(heading(formatMessage(lang, 'dashboard.doc.partner', { name: nameIn(lang, partner.name, partner.nameAr) }), lang, DSIZE.title - 4));
    const timeline = timelineSeries(partner.dashboard, lang);
    out.push(heading(formatMessage(lang, 'dashboard.timeline.heading'), lang, DSIZE.subheading));
    const deadlineTitle = new Map(timeline.deadlines.map((d) => [d.id, d.title]));
    out.push(
      table(
        [formatMessage(lang, 'dashboard.timeline.point'), formatMessage(lang, 'dashboard.timeline.project'), formatMessage(lang, 'dashboard.timeline.due'), formatMessage(lang, 'dashboard.timeline.state')],
        timeline.points.map((p) => [p.title, p.projectTitle, formatDate(lang, p.dueDate), `${formatMessage(lang, `dashboard.timeline.kind.${p.kind}` as MessageKey)}${p.kind === 'late' && p.lateForDeadlineId ? ` (${deadlineTitle.get(p.lateForDeadlineId) ?? ''})` : ''}`]),
        lang,
      ),
    );
    const ratings = ratingSeries(partner.dashboard);
    if (ratings.length) {
      out.push(heading(formatMessage(lang, 'dashboard.ratings.heading'), lang, DSIZE.subheading));
      out.push(table([formatMessage(lang, 'dashboard.ratings.period'), ...RATING_SERIES.map((key) => formatMessage(lang, `records.option.checkIns.rating.${key}` as MessageKey))], ratings.map((row) => [row.period, ...RATING_SERIES.map((key) => formatNumber(lang, row[key]))]), lang));
    }
    for (const { currency, bars } of resourceSeries(partner.dashboard)) {
      out.push(heading(`${formatMessage(lang, 'dashboard.resources.heading')} — ${formatMessage(lang, 'dashboard.resources.inCurrency', { currency })}`, lang, DSIZE.subheading));
      out.push(table([formatMessage(lang, 'dashboard.resources.line'), formatMessage(lang, 'dashboard.resources.requested'), formatMessage(lang, 'dashboard.resources.approved')], bars.map((bar) => [bar.key, formatMoney(lang, bar.requestedMinor, currency), formatMoney(lang, bar.approvedMinor, currency)]), lang));
    }
    if (partner.projects.length === 0) out.push(para(formatMessage(lang, 'dashboard.doc.noProjects'), lang));
    for (const project of partner.projects) {
      out.push(heading(formatMessage(lang, 'dashboard.doc.project', { name: nameIn(lang, project.title, project.titleAr) }), lang));
      if (project.benchmarks.length) {
        out.push(para(formatMessage(lang, 'dashboard.doc.benchmarks'), lang, { bold: true }));
        out.push(table(benchmarkHeader(lang), project.benchmarks.map((b) => benchmarkRow(lang, b)), lang));
      }
      out.push(para(formatMessage(lang, 'dashboard.doc.lateHeading'), lang, { bold: true }));
      if (project.lateCheckIns.length === 0) out.push(para(formatMessage(lang, 'dashboard.doc.noneLate'), lang, { color: '276749' }));
      for (const late of project.lateCheckIns) out.push(para(`• ${formatMessage(lang, 'dashboard.doc.lateItem', { title: nameIn(lang, late.title, late.titleAr), at: late.dueDate })}`, lang, { color: 'A4262C' }));
      out.push(para(formatMessage(lang, 'dashboard.doc.resourcesHeading'), lang, { bold: true }));
      if (project.resources.length === 0) out.push(para(formatMessage(lang, 'dashboard.doc.noResources'), lang));
      for (const resource of project.resources) resourceLines(lang, resource).forEach((line, index) => out.push(para(index ? line : `• ${line}`, lang, { size: index ? DSIZE.small : DSIZE.body })));
    }
    if (partner.otherResources.length) {
      out.push(heading(formatMessage(lang, 'dashboard.doc.otherResources'), lang, DSIZE.subheading));
      for (const resource of partner.otherResources) resourceLines(lang, resource).forEach((line, index) => out.push(para(index ? line : `• ${line}`, lang, { size: index ? DSIZE.small : DSIZE.body })));
    }
  }
  return out;
}

export function renderBriefDocx(content: BriefContent, lang: DocLanguage, marking: string): Promise<Buffer> {
  return packDocx(`${formatMessage('en', 'dashboard.doc.briefTitle')} — ${content.deadline.name}`, marking, languagesOf(lang).map((language) => ({ lang: language, children: partIn(content, language) })));
}
