import type { DashboardCheckIn, DashboardDeadline, PartnerDashboard, PostDashboard } from '../../shared/api/dashboard';
import { addDays } from '../../shared/results/today';
import { statement } from '../statements';
import type { Store } from '../store';
import { getRecord } from './records';

/**
 * The dashboard's numbers, counted and summed in SQL (db/ holds the SQL):
 * one partner's ratings over time, its check-in points against the budget
 * deadlines, its resource lines per fiscal year, authority and currency, and
 * its open action items per owner; and, across the post, which partners have
 * assessments that will miss their next deadline.
 *
 * Readiness follows db/repositories/overview.ts: a check-in point not yet
 * assessed that falls due after a deadline but within the fiscal year the
 * deadline budgets for (U.S. fiscal years end on 30 September) is late for it.
 */

/** How far back the timeline reaches (assessed and overdue points before today). */
export const TIMELINE_PAST_DAYS = 180;

const fiscalYearEnd = (fiscalYear: number) => `${String(fiscalYear)}-09-30`;

/** A partner's deadlines: its own and post-wide ones (no partner). */
const DEADLINE_OF_PARTNER = "(d.partner_id = ? OR d.partner_id IS NULL OR d.partner_id = '')";

interface DeadlineRow {
  id: string;
  name: string;
  name_ar: string;
  date: string;
  fiscal_year: number;
  own: number;
}

function deadlinesFrom(store: Store, partnerId: string, today: string): DeadlineRow[] {
  return statement(store.db, `SELECT d.id, d.name, d.name_ar, d.date, d.fiscal_year, (d.partner_id IS NOT NULL AND d.partner_id = ?) AS own FROM budget_deadlines d WHERE ${DEADLINE_OF_PARTNER} AND d.date >= ? ORDER BY d.date, d.id`)
    .all(partnerId, partnerId, today) as DeadlineRow[];
}

export type PartnerDashboardData = PartnerDashboard;

export function partnerDashboard(store: Store, partnerId: string, today: string): PartnerDashboard {
  const partner = getRecord(store, 'partners', partnerId); // refuses an unknown partner as every record read does

  const ratingRows = statement(
      store.db,
      `SELECT substr(COALESCE(NULLIF(c.assessed_on, ''), c.due_date), 1, 7) AS period, c.rating AS rating, COUNT(*) AS n
       FROM check_ins c JOIN record_links l ON l.source_id = c.id AND l.source_type = 'checkIns' AND l.field = 'benchmarkIds'
       WHERE c.status = 'assessed' AND c.project_id IN (SELECT id FROM projects WHERE partner_id = ?)
       GROUP BY 1, 2 ORDER BY 1`,
    )
    .all(partnerId) as { period: string; rating: string; n: number }[];
  const byPeriod = new Map<string, PartnerDashboard['ratingsOverTime'][number]>();
  for (const { period, rating, n } of ratingRows) {
    let row = byPeriod.get(period);
    if (!row) byPeriod.set(period, (row = { period, on_track: 0, at_risk: 0, off_track: 0, not_rated: 0 }));
    const key = rating === 'on_track' || rating === 'at_risk' || rating === 'off_track' ? rating : 'not_rated';
    row[key] += n;
  }

  const deadlineRows = deadlinesFrom(store, partnerId, today);
  const until = deadlineRows.length ? fiscalYearEnd(Math.max(...deadlineRows.map((d) => d.fiscal_year))) : addDays(today, 365);
  const checkInRows = statement(
      store.db,
      `SELECT c.id, c.title, c.title_ar, c.project_id, p.title AS project_title, p.title_ar AS project_title_ar, c.due_date, c.status, c.rating
       FROM check_ins c JOIN projects p ON p.id = c.project_id
       WHERE p.partner_id = ? AND c.due_date >= ? AND c.due_date <= ? ORDER BY c.due_date, c.id`,
    )
    .all(partnerId, addDays(today, -TIMELINE_PAST_DAYS), until < today ? today : until) as { id: string; title: string; title_ar: string; project_id: string; project_title: string; project_title_ar: string; due_date: string; status: string; rating: string }[];
  const lateCounts = new Map<string, number>();
  // Each deadline's window once (not per point): a point is late for it if due after it, within its fiscal year.
  const windows = deadlineRows.map((d) => ({ id: d.id, date: d.date, end: fiscalYearEnd(d.fiscal_year) }));
  const checkIns: DashboardCheckIn[] = checkInRows.map((row) => {
    const planned = row.status === 'planned';
    // A point counts as late for every deadline it lands after in that deadline's year (as the readiness view lists it);
    // it is marked with the first of them (by date).
    let late: string | null = null;
    if (planned) {
      for (const d of windows) {
        if (row.due_date > d.date && row.due_date <= d.end) {
          late ??= d.id;
          lateCounts.set(d.id, (lateCounts.get(d.id) ?? 0) + 1);
        }
      }
    }
    return { id: row.id, title: row.title, titleAr: row.title_ar, projectId: row.project_id, projectTitle: row.project_title, projectTitleAr: row.project_title_ar, dueDate: row.due_date, status: row.status, rating: row.rating, lateForDeadlineId: late, overdue: planned && row.due_date < today };
  });

  const briefRows = deadlineRows.length
    ? (statement(
      store.db,
          `SELECT b.id, b.deadline_id, b.recipient_id, COALESCE(p.name, '') AS recipient_name, b.delivered_on, b.language FROM brief_deliveries b LEFT JOIN people p ON p.id = b.recipient_id
           WHERE b.deadline_id IN (SELECT value FROM json_each(?)) AND (b.partner_id IS NULL OR b.partner_id = '' OR b.partner_id = ?) ORDER BY b.delivered_on DESC, b.id`,
        )
        .all(JSON.stringify(deadlineRows.map((d) => d.id)), partnerId) as { id: string; deadline_id: string; recipient_id: string | null; recipient_name: string; delivered_on: string; language: string }[])
    : [];
  const deadlines: DashboardDeadline[] = deadlineRows.map((d) => ({
    id: d.id,
    title: d.name,
    titleAr: d.name_ar,
    date: d.date,
    fiscalYear: d.fiscal_year,
    partnerOwn: Boolean(d.own),
    lateCount: lateCounts.get(d.id) ?? 0,
    briefs: briefRows.filter((b) => b.deadline_id === d.id).map((b) => ({ id: b.id, recipientId: b.recipient_id, recipientName: b.recipient_name, deliveredOn: b.delivered_on, language: b.language })),
  }));

  const resources = (
    statement(
      store.db,
        `SELECT fiscal_year, authority, currency, SUM(COALESCE(requested_minor, 0)) AS requested, SUM(COALESCE(approved_minor, 0)) AS approved, COUNT(*) AS lines
         FROM resources WHERE partner_id = ? GROUP BY fiscal_year, authority, currency ORDER BY currency, fiscal_year, authority`,
      )
      .all(partnerId) as { fiscal_year: number; authority: string; currency: string; requested: number; approved: number; lines: number }[]
  ).map((row) => ({ fiscalYear: row.fiscal_year, authority: row.authority, currency: row.currency, requestedMinor: row.requested, approvedMinor: row.approved, lines: row.lines }));

  const actionItems = (
    statement(
      store.db,
        `SELECT a.owner_id, COALESCE(p.name, '') AS owner_name, COUNT(*) AS open, SUM(a.due_date <> '' AND a.due_date < ?) AS overdue
         FROM action_items a LEFT JOIN people p ON p.id = a.owner_id
         WHERE a.status = 'open' AND a.meeting_id IN (SELECT id FROM meetings WHERE partner_id = ?)
         GROUP BY a.owner_id ORDER BY overdue DESC, open DESC, owner_name`,
      )
      .all(today, partnerId) as { owner_id: string | null; owner_name: string; open: number; overdue: number }[]
  ).map((row) => ({ ownerId: row.owner_id || null, ownerName: row.owner_name, open: row.open, overdue: row.overdue ?? 0 }));

  return { partner: { id: partner.id, title: partner.title, nameAr: String(partner.nameAr ?? '') }, today, ratingsOverTime: [...byPeriod.values()], deadlines, checkIns, resources, actionItems };
}

/** Across the post: per partner its next deadline and how many of its assessments will land after it. */
export function postDashboard(store: Store, today: string): PostDashboard {
  const partners = statement(store.db, 'SELECT id, name, name_ar FROM partners ORDER BY name, id').all() as { id: string; name: string; name_ar: string | null }[];
  const deadlines = statement(store.db, 'SELECT id, name, name_ar, date, fiscal_year, partner_id FROM budget_deadlines WHERE date >= ? ORDER BY date, id').all(today) as { id: string; name: string; name_ar: string; date: string; fiscal_year: number; partner_id: string | null }[];
  const delivered = new Set(
    statement(store.db, "SELECT deadline_id || '|' || COALESCE(partner_id, '') FROM brief_deliveries WHERE deadline_id IN (SELECT id FROM budget_deadlines WHERE date >= ?)")
      .pluck()
      .all(today) as string[],
  );
  // Per partner, the not-yet-assessed points bucketed by due date against its next deadline, in one pass per partner.
  const pending = statement(
      store.db,
    `SELECT SUM(c.due_date < ?) AS overdue, SUM(c.due_date >= ? AND c.due_date <= ?) AS in_time, SUM(c.due_date > ? AND c.due_date <= ?) AS late
     FROM check_ins c WHERE c.status = 'planned' AND c.due_date <> '' AND c.project_id IN (SELECT id FROM projects WHERE partner_id = ?)`,
  );
  return {
    today,
    partners: partners.map((partner) => {
      const next = deadlines.find((d) => !d.partner_id || d.partner_id === partner.id);
      const end = next ? fiscalYearEnd(next.fiscal_year) : today;
      const counts = pending.get(today, today, next?.date ?? today, next?.date ?? today, end, partner.id) as { overdue: number | null; in_time: number | null; late: number | null };
      return {
        id: partner.id,
        title: partner.name,
        nameAr: partner.name_ar ?? '',
        nextDeadline: next ? { id: next.id, title: next.name, titleAr: next.name_ar, date: next.date, fiscalYear: next.fiscal_year, briefDelivered: delivered.has(`${next.id}|${partner.id}`) || delivered.has(`${next.id}|`) } : null,
        lateCount: next ? (counts.late ?? 0) : 0,
        overdueCount: counts.overdue ?? 0,
        inTimeCount: next ? (counts.in_time ?? 0) : 0,
      };
    }),
  };
}
