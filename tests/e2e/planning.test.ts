import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory } from '../helpers';
import { launchBrowser, startAccord, type RunningAccord, signIn } from './support';

/**
 * An officer's planning path, in headless Chromium against the real
 * `accord serve`: agree a sector with the partner, choose a pilot project, set
 * three benchmarks and two check-in points, write an MOU clause that cites
 * them, record an assessment at the first check-in point, and see the partner
 * overview change. Every step goes through the generic pages built from the
 * record registry, and asserts what the officer sees.
 */
const dir = tempDirectory();
const databasePath = join(dir.path, 'accord.sqlite');
const screenshots = join(__dirname, '..', '..', 'dist');
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const firstCheckInDue = isoDay(-10); // already overdue: the assessment is due
const secondCheckInDue = isoDay(60);
const budgetDeadline = isoDay(30); // the second assessment comes after it: late for this deadline

const BENCHMARKS = ['Border guards trained', 'Crossings with joint patrols', 'Seizure reports shared'];
const ARABIC_CLAUSE = 'يتبادل الطرفان تقارير المضبوطات كل ثلاثة أشهر';

beforeAll(async () => {
  accord = await startAccord(databasePath);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await signIn(page, accord.url);
  await page.getByTestId('marking-top').waitFor();
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
  dir.remove();
});

const field = (name: string) => page.locator(`#field-${name}`);
const fieldError = (name: string) => page.locator(`#field-${name}-error`);
const detailValue = (name: string) => page.locator(`[data-testid=record-detail] [data-field=${name}] dd`);
const heading = () => page.locator('h1').first().textContent();
const goTo = (hash: string) => page.evaluate((target) => (window.location.hash = target), hash);
const save = () => page.getByRole('button', { name: 'Save', exact: true }).click();
const shot = (name: string) => page.screenshot({ path: join(screenshots, `planning-${name}.png`), fullPage: true });
/** Opens a list from the planning navigation and waits for it, so no link of the page before is clicked by mistake. */
async function sidebar(name: string) {
  await page.locator('nav.sidebar').getByRole('link', { name, exact: true }).click();
  await expect.poll(heading).toBe(name);
}

async function savedAs(title: string) {
  await expect.poll(() => page.locator('#detail-heading').textContent()).toBe(title);
}

/** Checks records in a link picker (refList) by their titles. */
async function pick(groupLabel: string, titles: string[]) {
  const group = page.getByRole('group', { name: groupLabel });
  for (const title of titles) await group.getByRole('checkbox', { name: title, exact: true }).check();
}

async function listCount(type: string): Promise<string | null> {
  await goTo(`#/records/${type}`);
  await expect.poll(() => page.locator('h1').first().textContent()).not.toBe('');
  await expect.poll(async () => (await page.getByTestId('list-count').count()) + (await page.locator('.empty').count())).toBeGreaterThan(0);
  return (await page.getByTestId('list-count').count()) ? page.getByTestId('list-count').textContent() : '0 records';
}

describe('the officer planning path in the browser', () => {
  it('adds the partner nation and agrees a sector with it, refusing an agreement without date and name', async () => {
    await goTo('#/records/partners/new');
    await field('name').fill('Tunisia');
    await field('isoCode').fill('TN');
    await save();
    await savedAs('Tunisia');

    await sidebar('Sector priorities');
    await page.getByRole('link', { name: 'New Sector priority' }).click();
    await field('partnerId').selectOption({ label: 'Tunisia' });
    await field('sector').selectOption({ label: 'Border security' });
    await field('programArea').fill('Border guard training');
    await field('priority').selectOption({ label: 'High' });
    await field('agreementStatus').selectOption({ label: 'Agreed with partner' });
    await save();
    await expect.poll(() => fieldError('agreedOn').textContent()).toBe('Record when and by whom the partner agreed.');
    await field('agreedOn').fill(isoDay(-40));
    await field('agreedBy').fill('Director of Border Police');
    await save();
    await savedAs('Border guard training');
    expect(await detailValue('agreementStatus').textContent()).toBe('Agreed with partner');
    expect(await detailValue('partnerId').textContent()).toBe('Tunisia');
  });

  it('chooses a pilot project with the partner', async () => {
    await sidebar('Projects');
    await page.getByRole('link', { name: 'New Project' }).click();
    await field('title').fill('Border guard pilot');
    await field('partnerId').selectOption({ label: 'Tunisia' });
    await field('sector').selectOption({ label: 'Border security' });
    await field('isPilot').check();
    await field('partnerLead').fill('Col. Ben Salah');
    await field('startDate').fill(isoDay(-60));
    await save();
    await savedAs('Border guard pilot');
    expect(await detailValue('isPilot').textContent()).toBe('Yes');
  });

  it('refuses a benchmark without its project and one whose target date is before its baseline date, saving nothing', async () => {
    await sidebar('Benchmarks');
    await page.getByRole('link', { name: 'New Benchmark' }).click();
    await field('title').fill('Orphan indicator');
    await save();
    await expect.poll(() => fieldError('projectId').textContent()).toBe('This field is required.');

    await field('projectId').selectOption({ label: 'Border guard pilot' });
    // Date fields read day/month/year and ISO, and show the app's one format once left.
    await field('baselineDate').fill('15/1/2026');
    await field('targetDate').fill('2025-12-31');
    await save();
    await expect.poll(() => fieldError('targetDate').textContent()).toBe('The target date cannot be before the baseline date.');
    expect(await field('baselineDate').inputValue()).toBe('15 Jan 2026');
    expect(await field('targetDate').inputValue()).toBe('31 Dec 2025');
    expect(await field('targetDate').getAttribute('type')).toBe('text'); // never the browser's mm/dd/yyyy picker
    await shot('dates-en');
    // In Arabic the same dates show in Arabic words, and switching back restores the English form.
    const switchLanguage = () => page.locator('button.language').click();
    await switchLanguage();
    await expect.poll(() => field('baselineDate').inputValue()).toBe('15 يناير 2026');
    await shot('dates-ar');
    await switchLanguage();
    await expect.poll(() => field('baselineDate').inputValue()).toBe('15 Jan 2026');
    expect(await page.getByTestId('record-form').count()).toBe(1);
    expect(await field('targetDate').getAttribute('aria-invalid')).toBe('true');

    // Leaving the form with these edits asks first (Cancel stays, then leave).
    const projectsLink = page.locator('nav.sidebar').getByRole('link', { name: 'Projects', exact: true });
    await projectsLink.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain('Leave without saving?');
    await page.keyboard.press('Escape'); // stays on the form
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await field('title').inputValue()).toBe('Orphan indicator');
    await projectsLink.click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(heading).toBe('Projects');
    expect(await listCount('benchmarks')).toBe('0 records');
  });

  it('sets three benchmarks from the project page', async () => {
    for (const [index, title] of BENCHMARKS.entries()) {
      await sidebar('Projects');
      await page.getByRole('link', { name: 'Border guard pilot' }).click();
      await savedAs('Border guard pilot');
      await page.getByRole('link', { name: 'Add Benchmark' }).click();
      await expect.poll(() => field('projectId').inputValue()).not.toBe('');
      await field('title').fill(title);
      await field('unit').selectOption({ label: 'Number' });
      await field('baselineValue').fill(String(index * 10));
      await field('baselineDate').fill(isoDay(-60));
      await field('targetValue').fill(String(index * 10 + 50));
      await field('targetDate').fill(isoDay(300));
      await page.keyboard.press('Enter'); // Enter submits the form
      await savedAs(title);
      expect(await detailValue('projectId').textContent()).toBe('Border guard pilot');
    }
    expect(await listCount('benchmarks')).toBe('3 records');
  });

  it('sets two check-in points that assess the benchmarks', async () => {
    for (const [title, due] of [
      ['First joint review', firstCheckInDue],
      ['Second joint review', secondCheckInDue],
    ] as const) {
      await sidebar('Check-in points');
      await page.getByRole('link', { name: 'New Check-in point' }).click();
      await field('title').fill(title);
      await field('projectId').selectOption({ label: 'Border guard pilot' });
      await field('dueDate').fill(due);
      await pick('Benchmarks assessed', BENCHMARKS);
      await save();
      await savedAs(title);
      expect(await detailValue('benchmarkIds').textContent()).toContain(BENCHMARKS[2]);
    }
  });

  it('adds a budget deadline and a resourcing meeting that warns when no resource manager attends', async () => {
    await sidebar('Budget deadlines');
    await page.getByRole('link', { name: 'New Budget deadline' }).click();
    await field('name').fill('Mission Resource Request');
    await field('date').fill(budgetDeadline);
    await field('fiscalYear').fill('FY28');
    await field('partnerId').selectOption({ label: 'Tunisia' });
    await save();
    await expect.poll(() => fieldError('fiscalYear').textContent()).toBe('Enter a whole number.');
    await field('fiscalYear').fill('2028');
    await save();
    await savedAs('Mission Resource Request');

    await sidebar('Stakeholder organisations');
    await page.getByRole('link', { name: 'New Stakeholder organisation' }).click();
    await field('name').fill('U.S. Embassy Tunis');
    await field('kind').selectOption({ label: 'U.S. embassy office' });
    await save();
    await savedAs('U.S. Embassy Tunis');
    for (const [name, manager] of [
      ['Sarah Cole', false],
      ['David Park', true],
    ] as const) {
      await page.getByRole('link', { name: 'Add Person' }).click();
      await field('name').fill(name);
      await expect.poll(() => field('stakeholderId').inputValue()).not.toBe('');
      if (manager) await field('isResourceManager').check();
      await save();
      await savedAs(name);
      await page.getByRole('link', { name: 'U.S. Embassy Tunis' }).first().click();
      await savedAs('U.S. Embassy Tunis');
    }

    await sidebar('Meetings');
    await page.getByRole('link', { name: 'New Meeting' }).click();
    await field('title').fill('FY2028 resourcing review');
    await field('partnerId').selectOption({ label: 'Tunisia' });
    await field('date').fill(isoDay(5));
    await field('type').selectOption({ label: 'Resourcing' });
    await field('decidesResources').check();
    await page.getByRole('button', { name: 'Add an attendee' }).click();
    await page.getByLabel('Attendee 1', { exact: true }).selectOption({ label: 'Sarah Cole' });
    await page.getByLabel('Attendee 1 role').fill('Program officer');
    await expect.poll(() => page.getByTestId('resource-manager-warning').count()).toBe(1);
    await page.getByRole('button', { name: 'Add an attendee' }).click();
    await page.getByLabel('Attendee 2', { exact: true }).selectOption({ label: 'David Park (Resource manager)' });
    await expect.poll(() => page.getByTestId('resource-manager-warning').count()).toBe(0);
    await page.getByRole('button', { name: 'Remove' }).nth(1).click();
    await save();
    await savedAs('FY2028 resourcing review');
    expect(await page.getByTestId('record-warnings').textContent()).toBe('This meeting decides resources, but no resource manager attends.');
    await shot('meeting-warning');

    await page.getByRole('link', { name: 'Add Action item' }).click();
    await field('description').fill('Send the assessment summary to the resource managers');
    await field('ownerId').selectOption({ label: 'Sarah Cole' });
    await field('dueDate').fill(isoDay(20));
    await save();
    await savedAs('Send the assessment summary to the resource managers');
  });

  it('records a resource line in major units, stored exactly, refusing a bad amount and an approval above the request', async () => {
    await sidebar('Resource lines');
    await page.getByRole('link', { name: 'New Resource line' }).click();
    await field('title').fill('Patrol vehicles');
    await field('partnerId').selectOption({ label: 'Tunisia' });
    await field('authority').selectOption({ label: 'Section 333' });
    await field('fiscalYear').fill('2028');
    await field('requestedMinor').fill('1,250,000.50');
    await field('approvedMinor').fill('12.345');
    await field('currency').fill('USD');
    await field('constraint').fill('Congressional notification takes 15 days.');
    await save();
    await expect.poll(() => fieldError('approvedMinor').textContent()).toBe('Enter an amount with at most 2 decimals (e.g. 1250000.00).');
    await field('approvedMinor').fill('2000000');
    await save();
    await expect.poll(() => fieldError('approvedMinor').textContent()).toBe('The approved amount cannot exceed the requested amount.');
    await field('approvedMinor').fill('1000000.05');
    await save();
    await savedAs('Patrol vehicles');
    expect(await detailValue('requestedMinor').textContent()).toBe('USD\u00a01,250,000.50');
    expect(await detailValue('approvedMinor').textContent()).toBe('USD\u00a01,000,000.05');
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    expect(await field('requestedMinor').inputValue()).toBe('1250000.50');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await savedAs('Patrol vehicles');
  });

  it('shows the main side refusing a link to a record deleted while the form was open, at its field, saving nothing', async () => {
    await sidebar('ICS goals and objectives');
    await page.getByRole('link', { name: 'New ICS goal or objective' }).click();
    await field('code').fill('G9');
    await field('title').fill('Goal deleted elsewhere');
    await field('level').selectOption({ label: 'Mission goal' });
    await save();
    await savedAs('Goal deleted elsewhere');
    const goalId = page.url().split('/').pop()!;

    await sidebar('ICS goals and objectives');
    await page.getByRole('link', { name: 'New ICS goal or objective' }).click();
    await field('code').fill('G9.1');
    await field('title').fill('Objective under a vanished goal');
    await field('parentId').selectOption({ label: 'Goal deleted elsewhere' });
    // Another window (or an import) deletes the goal meanwhile.
    const deleted = await page.evaluate(async (id) => {
      const response = await fetch('/api/records.delete', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('accord.token')}` },
        body: JSON.stringify({ type: 'objectives', id }),
      });
      return (await response.json()).ok;
    }, goalId);
    expect(deleted).toBe(true);
    await save();
    await expect.poll(() => fieldError('parentId').textContent()).toBe('The linked record does not exist (it may have been deleted).');
    expect(await page.getByTestId('record-form').count()).toBe(1);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
    expect(await listCount('objectives')).toBe('0 records');
  });

  it('writes an MOU clause in English and Arabic that cites the benchmarks and check-in points', async () => {
    await goTo('#/records/mouDrafts/new');
    await field('title').fill('Border security MOU');
    await field('partnerId').selectOption({ label: 'Tunisia' });
    await field('sector').selectOption({ label: 'Border security' });
    await save();
    await savedAs('Border security MOU');
    await page.getByTestId('mou-clauses').getByRole('link', { name: 'Add a clause' }).click();
    await expect.poll(() => field('mouId').inputValue()).not.toBe('');
    await field('position').fill('1');
    await field('heading').fill('Joint assessment');
    await field('textEn').fill('The parties exchange seizure reports every quarter.');
    await field('textAr').fill(ARABIC_CLAUSE);
    await pick('Benchmarks cited', BENCHMARKS);
    await pick('Check-in points cited', ['First joint review', 'Second joint review']);
    await save();
    await savedAs('Joint assessment');

    await page.getByRole('link', { name: 'Border security MOU' }).first().click();
    await savedAs('Border security MOU');
    await page.getByRole('link', { name: 'Add a signatory' }).click();
    await field('name').fill('Brig. Gen. Karim Mansour');
    await field('organisation').fill('Ministry of Interior');
    await field('side').selectOption({ label: 'Partner' });
    await field('signingOrder').fill('1');
    await save();
    await savedAs('Brig. Gen. Karim Mansour');
    await page.getByRole('link', { name: 'Border security MOU' }).first().click();
    await savedAs('Border security MOU');
    await expect.poll(() => page.getByTestId('mou-signatories').textContent()).toContain('Brig. Gen. Karim Mansour — Ministry of Interior — Partner');
    const clauses = page.getByTestId('mou-clauses');
    await expect.poll(() => clauses.textContent()).toContain('Clause 1. Joint assessment');
    expect(await clauses.textContent()).toContain(ARABIC_CLAUSE);
    await shot('mou-clauses');

    // Links both ways: the benchmark shows the clause and the check-in points that cite it.
    await sidebar('Benchmarks');
    await page.getByRole('link', { name: BENCHMARKS[0] }).click();
    await savedAs(BENCHMARKS[0]!);
    const linksIn = page.getByTestId('links-in');
    await expect.poll(() => linksIn.textContent()).toContain('Joint assessment');
    expect(await linksIn.textContent()).toContain('First joint review');
    expect(await linksIn.textContent()).toContain('Second joint review');
    expect(await linksIn.textContent()).toContain('MOU clauses (1)');
  });

  it('saves a version of the MOU draft and compares it clause by clause with the edited draft', async () => {
    await goTo('#/records/mouDrafts');
    await page.getByRole('link', { name: 'Border security MOU' }).click();
    await savedAs('Border security MOU');
    await page.getByLabel('Label for a new version').fill('Sent to the ministry');
    await page.getByRole('button', { name: 'Save this version' }).click();
    await expect.poll(() => page.getByTestId('version-list').textContent()).toContain('Version 1 — Sent to the ministry');

    await page.getByTestId('mou-clauses').getByRole('link', { name: 'Clause 1. Joint assessment' }).click();
    await savedAs('Joint assessment');
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await field('textEn').fill('The parties exchange seizure reports every month.');
    await save();
    await savedAs('Joint assessment');
    await page.getByRole('link', { name: 'Border security MOU' }).first().click();
    await savedAs('Border security MOU');
    await page.getByRole('button', { name: 'Show changes' }).click();
    const comparison = page.getByTestId('version-comparison');
    await expect.poll(() => comparison.textContent()).toContain('Changed');
    expect(await comparison.locator('ins').allTextContents()).toContain('month');
    expect(await comparison.locator('del').allTextContents()).toContain('quarter');
    await shot('mou-versions');
  });

  it('shows the partner overview before the assessment: overdue, upcoming, not rated, late for the deadline', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner nations' }).click();
    await page.getByRole('link', { name: 'Partner overview: Tunisia' }).click();
    const overview = page.getByTestId('partner-overview');
    await expect.poll(() => overview.count()).toBe(1);
    expect(await page.getByTestId('rating-not_rated').textContent()).toContain('3');
    expect(await page.getByTestId('rating-on_track').textContent()).toContain('0');
    expect(await page.getByTestId('overdue-checkins').textContent()).toContain('First joint review');
    expect(await page.getByTestId('upcoming-checkins').textContent()).toContain('Second joint review');
    expect(await page.getByTestId('readiness').textContent()).toContain('Second joint review');
    expect(await page.getByTestId('open-actions').textContent()).toContain('Send the assessment summary');
    await shot('overview-before');
  });

  it('records the joint assessment at the first check-in point and sees the overview change', async () => {
    await page.getByTestId('overdue-checkins').getByRole('link', { name: 'Record assessment' }).click();
    await expect.poll(heading).toBe('Joint assessment: First joint review');
    for (const [index, title] of BENCHMARKS.entries()) await page.getByLabel(`Measured value: ${title}`).fill(String(index * 10 + 20));
    await field('rating').selectOption({ label: 'On track' });
    expect(await field('status').inputValue()).toBe('assessed');
    await field('evidenceNotes').fill('Training rosters and patrol logs reviewed together.');
    await field('partnerAcknowledgedBy').fill('Col. Ben Salah');
    await field('partnerAcknowledgedOn').fill(isoDay(-2));
    await shot('assessment');
    await save();
    await savedAs('First joint review');
    expect(await detailValue('rating').textContent()).toBe('On track');
    // Each value measured is a row of its own, listed under its benchmark.
    await goTo('#/records/measurements');
    await expect.poll(() => page.locator('tbody tr', { hasText: BENCHMARKS[1] }).filter({ hasText: '30' }).count()).toBe(1);

    await goTo('#/records/partners');
    await page.getByRole('link', { name: 'Tunisia', exact: true }).click();
    await page.getByRole('link', { name: 'Partner overview' }).click();
    await expect.poll(() => page.getByTestId('rating-on_track').textContent()).toContain('3');
    expect(await page.getByTestId('rating-not_rated').textContent()).toContain('0');
    expect(await page.getByTestId('overdue-checkins').textContent()).not.toContain('First joint review');
    await shot('overview-after');
  });

  it('finds the Arabic clause text with the global search, opened from the keyboard', async () => {
    await page.locator('body').click();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('global-search');
    await page.keyboard.type('المضبوطات');
    await page.keyboard.press('Enter');
    const results = page.getByTestId('search-results');
    await expect.poll(() => results.textContent()).toContain('MOU clauses');
    await results.getByRole('link', { name: 'Joint assessment' }).click();
    await savedAs('Joint assessment');
    expect(await detailValue('textAr').textContent()).toBe(ARABIC_CLAUSE);
  });

  it('shows an edit in the audit trail, with the value before and after', async () => {
    await sidebar('Benchmarks');
    await page.getByRole('link', { name: BENCHMARKS[1] }).click();
    await savedAs(BENCHMARKS[1]!);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await field('targetValue').fill('75');
    await save();
    await savedAs(BENCHMARKS[1]!);
    const audit = page.getByTestId('audit-trail');
    await expect.poll(() => audit.textContent()).toContain('Edited');
    const change = audit.locator('tr').filter({ hasText: 'Target value' }).filter({ hasText: '75' });
    expect(await change.count()).toBe(1);
    expect(await change.textContent()).toContain('60');
  });

  it('sorts, filters and searches a list', async () => {
    expect(await page.locator('.notice--info').textContent()).toContain('Saved.'); // from the edit just before
    await sidebar('Benchmarks');
    await expect.poll(() => page.locator('.notice--info').count()).toBe(0); // it belonged to the page the save landed on
    const rows = page.locator('[data-testid=benchmarks-list] tbody tr.vrow td:first-child');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByRole('button', { name: 'Indicator' }).click();
    await expect.poll(() => rows.allTextContents()).toEqual([...BENCHMARKS].sort());
    await page.getByRole('button', { name: 'Indicator' }).click();
    await expect.poll(() => rows.allTextContents()).toEqual([...BENCHMARKS].sort().reverse());
    await page.getByTestId('list-search').fill('seizure');
    await expect.poll(() => rows.allTextContents()).toEqual([BENCHMARKS[2]]);
    await page.getByTestId('list-search').fill('');
    await sidebar('Projects');
    await page.locator('#filter-isPilot').selectOption({ label: 'No' });
    await expect.poll(() => page.locator('.empty').textContent()).toBe('Nothing matches.');
    await page.locator('#filter-isPilot').selectOption({ label: 'Yes' });
    await expect.poll(() => page.locator('[data-testid=projects-list]').textContent()).toContain('Border guard pilot');
  });

  it('deletes a record only after confirmation, and refuses to delete one still in use', async () => {
    await sidebar('Action items');
    await page.getByRole('link', { name: 'Send the assessment summary to the resource managers' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(heading).toBe('Action items');
    expect(await listCount('actionItems')).toBe('0 records');

    await sidebar('Projects');
    await page.getByRole('link', { name: 'Border guard pilot' }).click();
    await savedAs('Border guard pilot');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.locator('.notice--error').count()).toBe(1);
    expect(await heading()).toBe('Border guard pilot');
  });

  it('asks before the window closes on unsaved edits, and not once they are left', async () => {
    // Headless Chromium shows no beforeunload prompt to automation, so the test asks the page's
    // handler directly: a cancelled beforeunload event is what makes a browser ask.
    const windowWouldAsk = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    await sidebar('ICS goals and objectives');
    await page.getByRole('link', { name: 'New ICS goal or objective' }).click();
    expect(await windowWouldAsk()).toBe(false);
    await field('code').fill('G1');
    await expect.poll(windowWouldAsk).toBe(true);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
    await expect.poll(heading).toBe('ICS goals and objectives');
    expect(await windowWouldAsk()).toBe(false);
  });

  it('works in Arabic, right to left: lists, overview, the clause and field messages', async () => {
    await page.getByRole('button', { name: 'Switch to Arabic' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await sidebar('المعايير');
    await expect.poll(heading).toBe('المعايير');
    expect(await page.locator('[data-testid=benchmarks-list] thead').textContent()).toContain('المؤشر');
    await shot('list-ar');

    await page.getByRole('link', { name: 'إضافة معيار' }).click();
    await page.getByRole('button', { name: 'حفظ' }).click();
    await expect.poll(() => fieldError('title').textContent()).toBe('هذا الحقل مطلوب.');
    expect(await fieldError('projectId').textContent()).toBe('هذا الحقل مطلوب.');
    await shot('form-ar');
    await page.getByRole('link', { name: 'إلغاء' }).click();

    await goTo('#/records/partners');
    await page.getByRole('link', { name: 'Tunisia', exact: true }).click();
    await page.getByRole('link', { name: 'نظرة عامة على الشريك' }).click();
    await expect.poll(() => page.getByTestId('rating-on_track').textContent()).toContain('على المسار');
    await shot('overview-ar');

    await page.getByTestId('global-search').fill('المضبوطات');
    await page.getByTestId('global-search').press('Enter');
    await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('بنود مذكرات التفاهم');
    await page.getByTestId('search-results').getByRole('link', { name: 'Joint assessment' }).click();
    await expect.poll(() => page.locator('[data-field=textAr] dd').textContent()).toBe(ARABIC_CLAUSE);
    await shot('clause-ar');
    await page.getByRole('button', { name: 'التبديل إلى الإنجليزية' }).click();
  });
});
