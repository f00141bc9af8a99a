import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../main/app';
import type { MethodOutput } from '../../shared/contract';
import type { RecordRow } from '../../shared/api/records';
import { callOk, openTestApp, tempDirectory } from '../helpers';
import { parseIcs, textOf, type IcsEvent } from '../ics';
import { create } from '../unit/planning/fixtures';
import { calendarItems, dueSoon } from '../../db/repositories/reminders';
import { insertRecord } from '../../db/repositories/records';
import { recordType } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { addDays } from '../../shared/results/today';
import { CALENDAR_HORIZON_DAYS, CALENDAR_MAX_EVENTS } from '../../shared/api/reminders';

/**
 * Reminders on a small hand-built post, "today" 2 Dec 2026: which check-in points, action items and budget
 * deadlines are due or overdue within 14 days, and the .ics file of everything outstanding, read back with a strict
 * reader (tests/ics.ts) in English and Arabic: events, UIDs, all-day dates, escaping and folding.
 */
const dir = tempDirectory();
const databasePath = join(dir.path, 'accord.sqlite');
const EXPORTED_AT = Date.parse('2026-12-02T09:15:00Z');
let app: AccordApp;
const ids: Record<string, string> = {};
let jordan: RecordRow;
let egypt: RecordRow;
const ARABIC_TITLE = 'مراجعة مشتركة لبرنامج تدريب الشرطة المجتمعية في المحافظات الشمالية، المرحلة الثانية';

beforeAll(async () => {
  app = openTestApp(databasePath, () => EXPORTED_AT);
  jordan = await create(app, 'partners', { name: 'Jordan', nameAr: 'الأردن' });
  egypt = await create(app, 'partners', { name: 'Egypt' });
  const project = await create(app, 'projects', { title: 'Border police, phase 2; pilot \\ north', partnerId: jordan.id, sector: 'border_security' });
  const egyptProject = await create(app, 'projects', { title: 'Courts', partnerId: egypt.id, sector: 'judiciary' });
  const checkIn = async (key: string, projectId: string, dueDate: string, extra: Record<string, unknown> = {}) => (ids[key] = (await create(app, 'checkIns', { title: key, projectId, dueDate, ...extra })).id);
  await checkIn('Overdue review', project.id, '2026-11-28');
  await checkIn(ARABIC_TITLE, project.id, '2026-12-10');
  await checkIn('Year-end review', project.id, '2026-12-31', { titleAr: 'مراجعة نهاية العام' });
  // Beyond the calendar's horizon (365 days from 2 Dec 2026 is 2 Dec 2027): outstanding, but not in the file.
  await checkIn('Far review', project.id, '2028-01-15');
  await checkIn('Assessed review', project.id, '2026-12-05', { status: 'assessed', rating: 'on_track', assessedOn: '2026-12-01' });
  await checkIn('Egypt review', egyptProject.id, '2026-12-16');
  const meeting = await create(app, 'meetings', { title: 'Planning, round 3', titleAr: 'التخطيط، الجولة 3', partnerId: jordan.id, date: '2026-11-20' });
  const item = async (key: string, extra: Record<string, unknown>) => (ids[key] = (await create(app, 'actionItems', { description: key, meetingId: meeting.id, ...extra })).id);
  await item('Send the data extract', { dueDate: '2026-12-12', descriptionAr: 'إرسال مستخرج البيانات' });
  await item('Long overdue item', { dueDate: '2026-10-01' });
  await item('Done item', { dueDate: '2026-12-03', status: 'done' });
  await item('Undated item', {});
  const deadline = async (key: string, date: string, extra: Record<string, unknown> = {}) => (ids[key] = (await create(app, 'budgetDeadlines', { name: key, date, fiscalYear: 2027, ...extra })).id);
  await deadline('Mission Resource Request FY2027', '2026-12-14', { nameAr: 'طلب موارد البعثة 2027' });
  await deadline('Past call', '2026-11-01');
  await deadline('Egypt deadline', '2026-12-20', { partnerId: egypt.id });
});
afterAll(() => {
  app.close();
  dir.remove();
});

const calendar = (input: Record<string, unknown>) => callOk<MethodOutput<'reminders.calendar'>>(app, 'reminders.calendar', input);
const byUid = (events: IcsEvent[]) => new Map(events.map((event) => [event.UID!.raw, event]));

describe('what is due in the next 14 days', () => {
  it('lists check-in points and open action items due by then (overdue ones first) and the deadlines in the window, with their partners', async () => {
    const due = await callOk<MethodOutput<'reminders.due'>>(app, 'reminders.due', { today: '2026-12-02' });
    expect(due.until).toBe('2026-12-16');
    expect(due.items.map((row) => [row.title, row.date, row.overdue, row.partner?.name ?? null])).toEqual([
      ['Long overdue item', '2026-10-01', true, 'Jordan'],
      ['Overdue review', '2026-11-28', true, 'Jordan'],
      [ARABIC_TITLE, '2026-12-10', false, 'Jordan'],
      ['Send the data extract', '2026-12-12', false, 'Jordan'],
      ['Mission Resource Request FY2027', '2026-12-14', false, null],
      ['Egypt review', '2026-12-16', false, 'Egypt'],
    ]);
    expect(due.items.find((row) => row.type === 'checkIns')!.context).toBe('Border police, phase 2; pilot \\ north');
    expect(due.items.find((row) => row.type === 'actionItems')!.context).toBe('Planning, round 3');
    // A record's Arabic title travels beside its English one ('' where it has none), for the Arabic view to show.
    expect(due.items.find((row) => row.type === 'budgetDeadlines')).toMatchObject({ title: 'Mission Resource Request FY2027', titleAr: 'طلب موارد البعثة 2027' });
    expect(due.items.find((row) => row.title === 'Overdue review')).toMatchObject({ titleAr: '', contextAr: '' });
    expect(due.items.find((row) => row.title === 'Send the data extract')).toMatchObject({ titleAr: 'إرسال مستخرج البيانات', context: 'Planning, round 3', contextAr: 'التخطيط، الجولة 3' });
    expect(due.items.find((row) => row.title === 'Long overdue item')).toMatchObject({ titleAr: '', contextAr: 'التخطيط، الجولة 3' });
    expect(due.counts).toEqual({ total: 6, overdue: 2, byType: { checkIns: 3, actionItems: 2, budgetDeadlines: 1 } });
  });

  it('lists only the most urgent up to the limit (overdue first, then by date) and counts all of them', async () => {
    const due = await callOk<MethodOutput<'reminders.due'>>(app, 'reminders.due', { today: '2026-12-02', limit: 3 });
    expect(due.items.map((row) => row.title)).toEqual(['Long overdue item', 'Overdue review', ARABIC_TITLE]);
    // Counted over the whole window, not over what was listed.
    expect(due.counts).toEqual({ total: 6, overdue: 2, byType: { checkIns: 3, actionItems: 2, budgetDeadlines: 1 } });
    // The first screen's default limit is 50; the contract refuses more than 500 at a time.
    expect((await callOk<MethodOutput<'reminders.due'>>(app, 'reminders.due', { today: '2026-12-02' })).items).toHaveLength(6);
    expect((await app.call('reminders.due', { today: '2026-12-02', limit: 501 })).ok).toBe(false);
  });

  it('refuses a date that is not one, with a typed error', async () => {
    const result = await app.call('reminders.due', { today: '2026-02-31' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
    const unknown = await app.call('reminders.calendar', { partnerId: '01890000-0000-7000-8000-000000000000' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('the .ics calendar', () => {
  it('has one event per outstanding item of the post, with stable UIDs, all-day dates and escaped English text', async () => {
    const file = await calendar({ lang: 'en', today: '2026-12-02' });
    expect(file.mediaType).toBe('text/calendar');
    expect(file.fileName).toBe('accord-calendar-post-en.ics');
    const ics = parseIcs(file.bytes);
    expect(ics.calendar.VERSION?.raw).toBe('2.0');
    expect(ics.calendar.PRODID?.raw).toMatch(/^-\/\/Accord\/\/Reminders .+\/\/EN$/);
    // Outstanding: 5 planned check-in points, 2 open dated action items, 2 deadlines from today on; the one due in
    // January 2028 is beyond the 365 days the file reaches, and the file says so.
    expect(file.events).toBe(8);
    expect(ics.events).toHaveLength(8);
    expect(file).toMatchObject({ until: '2027-12-02', outstanding: 9, beyondHorizon: 1, overLimit: 0 });
    const events = byUid(ics.events);
    expect(events.has(`${ids['Far review']}@accord.invalid`)).toBe(false);
    for (const key of ['Overdue review', ARABIC_TITLE, 'Year-end review', 'Egypt review', 'Send the data extract', 'Long overdue item', 'Mission Resource Request FY2027', 'Egypt deadline']) {
      expect(events.has(`${ids[key]}@accord.invalid`), key).toBe(true);
    }
    for (const event of ics.events) expect(event.DTSTAMP?.raw).toBe('20261202T091500Z');

    const yearEnd = events.get(`${ids['Year-end review']}@accord.invalid`)!;
    expect(yearEnd.DTSTART).toMatchObject({ params: { VALUE: 'DATE' }, raw: '20261231' });
    expect(yearEnd.DTEND).toMatchObject({ params: { VALUE: 'DATE' }, raw: '20270101' });
    expect(textOf(yearEnd, 'SUMMARY')).toBe('Check-in point: Year-end review (Jordan)');
    expect(textOf(yearEnd, 'DESCRIPTION')).toBe('Partner: Jordan\nProject: Border police, phase 2; pilot \\ north\nDue 31 Dec 2026: record the joint assessment in Accord.');
    // On the wire: each special character escaped once.
    expect(yearEnd.DESCRIPTION!.raw).toContain('Border police\\, phase 2\\; pilot \\\\ north\\nDue');
    expect(textOf(yearEnd, 'CATEGORIES')).toBe('Check-in point');

    const postWide = events.get(`${ids['Mission Resource Request FY2027']}@accord.invalid`)!;
    expect(textOf(postWide, 'SUMMARY')).toBe('Budget deadline: Mission Resource Request FY2027 (All partners (post-wide))');
    expect(textOf(postWide, 'DESCRIPTION')).toContain('Fiscal year 2027: assessment results must reach resource managers by 14 Dec 2026.');
    const action = events.get(`${ids['Send the data extract']}@accord.invalid`)!;
    expect(textOf(action, 'DESCRIPTION')).toBe('Partner: Jordan\nMeeting: Planning, round 3\nDue 12 Dec 2026.');

    // The same records give the same UIDs on the next export.
    const again = parseIcs((await calendar({ lang: 'en', today: '2026-12-02' })).bytes);
    expect(again.events.map((event) => event.UID!.raw)).toEqual(ics.events.map((event) => event.UID!.raw));
  });

  it('for one partner: its items and the post-wide deadlines, not another partner’s; in Arabic, folded between whole characters', async () => {
    const file = await calendar({ partnerId: jordan.id, lang: 'ar', today: '2026-12-02' });
    expect(file.fileName).toBe('accord-calendar-jordan-ar.ics');
    const ics = parseIcs(file.bytes);
    expect(unescapeName(ics.calendar['X-WR-CALNAME']!.raw)).toBe('تذكيرات أكورد: الأردن');
    const events = byUid(ics.events);
    expect(ics.events).toHaveLength(6);
    expect(file).toMatchObject({ outstanding: 7, beyondHorizon: 1, overLimit: 0 });
    expect(events.has(`${ids['Egypt review']}@accord.invalid`)).toBe(false);
    expect(events.has(`${ids['Egypt deadline']}@accord.invalid`)).toBe(false);
    expect(events.has(`${ids['Mission Resource Request FY2027']}@accord.invalid`)).toBe(true);

    const long = events.get(`${ids[ARABIC_TITLE]}@accord.invalid`)!;
    expect(long.SUMMARY?.params).toEqual({ LANGUAGE: 'ar' });
    expect(textOf(long, 'SUMMARY')).toBe(`نقطة مراجعة: ${ARABIC_TITLE} (الأردن)`);
    expect(textOf(long, 'DESCRIPTION')).toBe('الشريك: الأردن\nالمشروع: Border police, phase 2; pilot \\ north\nالاستحقاق 10 ديسمبر 2026: سجّل التقييم المشترك في أكورد.');
    expect(long.DTSTART?.raw).toBe('20261210');
    expect(long.DTEND?.raw).toBe('20261211');
    // The Arabic summary is far longer than 75 octets: it was folded, and parseIcs decoded every physical line
    // strictly, so no line begins or ends inside a character.
    expect(Buffer.byteLength(`SUMMARY;LANGUAGE=ar:${textOf(long, 'SUMMARY')}`)).toBeGreaterThan(150);
    expect(ics.folded).toBeGreaterThan(2);
    expect(Math.max(...ics.physicalLines.map((line) => line.length))).toBeLessThanOrEqual(75);
    // A record with an Arabic title is named by it in the Arabic file; one without keeps its English title.
    expect(textOf(events.get(`${ids['Mission Resource Request FY2027']}@accord.invalid`)!, 'SUMMARY')).toBe('موعد الميزانية: طلب موارد البعثة 2027 (جميع الشركاء (على مستوى البعثة))');
    expect(textOf(events.get(`${ids['Year-end review']}@accord.invalid`)!, 'SUMMARY')).toBe('نقطة مراجعة: مراجعة نهاية العام (الأردن)');
    expect(textOf(events.get(`${ids['Overdue review']}@accord.invalid`)!, 'SUMMARY')).toBe('نقطة مراجعة: Overdue review (الأردن)');
    // An action item by its Arabic description, and its meeting by the meeting's Arabic title.
    const action = events.get(`${ids['Send the data extract']}@accord.invalid`)!;
    expect(textOf(action, 'SUMMARY')).toContain('إرسال مستخرج البيانات');
    expect(textOf(action, 'DESCRIPTION')).toContain('التخطيط، الجولة 3');
    expect(textOf(action, 'DESCRIPTION')).not.toContain('Planning, round 3');
  });

  it('`accord calendar` writes the same file from the command line, in the reader’s language', () => {
    app.close();
    const out = join(dir.path, 'jordan.ics');
    const run = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'accord.cjs'), 'calendar', '--db', databasePath, '--partner', jordan.id, '--today', '2026-12-02', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, ACCORD_DB: '', ACCORD_LANG: 'ar' },
    });
    expect(run.stderr).not.toMatch(/calendar:/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('jordan.ics');
    // The file left the far check-in point out: the command says so, and how to get it, on stderr.
    expect(run.stderr).toContain('لم يُدرج: 1 من أصل 7');
    expect(run.stderr).toContain('اكتب التقويم مرة أخرى لاحقًا');
    expect(run.stderr).not.toContain('--partner ID');
    const ics = parseIcs(readFileSync(out));
    expect(ics.events.every((event) => event.SUMMARY?.params.LANGUAGE === 'ar')).toBe(true);
    expect(ics.events.length).toBeGreaterThan(0);
    const post = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'accord.cjs'), 'calendar', '--db', databasePath, '--today', '2026-12-02', '--out', join(dir.path, 'post.ics')], {
      encoding: 'utf8',
      env: { ...process.env, ACCORD_DB: '', ACCORD_LANG: 'en' },
    });
    expect(post.status).toBe(0);
    expect(post.stdout).toContain('8 events (overdue, and due by 2 Dec 2027)');
    expect(post.stderr).toContain('Left out: 1 of 9 outstanding items (1 due after 2 Dec 2027, beyond 365 days; 0 over the limit of 1,000 events');
    // Only beyond the horizon: the advice is to write it again later (one partner's file would not hold it either).
    expect(post.stderr).toContain('Write the calendar again later');
    expect(post.stderr).not.toContain('--partner ID');
    // The help states the bound, as the constants set it.
    const help = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'accord.cjs'), 'calendar', '--help'], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: '', ACCORD_LANG: 'en' } });
    expect(help.stdout).toContain(`the next ${CALENDAR_HORIZON_DAYS} days, at most ${CALENDAR_MAX_EVENTS.toLocaleString('en')} events`);
    const usage = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'accord.cjs'), 'calendar', '--db', databasePath], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: '', ACCORD_LANG: 'en' } });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--out FILE is required.');
    // A day that does not exist is refused with the reason, and no file is written.
    const badDay = join(dir.path, 'bad-day.ics');
    const refused = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'accord.cjs'), 'calendar', '--db', databasePath, '--today', '2026-02-31', '--out', badDay], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: '', ACCORD_LANG: 'en' } });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--today must be a date written YYYY-MM-DD');
    expect(existsSync(badDay)).toBe(false);
    app = openTestApp(databasePath, () => EXPORTED_AT);
  });
});

describe('the calendar’s bound', () => {
  it('keeps the most urgent up to the limit and counts what it left out, beyond the horizon and over the limit', () => {
    const store = app.context.store;
    // 30 days ahead, at most 3: the 2 overdue items and the first one due; the others counted, not fetched.
    const cut = calendarItems(store, '2026-12-02', 30, 3);
    expect(cut.items.map((item) => item.title)).toEqual(['Long overdue item', 'Overdue review', ARABIC_TITLE]);
    expect(cut).toMatchObject({ until: '2027-01-01', outstanding: 9, beyondHorizon: 1, overLimit: 5 });
    // Nothing left out when the bound is wide enough.
    expect(calendarItems(store, '2026-12-02', 3650, 1000)).toMatchObject({ outstanding: 9, beyondHorizon: 0, overLimit: 0 });
    expect(dueSoon(store, '2026-12-02', 14, 1).items.map((item) => item.title)).toEqual(['Long overdue item']);
  });
});

describe('a reminder whose project or meeting is gone', () => {
  it('is still listed, without its context, and the counts agree with the list', async () => {
    // A project deleted at one post while a check-in point was planned under it at another: the check-in point
    // arrives with its link unresolved, and it still has to be assessed.
    const lone = tempDirectory();
    const post = openTestApp(join(lone.path, 'accord.sqlite'), () => EXPORTED_AT);
    try {
      const partner = await create(post, 'partners', { name: 'Jordan' });
      const project = await create(post, 'projects', { title: 'Gone project', partnerId: partner.id, sector: 'police' });
      const meeting = await create(post, 'meetings', { title: 'Gone meeting', partnerId: partner.id, date: '2026-11-20' });
      await create(post, 'checkIns', { title: 'Orphaned review', projectId: project.id, dueDate: '2026-12-04' });
      await create(post, 'actionItems', { description: 'Orphaned item', meetingId: meeting.id, dueDate: '2026-11-30' });
      const store = post.context.store;
      store.db.prepare('DELETE FROM projects WHERE id = ?').run(project.id);
      store.db.prepare('DELETE FROM meetings WHERE id = ?').run(meeting.id);
      const due = dueSoon(store, '2026-12-02', 14, 50);
      expect(due.items.map((item) => [item.title, item.context, item.overdue])).toEqual([
        ['Orphaned item', '', true],
        ['Orphaned review', '', false],
      ]);
      expect(due.counts).toEqual({ total: 2, overdue: 1, byType: { checkIns: 1, actionItems: 1, budgetDeadlines: 0 } });
      expect(calendarItems(store, '2026-12-02', 365, 1000)).toMatchObject({ outstanding: 2, beyondHorizon: 0, overLimit: 0 });
    } finally {
      post.close();
      lone.remove();
    }
  });
});

describe('a post with more than the calendar holds', () => {
  it('writes the 1,000 most urgent and says on stderr how many went over the limit, and to write one partner at a time', async () => {
    const big = tempDirectory();
    const path = join(big.path, 'accord.sqlite');
    const busy = openTestApp(path, () => EXPORTED_AT);
    try {
      const partner = await create(busy, 'partners', { name: 'Jordan' });
      const meeting = await create(busy, 'meetings', { title: 'Planning', partnerId: partner.id, date: '2026-11-20' });
      const store = busy.context.store;
      const schema = inputSchema(recordType('actionItems'));
      // 1,005 open action items due over the next 100 days (straight through the repository: 1,005 API calls take long).
      store.transaction(() => {
        for (let i = 0; i < 1005; i++) insertRecord(store, 'actionItems', schema.parse({ description: `Item ${i}`, meetingId: meeting.id, dueDate: addDays('2026-12-02', i % 100) }) as Record<string, unknown>);
      });
    } finally {
      busy.close();
    }
    const out = join(big.path, 'post.ics');
    const run = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'accord.cjs'), 'calendar', '--db', path, '--today', '2026-12-02', '--out', out], { encoding: 'utf8', env: { ...process.env, ACCORD_DB: '', ACCORD_LANG: 'en' } });
    try {
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('1,000 events');
      expect(run.stderr).toContain('Left out: 5 of 1,005 outstanding items (0 due after 2 Dec 2027, beyond 365 days; 5 over the limit of 1,000 events');
      expect(run.stderr).toContain('write one partner’s calendar at a time: accord calendar --partner ID');
      const ics = parseIcs(readFileSync(out));
      expect(ics.events).toHaveLength(1000);
      // The latest went: every event falls on or before the last day any kept item has, and the first day is whole.
      const days = ics.events.map((event) => event.DTSTART!.raw).sort();
      expect(days[0]).toBe('20261202');
      expect(days.filter((day) => day === '20261202')).toHaveLength(11);
      expect(days.at(-1)).toBe('20270311');
    } finally {
      big.remove();
    }
  });
});

describe('without a today, reminders and the overview count from the officer’s local date', () => {
  it('at 00:30 on 2 Dec in Amman (still 1 Dec in UTC) a check-in point due on 1 Dec is overdue', async () => {
    const zone = process.env.TZ;
    const local = tempDirectory();
    process.env.TZ = 'Asia/Amman';
    const amman = openTestApp(join(local.path, 'accord.sqlite'), () => Date.parse('2026-12-01T21:30:00Z'));
    try {
      const partner = await create(amman, 'partners', { name: 'Jordan' });
      const project = await create(amman, 'projects', { title: 'Pilot', partnerId: partner.id, sector: 'police' });
      await create(amman, 'checkIns', { title: 'Due on the 1st', projectId: project.id, dueDate: '2026-12-01' });
      const due = await callOk<MethodOutput<'reminders.due'>>(amman, 'reminders.due', {});
      expect(due.today).toBe('2026-12-02');
      expect(due.items.map((row) => [row.title, row.overdue])).toEqual([['Due on the 1st', true]]);
      const overview = await callOk<MethodOutput<'overview.partner'>>(amman, 'overview.partner', { partnerId: partner.id });
      expect(overview.overdueCheckIns.map((row) => row.title)).toEqual(['Due on the 1st']);
      expect((await callOk<MethodOutput<'dashboard.partner'>>(amman, 'dashboard.partner', { partnerId: partner.id })).today).toBe('2026-12-02');
    } finally {
      amman.close();
      local.remove();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

const unescapeName = (raw: string) => raw.replace(/\\([\\;,])/g, '$1');
