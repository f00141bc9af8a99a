import type { MethodOutput } from '../../shared/contract';
import { addDays } from '../../shared/results/today';
import type { Store } from '../store';
import { declaredWarning, getRecord, selectRecords, warningCondition } from './records';

/** How far ahead "upcoming" check-in points reach. */
export const UPCOMING_DAYS = 60;

export type PartnerOverview = MethodOutput<'overview.partner'>;

const PARTNER_PROJECT = 't.project_id IN (SELECT id FROM projects WHERE partner_id = ?)';
/**
 * A check-in point whose joint assessment has not been recorded yet. The unary + keeps the planner off the status
 * index: a partner's own check-in points (by project, then due date) are a few hundred, the planned ones of every
 * partner tens of thousands, and with sampled or missing statistics SQLite guessed the other way (0.4 s, not 3 ms, at 4x).
 */
const NOT_ASSESSED = "+t.status = 'planned'";

/**
 * One partner at a glance. Readiness: for every budget deadline from today on
 * (the partner's own or post-wide), the check-in points not yet assessed that
 * fall due after the deadline but within the fiscal year it budgets for (U.S.
 * fiscal years end on 30 September): their results cannot inform that decision.
 */
export function partnerOverview(store: Store, partnerId: string, today: string): PartnerOverview {
  const partner = getRecord(store, 'partners', partnerId);
  const upcomingCheckIns = selectRecords(store, 'checkIns', `${PARTNER_PROJECT} AND ${NOT_ASSESSED} AND t.due_date >= ? AND t.due_date <= ?`, 't.due_date, t.id', [
    partnerId,
    today,
    addDays(today, UPCOMING_DAYS),
  ]);
  const overdueCheckIns = selectRecords(store, 'checkIns', `${PARTNER_PROJECT} AND ${NOT_ASSESSED} AND t.due_date <> '' AND t.due_date < ?`, 't.due_date, t.id', [partnerId, today]);

  // Each benchmark counts under the rating of the latest assessed check-in point that assessed it.
  const ratings = store.db
    .prepare(
      `SELECT COALESCE((
         SELECT c.rating FROM record_links l JOIN check_ins c ON c.id = l.source_id
         WHERE l.target_id = b.id AND l.source_type = 'checkIns' AND l.field = 'benchmarkIds' AND c.status = 'assessed'
         ORDER BY COALESCE(NULLIF(c.assessed_on, ''), c.due_date) DESC, c.id DESC LIMIT 1), 'not_rated') AS rating, COUNT(*) AS n
       FROM benchmarks b WHERE b.project_id IN (SELECT id FROM projects WHERE partner_id = ?) GROUP BY 1`,
    )
    .all(partnerId) as { rating: string; n: number }[];
  const benchmarkStatus = { on_track: 0, at_risk: 0, off_track: 0, not_rated: 0 };
  for (const { rating, n } of ratings) {
    const key = rating in benchmarkStatus ? (rating as keyof typeof benchmarkStatus) : 'not_rated';
    benchmarkStatus[key] += n;
  }

  const openActionItems = selectRecords(store, 'actionItems', "+t.status = 'open' AND t.meeting_id IN (SELECT id FROM meetings WHERE partner_id = ?)", "t.due_date = '', t.due_date, t.id", [partnerId]);

  const deadlines = selectRecords(store, 'budgetDeadlines', "(t.partner_id = ? OR t.partner_id IS NULL OR t.partner_id = '') AND t.date >= ?", 't.date, t.id', [partnerId, today]);
  const readiness = deadlines.map((deadline) => ({
    deadline,
    lateCheckIns: selectRecords(store, 'checkIns', `${PARTNER_PROJECT} AND ${NOT_ASSESSED} AND t.due_date > ? AND t.due_date <= ?`, 't.due_date, t.id', [
      partnerId,
      String(deadline.date),
      `${String(deadline.fiscalYear)}-09-30`,
    ]),
  }));

  // The meetings showing the registry's warning (db/repositories/records/read.ts builds its condition).
  const noResourceManager = warningCondition('meetings', declaredWarning('meetings', 'validation.noResourceManager'));
  const meetingsWithoutResourceManager = selectRecords(store, 'meetings', `t.partner_id = ? AND ${noResourceManager.sql}`, 't.date DESC, t.id', [partnerId, ...noResourceManager.params]);
  return { partner, upcomingCheckIns, overdueCheckIns, benchmarkStatus, openActionItems, readiness, meetingsWithoutResourceManager };
}
