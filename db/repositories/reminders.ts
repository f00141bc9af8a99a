import type { ReminderCounts, ReminderItem } from '../../shared/api/reminders';
import { addDays } from '../../shared/results/today';
import { statement } from '../statements';
import type { Store } from '../store';

/**
 * Which dated records an officer must act on, as reminders (the first screen's list and the .ics file):
 * - check-in points not yet assessed (status planned), by due date, their partner through the project;
 * - open action items with a due date, their partner through the meeting;
 * - budget deadlines, a partner's own or post-wide (no partner).
 * A check-in point or action item due before today is overdue; a budget deadline that has passed is over, not
 * overdue, and is left out. One partner's reminders include the post-wide deadlines, as its overview does.
 *
 * Both callers are bounded: a large post has thousands of items in two weeks. The rows come most urgent first
 * (overdue, then by date) up to a limit, and what was left out is counted here in SQL, never by fetching it.
 */

interface Row {
  type: ReminderItem['type'];
  id: string;
  title: string;
  title_ar: string;
  date: string;
  partner_id: string | null;
  partner_name: string | null;
  partner_name_ar: string | null;
  context: string | null;
  context_ar: string | null;
  fiscal_year: number | null;
}

/**
 * The three kinds, each a SELECT of the same columns. `?` placeholders: the latest due date for check-ins, then for
 * action items; the deadline range; each part's partner filter binds its own. A check-in point whose project (or an
 * action item whose meeting) is gone still needs acting on, so those joins are outer: the post-wide counts can then
 * read the (status, due_date) indexes alone.
 */
function armsSql(partnerFilter: boolean): string[] {
  const partner = (column: string) => (partnerFilter ? ` AND ${column} = ?` : '');
  return [
    `SELECT 'checkIns' AS type, c.id AS id, c.title AS title, c.title_ar AS title_ar, c.due_date AS date, p.id AS partner_id, p.name AS partner_name, p.name_ar AS partner_name_ar, pr.title AS context, pr.title_ar AS context_ar, NULL AS fiscal_year
      FROM check_ins c LEFT JOIN projects pr ON pr.id = c.project_id LEFT JOIN partners p ON p.id = pr.partner_id
      WHERE c.status = 'planned' AND c.due_date <> '' AND c.due_date <= ?${partner('pr.partner_id')}`,
    `SELECT 'actionItems' AS type, a.id AS id, a.description AS title, a.description_ar AS title_ar, a.due_date AS date, p.id AS partner_id, p.name AS partner_name, p.name_ar AS partner_name_ar, m.title AS context, m.title_ar AS context_ar, NULL AS fiscal_year
      FROM action_items a LEFT JOIN meetings m ON m.id = a.meeting_id LEFT JOIN partners p ON p.id = m.partner_id
      WHERE a.status = 'open' AND a.due_date IS NOT NULL AND a.due_date <> '' AND a.due_date <= ?${partner('m.partner_id')}`,
    `SELECT 'budgetDeadlines' AS type, d.id AS id, d.name AS title, d.name_ar AS title_ar, d.date AS date, p.id AS partner_id, p.name AS partner_name, p.name_ar AS partner_name_ar, '' AS context, '' AS context_ar, d.fiscal_year AS fiscal_year
      FROM budget_deadlines d LEFT JOIN partners p ON p.id = d.partner_id
      WHERE d.date >= ? AND d.date <= ?${partnerFilter ? " AND (d.partner_id = ? OR d.partner_id IS NULL OR d.partner_id = '')" : ''}`,
  ];
}

const unionSql = (partnerFilter: boolean) => armsSql(partnerFilter).join('\n    UNION ALL\n    ');

/** Post-wide counts from the indexes alone (the kinds' own filters, no joins): the same rows the arms give. */
const POST_COUNTS_SQL = `
    SELECT 'checkIns' AS type, COUNT(*) AS n, SUM(due_date < @today) AS overdue, SUM(due_date <= @within) AS within
      FROM check_ins WHERE status = 'planned' AND due_date <> '' AND due_date <= @until
    UNION ALL
    SELECT 'actionItems', COUNT(*), SUM(due_date < @today), SUM(due_date <= @within)
      FROM action_items WHERE status = 'open' AND due_date IS NOT NULL AND due_date <> '' AND due_date <= @until
    UNION ALL
    SELECT 'budgetDeadlines', COUNT(*), 0, SUM(date <= @within)
      FROM budget_deadlines WHERE date >= @today AND date <= @until`;

/** The union's parameters for one window (today .. until), one partner's or the whole post's. */
const unionParams = (today: string, until: string, partnerId?: string) => (partnerId ? [until, partnerId, until, partnerId, today, until, partnerId] : [until, until, today, until]);
const scope = (partnerId?: string) => (partnerId ? 'ofPartner' : 'ofPost');

/** The end of time: every outstanding item, however far ahead. */
const ANY_DAY = '9999-12-31';

/**
 * The most urgent first (overdue ones have the earliest dates), at most `limit`. Each kind gives its own most urgent
 * `limit` first, in its (status, due_date) index's order, so a large post sorts three short lists, not every item.
 */
function reminders(store: Store, today: string, until: string, limit: number, partnerId?: string): ReminderItem[] {
  const order = 'ORDER BY date, type, title, id';
  const sql = () => `SELECT * FROM (${armsSql(Boolean(partnerId)).map((arm) => `SELECT * FROM (${arm} ${order} LIMIT @limit)`).join(' UNION ALL ')}) ${order} LIMIT @limit`;
  const rows = statement(store.db, `reminders.${scope(partnerId)}`, sql).all(...unionParams(today, until, partnerId), { limit }) as Row[];
  return rows.map((row) => ({
    type: row.type,
    id: row.id,
    title: row.title,
    titleAr: row.title_ar ?? '',
    date: row.date,
    partner: row.partner_id ? { id: row.partner_id, name: row.partner_name ?? '', nameAr: row.partner_name_ar ?? '' } : null,
    context: row.context ?? '',
    contextAr: row.context_ar ?? '',
    fiscalYear: row.fiscal_year,
    overdue: row.type !== 'budgetDeadlines' && row.date < today,
  }));
}

/** How many items fall in today .. until (overdue ones included), per type, and how many of them are overdue and by `within`. */
function counted(store: Store, today: string, until: string, within: string, partnerId?: string): { counts: ReminderCounts; within: number } {
  type Counted = { type: ReminderItem['type']; n: number; overdue: number | null; within: number | null };
  const rows = partnerId
    ? (statement(store.db, 'reminders.count.ofPartner', () => `SELECT type, COUNT(*) AS n, SUM(type <> 'budgetDeadlines' AND date < ?) AS overdue, SUM(date <= ?) AS within FROM (${unionSql(true)}) GROUP BY type`).all(today, within, ...unionParams(today, until, partnerId)) as Counted[])
    : (statement(store.db, 'reminders.count.ofPost', () => POST_COUNTS_SQL).all({ today, until, within }) as Counted[]);
  const byType = { checkIns: 0, actionItems: 0, budgetDeadlines: 0 };
  let overdue = 0;
  let inside = 0;
  for (const row of rows) {
    byType[row.type] = row.n;
    overdue += row.overdue ?? 0;
    inside += row.within ?? 0;
  }
  return { counts: { total: byType.checkIns + byType.actionItems + byType.budgetDeadlines, overdue, byType }, within: inside };
}

/** Due or overdue from today to `days` ahead: the `limit` most urgent, and the counts of all of them. */
export function dueSoon(store: Store, today: string, days: number, limit: number): { today: string; until: string; items: ReminderItem[]; counts: ReminderCounts } {
  const until = addDays(today, days);
  return { today, until, items: reminders(store, today, until, limit), counts: counted(store, today, until, until).counts };
}

export interface CalendarSelection {
  items: ReminderItem[];
  /** The last day the file reaches. */
  until: string;
  /** Every outstanding item, however far ahead (what an unbounded file would hold). */
  outstanding: number;
  /** Left out because they fall after `until`. */
  beyondHorizon: number;
  /** Left out, inside the horizon, because the file holds at most `limit` events (the latest ones went). */
  overLimit: number;
}

/** For the calendar file: everything overdue and due up to `horizonDays` ahead, the most urgent first, at most `limit`; one partner's (with the post-wide deadlines) or the whole post's. */
export function calendarItems(store: Store, today: string, horizonDays: number, limit: number, partnerId?: string): CalendarSelection {
  const until = addDays(today, horizonDays);
  const { counts, within } = counted(store, today, ANY_DAY, until, partnerId);
  const items = reminders(store, today, until, limit, partnerId);
  return { items, until, outstanding: counts.total, beyondHorizon: counts.total - within, overLimit: within - items.length };
}
