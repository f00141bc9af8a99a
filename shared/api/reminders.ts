import { z } from 'zod';
import { recordId } from '../domain/common';
import { issueMessage } from '../i18n/message';
import { addDays } from '../results/today';
import { documentFile } from './dashboard';
import type { MethodGroup } from './types';

/**
 * Reminders: what is due or overdue soon (the first screen's list) and the same kinds of dated records as an
 * iCalendar file an officer imports into Outlook (shared/calendar/ics.ts writes it). Both are measured from the
 * officer's local today (shared/results/today.ts) unless the caller names one.
 */

/** How far ahead the first screen looks. */
export const DUE_SOON_DAYS = 14;
/**
 * At most this many of them, the most urgent first (overdue, then by date), are listed on the first screen; the
 * rest are counted and pointed to (each partner's overview, the lists), never fetched.
 */
export const DUE_SOON_LIMIT = 50;
/** The calendar file reaches this far ahead (365 days); overdue items are in it however old. */
export const CALENDAR_HORIZON_DAYS = 365;
/** And holds at most this many events, the most urgent first: more is more than a calendar program imports usefully. */
export const CALENDAR_MAX_EVENTS = 1000;

/** The record types that carry a date an officer must act by. */
export const REMINDER_TYPES = ['checkIns', 'budgetDeadlines', 'actionItems'] as const;
export type ReminderType = (typeof REMINDER_TYPES)[number];

/** A real calendar date written yyyy-mm-dd (2026-02-31 is refused, not rolled over). */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, issueMessage('validation.invalidDate'))
  .refine((text) => addDays(text, 0) === text, { message: issueMessage('validation.invalidDate') });

export const reminderItem = z.object({
  type: z.enum(REMINDER_TYPES),
  id: z.string(),
  title: z.string(),
  /** Its Arabic title (a project's, a check-in point's or a deadline's own), empty where it has none. */
  titleAr: z.string(),
  /** The day it is due (a check-in point, an action item) or falls (a budget deadline). */
  date: z.string(),
  /** Its partner nation; null for a post-wide budget deadline. */
  partner: z.object({ id: z.string(), name: z.string(), nameAr: z.string() }).nullable(),
  /** What it belongs to: a check-in point's project, an action item's meeting; empty for a deadline. */
  context: z.string(),
  contextAr: z.string(),
  /** A budget deadline's fiscal year (null for the other types). */
  fiscalYear: z.number().int().nullable(),
  /** Still to do and its day is before today. */
  overdue: z.boolean(),
});
export type ReminderItem = z.infer<typeof reminderItem>;

/** How many items a window holds in all (counted in the database, whatever was listed). */
export const reminderCounts = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  byType: z.object({ checkIns: z.number().int(), actionItems: z.number().int(), budgetDeadlines: z.number().int() }),
});
export type ReminderCounts = z.infer<typeof reminderCounts>;

export const remindersMethods = {
  /**
   * Due or overdue within `days` of today: check-in points not yet assessed and open action items due by then
   * (however long overdue), and budget deadlines from today to then. The `limit` most urgent (overdue first, then
   * by date) are listed; `counts` counts all of them, so `counts.total - items.length` were left out.
   */
  'reminders.due': {
    input: z.object({ today: calendarDate.optional(), days: z.number().int().min(1).max(366).default(DUE_SOON_DAYS), limit: z.number().int().min(1).max(500).default(DUE_SOON_LIMIT) }),
    output: z.object({ today: z.string(), until: z.string(), items: z.array(reminderItem), counts: reminderCounts }),
  },
  /**
   * An .ics file (RFC 5545) of check-in points not yet assessed, open action items with a due date and budget
   * deadlines, for one partner (with the post-wide deadlines) or the whole post; summaries in `lang`. Bounded:
   * everything overdue and due in the next CALENDAR_HORIZON_DAYS, at most CALENDAR_MAX_EVENTS events (the most
   * urgent). What was left out is counted (`beyondHorizon`, `overLimit`, of `outstanding` in all) for the caller
   * to say so.
   */
  'reminders.calendar': {
    input: z.object({ partnerId: recordId.optional(), lang: z.enum(['en', 'ar']).default('en'), today: calendarDate.optional() }),
    output: documentFile.extend({
      events: z.number().int(),
      /** The last day the file reaches. */
      until: z.string(),
      outstanding: z.number().int(),
      beyondHorizon: z.number().int(),
      overLimit: z.number().int(),
    }),
  },
} as const satisfies MethodGroup;
