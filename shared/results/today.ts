/**
 * "Today" as the officer lives it: the calendar date in the local time zone of the machine (the TZ the process or
 * the browser runs in), never UTC's. At 01:00 in Amman on 2 December, UTC still says 1 December; an assessment due
 * on the 1st is overdue there. Every overdue, upcoming and readiness computation takes its today from here, as an
 * ISO calendar date (yyyy-mm-dd), and does date arithmetic on calendar dates only (no time zone in between).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar date at `now` (default: this moment). */
export function localToday(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date moved by whole days (negative: earlier). */
export function addDays(isoDate: string, days: number): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`Not an ISO date: ${isoDate}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const day = (iso: string) => {
    const match = ISO_DATE.exec(iso);
    if (!match) throw new Error(`Not an ISO date: ${iso}`);
    return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
  };
  return Math.round(day(to) - day(from));
}
