import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseIcs, textOf } from '../ics';
import { useDemoAccord } from './support';

/**
 * The first screen's "Due in the next 14 days" in Chromium, on the seeded demo (built around 2 Dec 2026, the day
 * the address fixes): the check-in points not yet assessed, open action items and budget deadlines the database
 * holds for that window, the overdue ones marked, each linking to its record; in Arabic right to left with the
 * same rows; and the calendar file saved from the first screen and from a partner's page, read back.
 */
const TODAY = '2026-12-02';
const UNTIL = '2026-12-16';
let due: number;
let overdue: number;
let outstanding: number;
let partner: { id: string; name: string; name_ar: string; outstanding: number };
/** A partner's name as the Arabic file gives it: its Arabic name where it has one. */
const arabicName = () => partner.name_ar || partner.name;

const OUTSTANDING = (partnerFilter: string) => `
  SELECT (SELECT COUNT(*) FROM check_ins c JOIN projects p ON p.id = c.project_id WHERE c.status = 'planned' AND c.due_date <> '' ${partnerFilter.replace(/X/g, 'p.partner_id')})
       + (SELECT COUNT(*) FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.status = 'open' AND a.due_date <> '' ${partnerFilter.replace(/X/g, 'm.partner_id')})
       + (SELECT COUNT(*) FROM budget_deadlines d WHERE d.date >= @today ${partnerFilter ? "AND (d.partner_id = @partner OR d.partner_id IS NULL OR d.partner_id = '')" : ''})`;

const { folder, shots, open } = useDemoAccord({
  today: TODAY,
  inspect(db) {
    ({ due, overdue } = db
      .prepare(
        `SELECT SUM(n) AS due, SUM(late) AS overdue FROM (
           SELECT COUNT(*) AS n, SUM(due_date < @today) AS late FROM check_ins WHERE status = 'planned' AND due_date <> '' AND due_date <= @until
           UNION ALL SELECT COUNT(*), SUM(due_date < @today) FROM action_items WHERE status = 'open' AND due_date <> '' AND due_date <= @until
           UNION ALL SELECT COUNT(*), 0 FROM budget_deadlines WHERE date >= @today AND date <= @until)`,
      )
      .get({ today: TODAY, until: UNTIL }) as { due: number; overdue: number });
    outstanding = db.prepare(OUTSTANDING('')).pluck().get({ today: TODAY }) as number;
    partner = db.prepare('SELECT id, name, name_ar FROM partners WHERE id IN (SELECT partner_id FROM projects) ORDER BY name LIMIT 1').get() as typeof partner;
    partner.outstanding = db.prepare(OUTSTANDING('AND X = @partner')).pluck().get({ today: TODAY, partner: partner.id }) as number;
    // The demo has both kinds, so the page shows both.
    expect(overdue).toBeGreaterThan(0);
    expect(due).toBeGreaterThan(overdue);
  },
});

async function download(page: Page, file: string): Promise<Buffer> {
  const saved = page.waitForEvent('download');
  await page.getByTestId('calendar-download').click();
  const path = join(folder, file);
  await (await saved).saveAs(path);
  return readFileSync(path);
}

describe('the first screen’s reminders', () => {
  it('in English: what is due in 14 days, overdue marked, each row a link to its record; the post’s calendar downloads', async () => {
    const page = await open('en', `#/?today=${TODAY}`);
    const panel = page.getByTestId('due-soon');
    await panel.waitFor();
    // A glance first (the first eight, overdue ones at the top), then all of them on demand.
    await expect.poll(() => panel.getByTestId('due-soon-row').count()).toBe(Math.min(due, 8));
    await page.screenshot({ path: join(shots, 'home-due-en.png'), fullPage: true });
    await panel.getByTestId('due-soon-more').click();
    await expect.poll(() => panel.getByTestId('due-soon-row').count()).toBe(due);
    expect(await panel.locator('h2').textContent()).toContain('Due in the next 14 days');
    expect(await panel.getByTestId('due-soon-overdue').textContent()).toBe(`${overdue} overdue`);
    const late = panel.locator('tr.due-soon__row--overdue');
    expect(await late.count()).toBe(overdue);
    expect(await late.first().textContent()).toMatch(/Overdue by \d+ days?/);
    // The partners list is still below it.
    await page.getByTestId('partners-table').waitFor();
    await page.screenshot({ path: join(shots, 'home-due-all-en.png'), fullPage: true });

    const ics = parseIcs(await download(page, 'post.ics'));
    expect(ics.events).toHaveLength(outstanding);
    expect(ics.events.every((event) => event.SUMMARY?.params.LANGUAGE === 'en' && /^\d{8}$/.test(event.DTSTART!.raw))).toBe(true);

    const first = panel.getByTestId('due-soon-row').first();
    const title = (await first.locator('th a').textContent())!;
    const type = (await first.getAttribute('data-type'))!;
    await first.locator('th a').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(new RegExp(`^#/records/${type}/[0-9a-f-]{36}$`));
    await expect.poll(() => page.locator('h1').first().textContent()).toContain(title);
    await page.close();
  });

  it('in Arabic: the same rows right to left; a partner’s calendar from its page, in Arabic', async () => {
    const page = await open('ar', `#/?today=${TODAY}`);
    const panel = page.getByTestId('due-soon');
    await panel.waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await panel.getByTestId('due-soon-more').click();
    await expect.poll(() => panel.getByTestId('due-soon-row').count()).toBe(due);
    expect(await panel.locator('h2').textContent()).toContain('المستحق خلال الـ14 يومًا القادمة');
    expect(await panel.locator('tr.due-soon__row--overdue').first().textContent()).toContain('متأخر');
    // Right to left: the date column (first) sits at the right edge of the table.
    const table = await panel.locator('table').boundingBox();
    const dateCell = await panel.locator('thead th').first().boundingBox();
    expect(dateCell!.x + dateCell!.width).toBeGreaterThan(table!.x + table!.width - 2);
    await page.screenshot({ path: join(shots, 'home-due-ar.png'), fullPage: true });

    await page.evaluate((target) => (window.location.hash = target), `#/overview/${partner.id}`);
    await page.getByTestId('partner-overview').waitFor();
    await page.screenshot({ path: join(shots, 'partner-overview-ar.png') });
    const ics = parseIcs(await download(page, 'partner.ics'));
    expect(ics.events).toHaveLength(partner.outstanding);
    expect(ics.calendar['X-WR-CALNAME']?.raw).toBe(`تذكيرات أكورد: ${arabicName()}`);
    expect(ics.events.some((event) => textOf(event, 'SUMMARY').includes(`(${arabicName()})`))).toBe(true);
    await page.close();
  });

  it('says so when nothing is due', async () => {
    const page = await open('en', '#/?today=2000-01-01');
    await page.getByTestId('due-soon-empty').waitFor();
    expect(await page.getByTestId('due-soon-empty').textContent()).toBe('Nothing is due or overdue in this period.');
    expect(await page.getByTestId('due-soon-row').count()).toBe(0);
    await page.close();
  });
});
