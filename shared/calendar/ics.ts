/**
 * iCalendar (RFC 5545), the little of it a reminder file needs: a VCALENDAR of all-day VEVENTs, written by hand
 * (no library in the tree writes it, and this is the whole of it). What Outlook, and any other reader, relies on:
 * - TEXT values escaped (backslash, semicolon, comma; a line break as \n), section 3.3.11;
 * - content lines folded at 75 octets of UTF-8 (section 3.1), never inside a character: an Arabic letter is two
 *   octets and stays whole, a continuation line starts with one space;
 * - CRLF after every line, the last included;
 * - all-day events as DTSTART;VALUE=DATE with DTEND the next day (the end is exclusive, section 3.6.1);
 * - a UID that stays the same for the same record, so importing an updated file updates the event.
 * Pure: the caller gives the export time and the texts, already in the reader's language.
 */

import { addDays } from '../results/today';

export interface CalendarEvent {
  uid: string;
  /** The day (yyyy-mm-dd): an all-day event. */
  date: string;
  summary: string;
  description?: string;
  /** One category (Outlook lists the event under it). */
  category?: string;
}

export interface Calendar {
  /** Who made the file: "-//Accord//Reminders 0.1.0//EN". */
  prodId: string;
  /** The name a reader gives the calendar when it is imported as a new one (X-WR-CALNAME). */
  name?: string;
  /** The language of the texts (LANGUAGE parameter, RFC 5646 tag). */
  language?: string;
  /** When the file was made (an ISO timestamp): every event's DTSTAMP. */
  stamp: string;
  events: readonly CalendarEvent[];
}

const CRLF = '\r\n';
/** Octets per content line, line break excluded (RFC 5545 section 3.1). */
export const MAX_LINE_OCTETS = 75;

/** A TEXT value with its special characters escaped. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** One content line folded into lines of at most 75 octets, each continuation starting with a space; split between characters only. */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** yyyy-mm-dd -> yyyymmdd (a DATE value). */
const dateValue = (isoDate: string) => isoDate.replace(/-/g, '');
/** An ISO timestamp -> yyyymmddThhmmssZ (a DATE-TIME in UTC). */
const stampValue = (iso: string) => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The whole file, as text (encode it as UTF-8). */
export function calendarText(calendar: Calendar): string {
  const language = calendar.language ? `;LANGUAGE=${calendar.language}` : '';
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(calendar.prodId)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  const stamp = stampValue(calendar.stamp);
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${dateValue(event.date)}`, `DTEND;VALUE=DATE:${dateValue(addDays(event.date, 1))}`);
    lines.push(`SUMMARY${language}:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION${language}:${escapeText(event.description)}`);
    if (event.category) lines.push(`CATEGORIES${language}:${escapeText(event.category)}`);
    // An all-day reminder does not mark the officer busy.
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
