import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarText, escapeText, foldLine } from '../../../shared/calendar/ics';
import { parseIcs, textOf, unescapeText } from '../../ics';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

describe('the iCalendar writer', () => {
  it('escapes backslashes, semicolons, commas and line breaks (RFC 5545 3.3.11)', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(unescapeText(escapeText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
  });

  it('folds at 75 octets, between characters: Arabic letters (2 octets) and emoji (4) are never split', () => {
    const arabic = foldLine(`SUMMARY:${'مراجعة '.repeat(20)}`);
    const lines = arabic.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const [i, line] of lines.entries()) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      if (i > 0) expect(line.startsWith(' ')).toBe(true);
      // Each line is whole characters: re-encoding it gives back exactly its own octets, nothing replaced.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
    }
    // 'é' is 2 octets: 37 of them fill 74 octets, a 38th would make 76.
    expect(foldLine('é'.repeat(40)).split('\r\n')[0]).toBe('é'.repeat(37));
    expect(foldLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
  });

  it('folding and unfolding any text gives it back, with every line within 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
        const line = `DESCRIPTION:${escapeText(value)}`;
        const folded = foldLine(line);
        expect(folded.split('\r\n').every((part) => octets(part) <= 75)).toBe(true);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('writes a calendar a strict reader accepts: CRLF, all-day events, the next day as the exclusive end', () => {
    const text = calendarText({
      prodId: '-//Accord//Reminders 0.1.0//EN',
      name: 'Accord reminders: Test, post',
      language: 'en',
      stamp: '2026-12-02T09:15:30.123Z',
      events: [
        { uid: 'a@accord.invalid', date: '2026-12-31', summary: 'Year end; review, all', description: 'Line one\nLine two', category: 'Check-in point' },
        { uid: 'b@accord.invalid', date: '2028-02-28', summary: 'Leap' },
      ],
    });
    const parsed = parseIcs(Buffer.from(text, 'utf8'));
    expect(parsed.calendar.VERSION?.raw).toBe('2.0');
    expect(parsed.calendar.PRODID?.raw).toBe('-//Accord//Reminders 0.1.0//EN');
    expect(unescapeText(parsed.calendar['X-WR-CALNAME']!.raw)).toBe('Accord reminders: Test, post');
    const [first, second] = parsed.events;
    expect(first!.DTSTART).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, raw: '20261231' });
    expect(first!.DTEND?.raw).toBe('20270101');
    expect(first!.DTSTAMP?.raw).toBe('20261202T091530Z');
    expect(textOf(first!, 'SUMMARY')).toBe('Year end; review, all');
    expect(first!.SUMMARY?.params).toEqual({ LANGUAGE: 'en' });
    expect(textOf(first!, 'DESCRIPTION')).toBe('Line one\nLine two');
    expect(second!.DTEND?.raw).toBe('20280229');
    expect(second!.DESCRIPTION).toBeUndefined();
  });
});
