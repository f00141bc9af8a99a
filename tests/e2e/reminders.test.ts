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
 * same rows, partners by their Arabic names; and the calendar file saved from the first screen and from a
 * partner's page, read back: overdue and the next 365 days, with what it left out (the demo's budget deadlines
 * beyond that) said under the button.
 */
const TODAY = '2026-12-02';
const UNTIL = '2026-12-16';
/** The calendar file reaches 365 days ahead. */
const HORIZON = '2027-12-02';
const ANY_DAY = '9999-12-31';
let due: number;
let overdue: number;
let outstanding: number;
let inFile: number;
let partner: { id: string; name: string; name_ar: string; outstanding: number; inFile: number };
/** A check-in point in the list, with the Arabic title the seed gives it. */
let checkIn: { title: string; title_ar: string };
/** A partner's name as the Arabic file gives it: its Arabic name where it has one. */
const arabicName = () => partner.name_ar || partner.name;

const OUTSTANDING = (partnerFilter: string) => `
  SELECT (SELECT COUNT(*) FROM check_ins c JOIN projects p ON p.id = c.project_id WHERE c.status = 'planned' AND c.due_date <> '' AND c.due_date <= @until ${partnerFilter.replace(/X/g, 'p.partner_id')})
       + (SELECT COUNT(*) FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.status = 'open' AND a.due_date <> '' AND a.due_date <= @until ${partnerFilter.replace(/X/g, 'm.partner_id')})
       + (SELECT COUNT(*) FROM budget_deadlines d WHERE d.date >= @today AND d.date <= @until ${partnerFilter ? "AND (d.partner_id = @partner OR d.partner_id IS NULL OR d.partner_id = '')" : ''})`;

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
    outstanding = db.prepare(OUTSTANDING('')).pluck().get({ today: TODAY, until: ANY_DAY }) as number;
    inFile = db.prepare(OUTSTANDING('')).pluck().get({ today: TODAY, until: HORIZON }) as number;
    partner = db.prepare('SELECT id, name, name_ar FROM partners WHERE id IN (SELECT partner_id FROM projects) ORDER BY name LIMIT 1').get() as typeof partner;
    partner.outstanding = db.prepare(OUTSTANDING('AND X = @partner')).pluck().get({ today: TODAY, partner: partner.id, until: ANY_DAY }) as number;
    partner.inFile = db.prepare(OUTSTANDING('AND X = @partner')).pluck().get({ today: TODAY, partner: partner.id, until: HORIZON }) as number;
    // The demo has both kinds, so the page shows both; a budget deadline among them; fewer than the 50 the list holds.
    expect(overdue).toBeGreaterThan(0);
    expect(due).toBeGreaterThan(overdue);
    expect(due).toBeLessThanOrEqual(50);
    expect(db.prepare('SELECT COUNT(*) FROM budget_deadlines WHERE date >= @today AND date <= @until').pluck().get({ today: TODAY, until: UNTIL })).toBeGreaterThan(0);
    // Its budget calendar reaches past the file's 365 days: the file leaves those out, and says so.
    expect(outstanding).toBeGreaterThan(inFile);
    // Every partner has its Arabic name, and the check-in points their Arabic titles.
    expect(partner.name_ar).not.toBe('');
    checkIn = db.prepare("SELECT title, title_ar FROM check_ins WHERE status = 'planned' AND due_date <> '' AND due_date <= @until ORDER BY due_date, id LIMIT 1").get({ until: UNTIL }) as typeof checkIn;
    expect(checkIn.title_ar).not.toBe('');
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
    expect(await panel.getByTestId('due-soon-total').textContent()).toBe(`${due} items`);
    // All of them fit in the list: no "and N more".
    expect(await panel.getByTestId('due-soon-rest').count()).toBe(0);
    expect(await panel.getByTestId('due-soon-more').textContent()).toBe(`Show all ${due}`);
    expect(await panel.getByTestId('calendar-bound').textContent()).toBe('Overdue and the next 365 days, up to 1,000 events');
    await panel.getByTestId('due-soon-more').click();
    await expect.poll(() => panel.getByTestId('due-soon-row').count()).toBe(due);
    expect(await panel.locator('[data-testid=due-soon-row] th a').allTextContents()).toContain(checkIn.title);
    // The next Mission Resource Request is among them (the demo puts it 10 days ahead).
    expect(await panel.locator('[data-type=budgetDeadlines]').count()).toBeGreaterThan(0);
    expect(await panel.locator('h2').textContent()).toContain('Due in the next 14 days');
    expect(await panel.getByTestId('due-soon-overdue').textContent()).toBe(`${overdue} overdue`);
    const late = panel.locator('tr.due-soon__row--overdue');
    expect(await late.count()).toBe(overdue);
    expect(await late.first().textContent()).toMatch(/Overdue by \d+ days?/);
    // The partners list is still below it.
    await page.getByTestId('partners-table').waitFor();
    await page.screenshot({ path: join(shots, 'home-due-all-en.png'), fullPage: true });

    const ics = parseIcs(await download(page, 'post.ics'));
    expect(ics.events).toHaveLength(inFile);
    // What the file left out (the budget deadlines beyond 365 days) is said under the button.
    const leftOut = panel.getByTestId('calendar-left-out');
    await leftOut.waitFor();
    expect(await leftOut.textContent()).toBe(
      `The file holds ${inFile} events of ${outstanding} outstanding. ${outstanding - inFile} fall after 2 Dec 2027 and were left out. Save the calendar again later: the months ahead come into it as they come nearer.`,
    );
    await panel.locator('header').screenshot({ path: join(shots, 'home-calendar-left-out-en.png') });
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
    // Partners by their Arabic names, check-in points by their Arabic titles.
    expect(await panel.locator('[data-testid=due-soon-row] td:last-child').allTextContents()).toContain(arabicName());
    const titles = await panel.locator('[data-testid=due-soon-row] th a').allTextContents();
    expect(titles).toContain(checkIn.title_ar);
    expect(titles).not.toContain(checkIn.title);
    // Right to left: the date column (first) sits at the right edge of the table.
    const table = await panel.locator('table').boundingBox();
    const dateCell = await panel.locator('thead th').first().boundingBox();
    expect(dateCell!.x + dateCell!.width).toBeGreaterThan(table!.x + table!.width - 2);
    await page.screenshot({ path: join(shots, 'home-due-ar.png'), fullPage: true });

    await page.evaluate((target) => (window.location.hash = target), `#/overview/${partner.id}?today=${TODAY}`);
    await page.getByTestId('partner-overview').waitFor();
    // Its name in Arabic, as the seed gives it.
    await expect.poll(() => page.locator('#overview-heading').textContent()).toBe(arabicName());
    // Its check-in points and budget deadlines by their Arabic titles (the seed gives every one of them one).
    const overviewText = (await page.getByTestId('partner-overview').textContent())!;
    expect(overviewText).toContain('المراجعة المشتركة');
    expect(overviewText).not.toMatch(/Joint review|Resource Request/);
    await page.screenshot({ path: join(shots, 'partner-overview-ar.png') });
    const ics = parseIcs(await download(page, 'partner.ics'));
    expect(ics.events).toHaveLength(partner.inFile);
    await page.screenshot({ path: join(shots, 'partner-overview-calendar-ar.png') });
    if (partner.outstanding > partner.inFile) expect(await page.getByTestId('calendar-left-out').textContent()).toContain(`من أصل ${partner.outstanding} بندًا قائمًا. لم يُدرج ما يقع بعد 2 ديسمبر 2027: ${partner.outstanding - partner.inFile}.`);
    expect(ics.calendar['X-WR-CALNAME']?.raw).toBe(`تذكيرات أكورد: ${arabicName()}`);
    expect(ics.events.some((event) => textOf(event, 'SUMMARY').includes(`(${arabicName()})`))).toBe(true);

    // Links to a partner read in Arabic too: the projects list's partner column and its filter.
    await page.evaluate(() => (window.location.hash = '#/records/projects'));
    const projects = page.getByTestId('projects-list');
    await projects.locator('tr.vrow').first().waitFor();
    await expect.poll(async () => (await projects.locator('tr.vrow').allTextContents()).some((row) => row.includes(arabicName()))).toBe(true);
    expect(await page.locator('#filter-partnerId option').allTextContents()).toContain(arabicName());
    expect(await page.locator('#filter-partnerId option').allTextContents()).not.toContain(partner.name);
    await page.screenshot({ path: join(shots, 'projects-list-ar.png') });
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
