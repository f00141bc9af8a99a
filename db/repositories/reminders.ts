import type { ReminderItem } from '../../shared/api/reminders';
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
 */

interface Row {
  type: ReminderItem['type'];
  id: string;
  title: string;
  date: string;
  partner_id: string | null;
  partner_name: string | null;
  partner_name_ar: string | null;
  context: string | null;
  fiscal_year: number | null;
}

/** `?` placeholders: the latest due date for check-ins, then for action items; the deadline range; each part's partner filter binds its own. */
function unionSql(partnerFilter: boolean): string {
  const partner = (column: string) => (partnerFilter ? ` AND ${column} = ?` : '');
  return `
    SELECT 'checkIns' AS type, c.id AS id, c.title AS title, c.due_date AS date, p.id AS partner_id, p.name AS partner_name, p.name_ar AS partner_name_ar, pr.title AS context, NULL AS fiscal_year
      FROM check_ins c JOIN projects pr ON pr.id = c.project_id LEFT JOIN partners p ON p.id = pr.partner_id
      WHERE c.status = 'planned' AND c.due_date <> '' AND c.due_date <= ?${partner('pr.partner_id')}
    UNION ALL
    SELECT 'actionItems', a.id, a.description, a.due_date, p.id, p.name, p.name_ar, m.title, NULL
      FROM action_items a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN partners p ON p.id = m.partner_id
      WHERE a.status = 'open' AND a.due_date IS NOT NULL AND a.due_date <> '' AND a.due_date <= ?${partner('m.partner_id')}
    UNION ALL
    SELECT 'budgetDeadlines', d.id, d.name, d.date, p.id, p.name, p.name_ar, '', d.fiscal_year
      FROM budget_deadlines d LEFT JOIN partners p ON p.id = d.partner_id
      WHERE d.date >= ? AND d.date <= ?${partnerFilter ? " AND (d.partner_id = ? OR d.partner_id IS NULL OR d.partner_id = '')" : ''}
    ORDER BY date, type, title, id`;
}

/** The end of time for a calendar: every outstanding item, however far ahead. */
const ANY_DAY = '9999-12-31';

function reminders(store: Store, today: string, until: string, partnerId?: string): ReminderItem[] {
  const params = partnerId ? [until, partnerId, until, partnerId, today, until, partnerId] : [until, until, today, until];
  const rows = statement(store.db, partnerId ? 'reminders.ofPartner' : 'reminders.ofPost', () => unionSql(Boolean(partnerId))).all(...params) as Row[];
  return rows.map((row) => ({
    type: row.type,
    id: row.id,
    title: row.title,
    date: row.date,
    partner: row.partner_id ? { id: row.partner_id, name: row.partner_name ?? '', nameAr: row.partner_name_ar ?? '' } : null,
    context: row.context ?? '',
    fiscalYear: row.fiscal_year,
    overdue: row.type !== 'budgetDeadlines' && row.date < today,
  }));
}

/** Due or overdue from today to `days` ahead, overdue first (they come earliest by date). */
export function dueSoon(store: Store, today: string, days: number): { today: string; until: string; items: ReminderItem[] } {
  const until = addDays(today, days);
  return { today, until, items: reminders(store, today, until) };
}

/** Everything outstanding for the calendar file: one partner's (with the post-wide deadlines) or the whole post's. */
export function calendarItems(store: Store, today: string, partnerId?: string): ReminderItem[] {
  return reminders(store, today, ANY_DAY, partnerId);
}
