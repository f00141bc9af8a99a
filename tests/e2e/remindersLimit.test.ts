import { describe, expect, it } from 'vitest';
import { create } from '../unit/planning/fixtures';
import { addDays } from '../../shared/results/today';
import { join } from 'node:path';
import { insertRecord } from '../../db/repositories/records';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { useDemoAccord } from './support';

/**
 * The first screen's "Due in the next 14 days" on a post with more than it lists: the seeded demo and 70 more open
 * action items due in those two weeks. The database counts them all (the heading says how many, the overdue badge
 * how many are late); the list holds the 50 most urgent, overdue first, then by date; and a note names how many
 * more of each kind there are and links to the lists and the readiness view where they all are. In English and
 * in Arabic.
 */
const TODAY = '2026-12-02';
const UNTIL = '2026-12-16';
const EXTRA = 70;
let counts: { total: number; overdue: number; checkIns: number; actionItems: number; budgetDeadlines: number };

const { shots, open } = useDemoAccord({
  today: TODAY,
  async prepare(app) {
    const meeting = await create(app, 'meetings', { title: 'Extra planning round', partnerId: (await create(app, 'partners', { name: 'Busy partner', nameAr: 'شريك مشغول' })).id, date: '2026-11-25' });
    for (let i = 0; i < EXTRA; i++) await create(app, 'actionItems', { description: `Follow-up ${i + 1}`, meetingId: meeting.id, dueDate: addDays(TODAY, i % 15) });
    // And 1,000 more later in the year (straight through the repository: 1,000 API calls take long), so the post's
    // calendar holds more than its 1,000 events.
    const store = app.context.store;
    const schema = inputSchema(recordType('actionItems'));
    store.transaction(() => {
      for (let i = 0; i < 1000; i++) insertRecord(store, 'actionItems', schema.parse({ description: `Later ${i + 1}`, meetingId: meeting.id, dueDate: addDays(TODAY, 30 + (i % 300)) }) as Record<string, unknown>);
    });
  },
  inspect(db) {
    const rows = db
      .prepare(
        `SELECT 'checkIns' AS type, COUNT(*) AS n, SUM(due_date < @today) AS late FROM check_ins WHERE status = 'planned' AND due_date <> '' AND due_date <= @until
         UNION ALL SELECT 'actionItems', COUNT(*), SUM(due_date < @today) FROM action_items WHERE status = 'open' AND due_date <> '' AND due_date <= @until
         UNION ALL SELECT 'budgetDeadlines', COUNT(*), 0 FROM budget_deadlines WHERE date >= @today AND date <= @until`,
      )
      .all({ today: TODAY, until: UNTIL }) as { type: 'checkIns' | 'actionItems' | 'budgetDeadlines'; n: number; late: number | null }[];
    counts = { total: 0, overdue: 0, checkIns: 0, actionItems: 0, budgetDeadlines: 0 };
    for (const row of rows) {
      counts[row.type] = row.n;
      counts.total += row.n;
      counts.overdue += row.late ?? 0;
    }
    expect(counts.total).toBeGreaterThan(50 + 10);
  },
});

describe('the first screen’s reminders, bounded', () => {
  it('in English: the total counted, the 50 most urgent listed in order, the rest named by kind with links to where they are', async () => {
    const page = await open('en', `#/?today=${TODAY}`);
    const panel = page.getByTestId('due-soon');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('due-soon-row').count()).toBe(8);
    expect(await panel.getByTestId('due-soon-total').textContent()).toBe(`${counts.total} items`);
    expect(await panel.getByTestId('due-soon-overdue').textContent()).toBe(`${counts.overdue} overdue`);
    expect(await panel.getByTestId('due-soon-more').textContent()).toBe('Show the 50 most urgent');
    await panel.getByTestId('due-soon-more').click();
    await expect.poll(() => panel.getByTestId('due-soon-row').count()).toBe(50);
    const rows = panel.getByTestId('due-soon-row');
    const dates = await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-date')!));
    const late = await rows.evaluateAll((list) => list.map((row) => row.classList.contains('due-soon__row--overdue')));
    // Most urgent first: the overdue ones (all of them, the demo has fewer than 50), then by date.
    expect(dates).toEqual([...dates].sort());
    expect(late.filter(Boolean)).toHaveLength(counts.overdue);
    expect(late.slice(0, counts.overdue).every(Boolean)).toBe(true);
    // The last listed is no later than anything left out: it is the 50th by date, and the window runs to UNTIL.
    expect(dates.at(-1)! <= UNTIL).toBe(true);

    const types = await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-type')!));
    const listed = (type: string) => types.filter((t) => t === type).length;
    const rest = panel.getByTestId('due-soon-rest');
    const kinds = (n: number, kind: string) => `${n} ${kind}${n === 1 ? '' : 's'}`;
    expect((await rest.locator('p').first().textContent())!).toBe(
      `Only the 50 most urgent are listed here. ${counts.total - 50} more are due or overdue in these 14 days: ${kinds(counts.checkIns - listed('checkIns'), 'check-in point')}, ${kinds(counts.actionItems - listed('actionItems'), 'action item')}, ${kinds(counts.budgetDeadlines - listed('budgetDeadlines'), 'budget deadline')}.`,
    );
    await page.screenshot({ path: join(shots, 'home-due-limit-en.png'), fullPage: true });
    await rest.screenshot({ path: join(shots, 'home-due-limit-rest-en.png') });

    // The post's calendar: over its limit, so the note says how many went and to save one partner at a time.
    const saved = page.waitForEvent('download');
    await panel.getByTestId('calendar-download').click();
    await saved;
    const note = panel.getByTestId('calendar-left-out');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^The file holds 1,000 events of [\d,]+ outstanding\. \d+ fall after 2 Dec 2027 and were left out\. [\d,]+ were left out over the limit of 1,000 events \(the latest ones\)\. For those over the limit, save one partner’s calendar at a time, from its overview\. Save the calendar again later/);
    await panel.locator('header').screenshot({ path: join(shots, 'home-calendar-over-limit-en.png') });

    await rest.getByTestId('due-soon-list-actionItems').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/records/actionItems');
    await page.goBack();
    await page.getByTestId('due-soon-dashboard').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/dashboard');
    await page.getByTestId('post-dashboard').waitFor();
    await page.close();
  });

  it('in Arabic: the same counts and note, right to left', async () => {
    const page = await open('ar', `#/?today=${TODAY}`);
    const panel = page.getByTestId('due-soon');
    await panel.waitFor();
    await panel.getByTestId('due-soon-more').click();
    await expect.poll(() => panel.getByTestId('due-soon-row').count()).toBe(50);
    const saved = page.waitForEvent('download');
    await panel.getByTestId('calendar-download').click();
    await saved;
    expect(await panel.getByTestId('calendar-left-out').textContent()).toContain('لم يُدرج ما تجاوز الحد الأقصى البالغ 1,000 حدث');
    expect(await panel.getByTestId('due-soon-rest').textContent()).toContain(`لا يُعرض هنا إلا الأكثر إلحاحًا (50). المستحق أو المتأخر الآخر خلال هذه الأيام الـ14: ${counts.total - 50}`);
    expect(await panel.locator('[data-testid=due-soon-row] td:last-child').allTextContents()).toContain('شريك مشغول');
    await page.screenshot({ path: join(shots, 'home-due-limit-ar.png'), fullPage: true });
    await panel.getByTestId('due-soon-rest').screenshot({ path: join(shots, 'home-due-limit-rest-ar.png') });
    await panel.locator('header').screenshot({ path: join(shots, 'home-due-limit-header-ar.png') });
    // The partners' list below names them in Arabic too.
    expect(await page.getByTestId('partners-table').textContent()).toContain('الأردن');
    await page.getByTestId('partners-table').screenshot({ path: join(shots, 'home-partners-ar.png') });
    await page.close();
  });
});
