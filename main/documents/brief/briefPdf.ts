import type { BriefContent } from '../../../db/repositories/brief';
import { formatMessage, nameIn } from '../../../shared/i18n/format';
import { ratingsChartPdf, resourceChartsPdf, timelineChartPdf } from './pdfCharts';
import { renderWith, SIZE, type BriefPdfWriter } from './pdfWriter';
import { benchmarkHeader, benchmarkRow, deadlineLine, languagesOf, resourceLines, type DocLanguage, type Lang } from './text';

/**
 * The brief for resource managers as PDF: for the deadline, per partner the
 * dashboard's charts (drawn as vectors from the same series), then per
 * project its benchmarks (latest value against target, rating, trend), the
 * assessments that will be late, and its resource lines with amounts,
 * constraint, risk and mitigation. Both languages: English, then Arabic from
 * a new page. The marking is on every page.
 */

export const pageLabel = (lang: Lang, page: number, pages: number) => formatMessage(lang, 'dashboard.doc.page', { page, pages });

function writeIn(writer: BriefPdfWriter, content: BriefContent, lang: Lang): void {
  writer.paragraph(formatMessage(lang, 'dashboard.doc.briefTitle'), { size: SIZE.title, bold: true }, { align: 'center' });
  writer.paragraph(deadlineLine(lang, content), { size: SIZE.subheading }, { align: 'center' });
  writer.paragraph(formatMessage(lang, 'dashboard.doc.prepared', { at: content.today }), { size: SIZE.small, color: '#555555' }, { align: 'center' });
  if (content.deliveries.length) writer.paragraph(formatMessage(lang, 'dashboard.doc.deliveries', { list: content.deliveries.map((d) => d.recipientName).join(', ') }), { size: SIZE.small, color: '#555555' }, { align: 'center' });
  writer.gap(8);
  for (const partner of content.partners) {
    writer.heading(formatMessage(lang, 'dashboard.doc.partner', { name: nameIn(lang, partner.name, partner.nameAr) }), SIZE.title - 2);
    writer.heading(formatMessage(lang, 'dashboard.timeline.heading'), SIZE.subheading);
    timelineChartPdf(writer, partner.dashboard);
    if (partner.dashboard.ratingsOverTime.length) {
      writer.heading(formatMessage(lang, 'dashboard.ratings.heading'), SIZE.subheading);
      ratingsChartPdf(writer, partner.dashboard);
    }
    if (partner.dashboard.resources.length) {
      writer.heading(formatMessage(lang, 'dashboard.resources.heading'), SIZE.subheading);
      resourceChartsPdf(writer, partner.dashboard);
    }
    if (partner.projects.length === 0) writer.paragraph(formatMessage(lang, 'dashboard.doc.noProjects'));
    for (const project of partner.projects) {
      writer.heading(formatMessage(lang, 'dashboard.doc.project', { name: nameIn(lang, project.title, project.titleAr) }));
      if (project.benchmarks.length) {
        writer.paragraph(formatMessage(lang, 'dashboard.doc.benchmarks'), { size: SIZE.body, bold: true });
        writer.table(benchmarkHeader(lang), project.benchmarks.map((b) => benchmarkRow(lang, b)), [3.2, 1.6, 1.8, 1.6, 1.2, 1]);
      }
      writer.paragraph(formatMessage(lang, 'dashboard.doc.lateHeading'), { size: SIZE.body, bold: true });
      if (project.lateCheckIns.length === 0) writer.paragraph(formatMessage(lang, 'dashboard.doc.noneLate'), { size: SIZE.body, color: '#276749' });
      for (const late of project.lateCheckIns) writer.paragraph(`• ${formatMessage(lang, 'dashboard.doc.lateItem', { title: nameIn(lang, late.title, late.titleAr), at: late.dueDate })}`, { size: SIZE.body, color: '#a4262c' }, { indent: 8 });
      writer.gap(3);
      writer.paragraph(formatMessage(lang, 'dashboard.doc.resourcesHeading'), { size: SIZE.body, bold: true });
      if (project.resources.length === 0) writer.paragraph(formatMessage(lang, 'dashboard.doc.noResources'));
      for (const resource of project.resources) {
        const [first, ...rest] = resourceLines(lang, resource);
        writer.paragraph(`• ${first!}`, { size: SIZE.body }, { indent: 8 });
        for (const line of rest) writer.paragraph(line, { size: SIZE.small, color: '#333333' }, { indent: 18 });
      }
    }
    if (partner.otherResources.length) {
      writer.heading(formatMessage(lang, 'dashboard.doc.otherResources'), SIZE.subheading);
      for (const resource of partner.otherResources) for (const [index, line] of resourceLines(lang, resource).entries()) writer.paragraph(index ? line : `• ${line}`, { size: index ? SIZE.small : SIZE.body }, { indent: index ? 18 : 8 });
    }
  }
}

export function renderBriefPdf(content: BriefContent, lang: DocLanguage, marking: string): Promise<Buffer> {
  const languages = languagesOf(lang);
  return renderWith({ title: `${formatMessage('en', 'dashboard.doc.briefTitle')} — ${content.deadline.name}`, marking, date: content.today, lang: languages[0]!, pageLabel }, (writer) => {
    languages.forEach((language, index) => {
      if (index > 0) {
        writer.setLanguage(language);
        writer.newPage();
      }
      writer.setLanguage(language);
      writeIn(writer, content, language);
    });
  });
}
