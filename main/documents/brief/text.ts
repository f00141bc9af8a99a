import type { BriefBenchmark, BriefContent, BriefResource } from '../../../db/repositories/brief';
import { formatMessage, formatMoney, nameIn } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/message';
import { trendOf } from './trend';

/** The brief's words, one language at a time, from the catalog: shared by the PDF and the DOCX. */

export type Lang = 'en' | 'ar';
export type DocLanguage = Lang | 'both';
export const languagesOf = (lang: DocLanguage): Lang[] => (lang === 'both' ? ['en', 'ar'] : [lang]);

const option = (lang: Lang, key: string) => formatMessage(lang, key as MessageKey);
/** Keeps a value (a number, a code, an ISO date) in its own order inside Arabic. */
export const isolate = (text: string) => `\u2066${text}\u2069`;

const valueAt = (lang: Lang, value: string, date: string) => (value ? `${isolate(value)}${date ? ` (${formatMessage(lang, 'dashboard.doc.date', { at: date }).replace(/^[^:]*:\s*/, '')})` : ''}` : '—');

export function benchmarkHeader(lang: Lang): string[] {
  return ['benchmark', 'baseline', 'latest', 'target', 'rating', 'trend'].map((key) => formatMessage(lang, `dashboard.doc.${key}` as MessageKey));
}

export function benchmarkRow(lang: Lang, benchmark: BriefBenchmark): string[] {
  return [
    nameIn(lang, benchmark.title, benchmark.titleAr),
    valueAt(lang, benchmark.baselineValue, benchmark.baselineDate),
    benchmark.latest ? valueAt(lang, benchmark.latest.value, benchmark.latest.date) : formatMessage(lang, 'dashboard.doc.notMeasured'),
    valueAt(lang, benchmark.targetValue, benchmark.targetDate),
    benchmark.latest ? option(lang, `records.option.checkIns.rating.${benchmark.latest.rating}`) : option(lang, 'records.option.checkIns.rating.not_rated'),
    formatMessage(lang, `dashboard.doc.trend.${trendOf(benchmark)}` as MessageKey),
  ];
}

export function resourceLines(lang: Lang, resource: BriefResource): string[] {
  const money = (minor: number | null) => (minor === null ? '—' : isolate(formatMoney(lang, minor, resource.currency)));
  const lines = [
    formatMessage(lang, 'dashboard.doc.resourceLine', {
      title: resource.title,
      authority: option(lang, `records.option.resources.authority.${resource.authority}`),
      fy: isolate(String(resource.fiscalYear)),
      requested: money(resource.requestedMinor),
      approved: money(resource.approvedMinor),
      risk: option(lang, `records.option.resources.risk.${resource.risk}`),
    }),
  ];
  if (resource.constraint) lines.push(formatMessage(lang, 'dashboard.doc.constraint', { text: resource.constraint }));
  if (resource.mitigation) lines.push(formatMessage(lang, 'dashboard.doc.mitigation', { text: resource.mitigation }));
  return lines;
}

export function deadlineLine(lang: Lang, content: BriefContent): string {
  return formatMessage(lang, 'dashboard.doc.deadlineLine', { name: nameIn(lang, content.deadline.name, content.deadline.nameAr), at: content.deadline.date, fy: isolate(String(content.deadline.fiscalYear)) });
}

