import type { PartnerDashboard, PostDashboard } from '../api/dashboard';
import { currencyDecimals, nameIn } from '../i18n/format';
import type { Language } from '../i18n/message';

/**
 * The dashboard's chart series, shaped once from the dashboard call's output:
 * the renderer's charts (recharts), their tables and the brief's PDF charts
 * (pdfkit vector drawing) all read these, so a picture and its table never
 * disagree. Pure functions; no dates read from the clock.
 */

export const RATING_SERIES = ['on_track', 'at_risk', 'off_track', 'not_rated'] as const;
export type RatingSeries = (typeof RATING_SERIES)[number];

/** One colour per meaning, shared by screen and print (and distinguishable in greyscale by their order and labels). */
export const SERIES_COLOURS = {
  on_track: '#276749',
  at_risk: '#b7791f',
  off_track: '#a4262c',
  not_rated: '#8a94a3',
  requested: '#8fb3d9',
  approved: '#1f4e79',
  open: '#8fb3d9',
  overdue: '#a4262c',
  assessed: '#276749',
  inTime: '#1f4e79',
  late: '#a4262c',
  missed: '#5b6675',
  deadline: '#6b4a00',
} as const;

export type RatingPoint = PartnerDashboard['ratingsOverTime'][number];

/** Benchmark assessments per month by rating: the rows as they come, months in order. */
export function ratingSeries(dashboard: PartnerDashboard): RatingPoint[] {
  return [...dashboard.ratingsOverTime].sort((a, b) => a.period.localeCompare(b.period));
}

/** An amount in minor units as a number of major units, for a chart's scale (tables print the exact amount). */
export const majorUnits = (minor: number, currency: string): number => minor / 10 ** currencyDecimals(currency);

export interface ResourceBar {
  /** "FY2027 INCLE" (the authority's code, as officers type it). */
  key: string;
  fiscalYear: number;
  authority: string;
  requested: number;
  approved: number;
  requestedMinor: number;
  approvedMinor: number;
}

/** Requested against approved per fiscal year and authority, one series per currency: amounts in different currencies are never added. */
export function resourceSeries(dashboard: PartnerDashboard): { currency: string; bars: ResourceBar[] }[] {
  const byCurrency = new Map<string, ResourceBar[]>();
  for (const row of dashboard.resources) {
    let bars = byCurrency.get(row.currency);
    if (!bars) byCurrency.set(row.currency, (bars = []));
    bars.push({
      key: `FY${String(row.fiscalYear)} ${row.authority}`,
      fiscalYear: row.fiscalYear,
      authority: row.authority,
      requested: majorUnits(row.requestedMinor, row.currency),
      approved: majorUnits(row.approvedMinor, row.currency),
      requestedMinor: row.requestedMinor,
      approvedMinor: row.approvedMinor,
    });
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, bars]) => ({ currency, bars: bars.sort((a, b) => a.fiscalYear - b.fiscalYear || a.authority.localeCompare(b.authority)) }));
}

export interface ActionBar {
  owner: string;
  ownerId: string | null;
  /** Open and not overdue. */
  open: number;
  overdue: number;
}

/** Open action items per owner, split into overdue and the rest (stacked: the bar's length is all open items). */
export function actionSeries(dashboard: PartnerDashboard, noOwner: string): ActionBar[] {
  return dashboard.actionItems.map((row) => ({ owner: row.ownerName || noOwner, ownerId: row.ownerId, open: row.open - row.overdue, overdue: row.overdue }));
}

export type PointKind = 'assessed' | 'inTime' | 'late' | 'overdue' | 'missed';

export interface TimelinePoint {
  id: string;
  title: string;
  /** Days since 1970-01-01 (UTC) of the due date: a linear scale that needs no clock. */
  x: number;
  dueDate: string;
  /** The project's lane (0 = first project by title). */
  lane: number;
  projectTitle: string;
  kind: PointKind;
  lateForDeadlineId: string | null;
}

export interface TimelineDeadline {
  id: string;
  title: string;
  x: number;
  date: string;
  lateCount: number;
  briefDelivered: boolean;
}

export const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
export const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Check-in points on project lanes against the budget deadlines, each point classed by whether its assessment lands in
 * time. Titles are in the reader's language (a record's Arabic title where it has one), and lanes sorted in it.
 */
export function timelineSeries(dashboard: PartnerDashboard, language: Language): { lanes: string[]; points: TimelinePoint[]; deadlines: TimelineDeadline[]; today: number; domain: [number, number] } {
  const projectTitle = (c: PartnerDashboard['checkIns'][number]) => nameIn(language, c.projectTitle, c.projectTitleAr);
  const lanes = [...new Set(dashboard.checkIns.map(projectTitle))].sort((a, b) => a.localeCompare(b, language));
  const laneOf = new Map(lanes.map((title, index) => [title, index]));
  const points = dashboard.checkIns.map((c): TimelinePoint => {
    const kind: PointKind = c.status === 'assessed' ? 'assessed' : c.status === 'missed' ? 'missed' : c.overdue ? 'overdue' : c.lateForDeadlineId ? 'late' : 'inTime';
    return { id: c.id, title: nameIn(language, c.title, c.titleAr), x: dayNumber(c.dueDate), dueDate: c.dueDate, lane: laneOf.get(projectTitle(c)) ?? 0, projectTitle: projectTitle(c), kind, lateForDeadlineId: c.lateForDeadlineId };
  });
  const deadlines = dashboard.deadlines.map((d): TimelineDeadline => ({ id: d.id, title: nameIn(language, d.title, d.titleAr), x: dayNumber(d.date), date: d.date, lateCount: d.lateCount, briefDelivered: d.briefs.length > 0 }));
  const today = dayNumber(dashboard.today);
  const xs = [today, ...points.map((p) => p.x), ...deadlines.map((d) => d.x)];
  const domain: [number, number] = [Math.min(...xs) - 7, Math.max(...xs) + 7];
  return { lanes, points, deadlines, today, domain };
}

/** Evenly spaced ticks (first of each month, thinned to at most `most`) over a day-number domain. */
export function monthTicks(domain: [number, number], most = 8): number[] {
  const ticks: number[] = [];
  const start = new Date(domain[0] * 86_400_000);
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  while (cursor.getTime() / 86_400_000 <= domain[1]) {
    ticks.push(Math.round(cursor.getTime() / 86_400_000));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const step = Math.max(1, Math.ceil(ticks.length / most));
  return ticks.filter((_, index) => index % step === 0);
}

/** Post-wide: partners whose assessments will miss their next deadline first, then by name. */
export function postSeries(post: PostDashboard): PostDashboard['partners'] {
  return [...post.partners].sort((a, b) => b.lateCount - a.lateCount || b.overdueCount - a.overdueCount || a.title.localeCompare(b.title));
}
