import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoAccord } from './support';

/**
 * The readiness dashboards in Chromium, on the seeded demo data: the post's partners at a glance, and a partner's
 * page with its check-in points against the budget deadlines, the brief delivered for the past deadline, ratings
 * over time, resources and actions; in Arabic the page runs right to left with the same rows.
 */
let partner: { id: string; name: string; name_ar: string };
let partnersWithProjects: number;
let recipient: string;

const { shots, open } = useDemoAccord({
  inspect(db) {
    partner = db.prepare('SELECT p.id, p.name, p.name_ar FROM partners p WHERE EXISTS (SELECT 1 FROM brief_deliveries b WHERE b.partner_id = p.id) ORDER BY p.name LIMIT 1').get() as typeof partner;
    partnersWithProjects = db.prepare('SELECT COUNT(*) FROM partners WHERE id IN (SELECT partner_id FROM projects)').pluck().get() as number;
    recipient = db.prepare('SELECT pe.name FROM brief_deliveries b JOIN people pe ON pe.id = b.recipient_id WHERE b.partner_id = ?').pluck().get(partner.id) as string;
    expect(partner).toBeDefined();
  },
});

describe('the readiness dashboards', () => {
  it('the post dashboard lists every partner with projects; a partner page shows its deadlines, the delivered brief and its ratings', async () => {
    const page = await open('en', '#/dashboard?today=2026-12-02');
    await page.getByTestId('post-dashboard').waitFor();
    await expect.poll(() => page.getByTestId('post-row').count()).toBe(partnersWithProjects);
    // The seed delivered the next deadline's brief for every other partner: both states are listed.
    expect(await page.getByTestId('post-row').filter({ hasText: 'Not delivered' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('post-row').filter({ hasText: 'Not delivered' }).count()).toBeLessThan(partnersWithProjects);
    await page.screenshot({ path: join(shots, 'dashboard-post-en.png'), fullPage: true });

    await page.evaluate((target) => (window.location.hash = target), `#/dashboard/${partner.id}?today=2026-12-02`);
    await expect.poll(() => page.locator('#dashboard-heading').textContent()).toBe(partner.name);
    const delivered = page.getByTestId('brief-state').filter({ hasText: `Delivered to ${recipient}` });
    await expect.poll(() => delivered.count()).toBeGreaterThan(0);
    // A brief handed over is recorded, by default, on the page's day, not the machine's.
    const deliveredOn = page.getByLabel('Delivered on');
    await expect.poll(() => deliveredOn.count()).toBeGreaterThan(0);
    expect(new Set(await deliveredOn.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)))).toEqual(new Set(['2026-12-02']));
    await expect.poll(() => page.getByTestId('timeline-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('ratings-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'dashboard-partner-en.png'), fullPage: true });
    await page.close();
  });

  it('in Arabic the partner page runs right to left, with the same deadlines and the delivery in Arabic', async () => {
    const page = await open('ar', `#/dashboard/${partner.id}?today=2026-12-02`);
    await page.getByTestId('partner-dashboard').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The partner by its Arabic name (the seed gives every partner one).
    await expect.poll(() => page.locator('#dashboard-heading').textContent()).toBe(partner.name_ar);
    await expect.poll(() => page.getByTestId('brief-state').filter({ hasText: `سُلّم إلى ${recipient}` }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('timeline-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'dashboard-partner-ar.png'), fullPage: true });
    // The post's readiness names the partners in Arabic too.
    await page.evaluate(() => (window.location.hash = '#/dashboard?today=2026-12-02'));
    await expect.poll(() => page.getByTestId('post-row').filter({ hasText: partner.name_ar }).count()).toBe(1);
    await page.screenshot({ path: join(shots, 'dashboard-post-ar.png'), fullPage: true });
    await page.close();
  });
});
