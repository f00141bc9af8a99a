import { isoOfDay, monthTicks, RATING_SERIES, ratingSeries, resourceSeries, SERIES_COLOURS, timelineSeries } from '../../../shared/dashboard/series';
import type { PartnerDashboard } from '../../../shared/api/dashboard';
import { formatDate, formatMessage, formatNumber } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/message';
import { SIZE, type BriefPdfWriter } from './pdfWriter';

/**
 * The dashboard's charts drawn as PDF vectors (rectangles, lines, circles)
 * from the same series functions the screen's recharts charts use. In Arabic
 * time runs right to left and the value axis sits on the right, as on screen.
 */

const small = { size: SIZE.small - 0.5, color: '#333333' };

function frame(writer: BriefPdfWriter, height: number): { x0: number; x1: number; y0: number; y1: number } {
  writer.ensure(height + 30);
  const top = writer.y + 6;
  writer.y = top + height + 22;
  // Room for the axis labels on the value side.
  const axis = 48;
  return writer.rtl ? { x0: writer.left, x1: writer.left + writer.width - axis, y0: top, y1: top + height } : { x0: writer.left + axis, x1: writer.left + writer.width, y0: top, y1: top + height };
}

function legend(writer: BriefPdfWriter, items: { label: string; colour: string }[]): void {
  writer.ensure(16);
  const y = writer.y;
  let x = writer.rtl ? writer.left + writer.width : writer.left;
  for (const item of items) {
    writer.style(small);
    const width = writer.doc.widthOfString(item.label) + 22;
    const boxX = writer.rtl ? x - 10 : x;
    writer.doc.save().rect(boxX, y + 1, 9, 9).fill(item.colour).restore();
    writer.label(item.label, writer.rtl ? x - 14 : x + 13, y, small, writer.rtl ? 'end' : 'start');
    x = writer.rtl ? x - width : x + width;
  }
  writer.y += 16;
}

export function ratingsChartPdf(writer: BriefPdfWriter, dashboard: PartnerDashboard): number {
  const lang = writer.lang;
  const data = ratingSeries(dashboard);
  if (data.length === 0) return 0;
  const box = frame(writer, 120);
  const max = Math.max(1, ...data.map((row) => RATING_SERIES.reduce((sum, key) => sum + row[key], 0)));
  const doc = writer.doc;
  const slot = (box.x1 - box.x0) / data.length;
  const scaleY = (value: number) => box.y1 - (value / max) * (box.y1 - box.y0);
  for (const tick of [0, Math.ceil(max / 2), max]) {
    doc.save().moveTo(box.x0, scaleY(tick)).lineTo(box.x1, scaleY(tick)).lineWidth(0.3).strokeColor('#d5dbe3').stroke().restore();
    writer.label(formatNumber(lang, tick), writer.rtl ? box.x1 + 4 : box.x0 - 4, scaleY(tick) - 4, small, writer.rtl ? 'start' : 'end');
  }
  data.forEach((row, index) => {
    const position = writer.rtl ? data.length - 1 - index : index;
    const x = box.x0 + position * slot + slot * 0.2;
    let base = 0;
    for (const key of RATING_SERIES) {
      if (!row[key]) continue;
      doc.save().rect(x, scaleY(base + row[key]), slot * 0.6, scaleY(base) - scaleY(base + row[key])).fill(SERIES_COLOURS[key]).restore();
      base += row[key];
    }
    if (data.length <= 14 || index % Math.ceil(data.length / 14) === 0) writer.label(row.period, x + slot * 0.3, box.y1 + 3, small, 'middle');
  });
  legend(writer, RATING_SERIES.map((key) => ({ label: formatMessage(lang, `records.option.checkIns.rating.${key}` as MessageKey), colour: SERIES_COLOURS[key] })));
  return data.length;
}

export function timelineChartPdf(writer: BriefPdfWriter, dashboard: PartnerDashboard): number {
  const lang = writer.lang;
  const { lanes, points, deadlines, today, domain } = timelineSeries(dashboard, lang);
  if (points.length === 0 && deadlines.length === 0) return 0;
  const box = frame(writer, Math.max(60, lanes.length * 18 + 20));
  const doc = writer.doc;
  const scaleX = (day: number) => {
    const share = (day - domain[0]) / (domain[1] - domain[0] || 1);
    return writer.rtl ? box.x1 - share * (box.x1 - box.x0) : box.x0 + share * (box.x1 - box.x0);
  };
  const laneY = (lane: number) => box.y0 + 14 + lane * 18;
  lanes.forEach((title, lane) => {
    doc.save().moveTo(box.x0, laneY(lane)).lineTo(box.x1, laneY(lane)).lineWidth(0.3).strokeColor('#d5dbe3').stroke().restore();
    writer.label(String(lane + 1), writer.rtl ? box.x1 + 4 : box.x0 - 4, laneY(lane) - 4, small, writer.rtl ? 'start' : 'end');
    void title;
  });
  for (const tick of monthTicks(domain, 6)) writer.label(formatDate(lang, isoOfDay(tick)), scaleX(tick), box.y1 + 3, small, 'middle');
  doc.save().moveTo(scaleX(today), box.y0).lineTo(scaleX(today), box.y1).dash(3, { space: 2 }).lineWidth(0.7).strokeColor('#5b6675').stroke().undash().restore();
  for (const deadline of deadlines) {
    doc.save().moveTo(scaleX(deadline.x), box.y0).lineTo(scaleX(deadline.x), box.y1).lineWidth(1.4).strokeColor(SERIES_COLOURS.deadline).stroke().restore();
    writer.label(deadline.title.slice(0, 28), scaleX(deadline.x), box.y0 - 2, { size: SIZE.small - 1, color: SERIES_COLOURS.deadline }, 'middle');
  }
  for (const point of points) doc.save().circle(scaleX(point.x), laneY(point.lane), 3.2).fill(SERIES_COLOURS[point.kind]).restore();
  legend(
    writer,
    (['assessed', 'inTime', 'late', 'overdue'] as const).map((kind) => ({ label: formatMessage(lang, `dashboard.timeline.kind.${kind}`), colour: SERIES_COLOURS[kind] })),
  );
  // The lanes' numbers name the projects.
  for (const [lane, title] of lanes.entries()) writer.paragraph(`${String(lane + 1)}. ${title}`, { size: SIZE.small, color: '#333333' });
  return points.length;
}

export function resourceChartsPdf(writer: BriefPdfWriter, dashboard: PartnerDashboard): number {
  const lang = writer.lang;
  let drawn = 0;
  for (const { currency, bars } of resourceSeries(dashboard)) {
    writer.paragraph(formatMessage(lang, 'dashboard.resources.inCurrency', { currency }), { size: SIZE.small, bold: true });
    const box = frame(writer, 90);
    const doc = writer.doc;
    const max = Math.max(1, ...bars.map((bar) => Math.max(bar.requested, bar.approved)));
    const scaleY = (value: number) => box.y1 - (value / max) * (box.y1 - box.y0);
    for (const tick of [0, max / 2, max]) {
      doc.save().moveTo(box.x0, scaleY(tick)).lineTo(box.x1, scaleY(tick)).lineWidth(0.3).strokeColor('#d5dbe3').stroke().restore();
      writer.label(formatNumber(lang, Math.round(tick)), writer.rtl ? box.x1 + 4 : box.x0 - 4, scaleY(tick) - 4, small, writer.rtl ? 'start' : 'end');
    }
    const slot = (box.x1 - box.x0) / bars.length;
    bars.forEach((bar, index) => {
      const position = writer.rtl ? bars.length - 1 - index : index;
      const x = box.x0 + position * slot + slot * 0.15;
      const width = slot * 0.35;
      const [first, second] = writer.rtl ? [bar.approved, bar.requested] : [bar.requested, bar.approved];
      const [firstColour, secondColour] = writer.rtl ? [SERIES_COLOURS.approved, SERIES_COLOURS.requested] : [SERIES_COLOURS.requested, SERIES_COLOURS.approved];
      doc.save().rect(x, scaleY(first), width, box.y1 - scaleY(first)).fill(firstColour).restore();
      doc.save().rect(x + width, scaleY(second), width, box.y1 - scaleY(second)).fill(secondColour).restore();
      writer.label(bar.key, x + width, box.y1 + 3, small, 'middle');
    });
    legend(writer, [
      { label: formatMessage(lang, 'dashboard.resources.requested'), colour: SERIES_COLOURS.requested },
      { label: formatMessage(lang, 'dashboard.resources.approved'), colour: SERIES_COLOURS.approved },
    ]);
    drawn += bars.length;
  }
  return drawn;
}
