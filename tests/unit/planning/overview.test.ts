import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import type { RecordRow } from '../../../shared/api/records';
import { callOk, useFreshApp } from '../../helpers';
import { create } from './fixtures';

let app: AccordApp;
useFreshApp((opened) => (app = opened));

interface Overview {
  partner: RecordRow;
  upcomingCheckIns: RecordRow[];
  overdueCheckIns: RecordRow[];
  benchmarkStatus: Record<string, number>;
  openActionItems: RecordRow[];
  readiness: { deadline: RecordRow; lateCheckIns: RecordRow[] }[];
  meetingsWithoutResourceManager: RecordRow[];
}
const titles = (rows: RecordRow[]) => rows.map((row) => row.title);

describe('partner overview', () => {
  it('counts and lists what a partner needs, on a small hand-built dataset', async () => {
    const jordan = await create(app, 'partners', { name: 'Jordan' });
    const egypt = await create(app, 'partners', { name: 'Egypt' });
    const project = await create(app, 'projects', { title: 'Border pilot', partnerId: jordan.id, sector: 'border_security' });
    const other = await create(app, 'projects', { title: 'Egypt project', partnerId: egypt.id, sector: 'police' });
    const [b1, b2, b3] = await Promise.all(['Patrols', 'Seizures', 'Training'].map((title) => create(app, 'benchmarks', { title, projectId: project.id })));
    const otherBenchmark = await create(app, 'benchmarks', { title: 'Egypt benchmark', projectId: other.id });
    const checkIn = (title: string, projectId: string, dueDate: string, extra: Record<string, unknown> = {}) => create(app, 'checkIns', { title, projectId, dueDate, ...extra });
    await checkIn('Overdue review', project.id, '2026-05-01', { benchmarkIds: [b1!.id] });
    await checkIn('June review', project.id, '2026-06-20');
    await checkIn('September review', project.id, '2026-09-15'); // after the MRR, inside its fiscal year: late
    await checkIn('Next year review', project.id, '2026-11-15'); // fiscal year 2027: not for this deadline
    await checkIn('April assessment', project.id, '2026-04-01', { benchmarkIds: [b1!.id, b2!.id], status: 'assessed', rating: 'at_risk', assessedOn: '2026-04-02' });
    await checkIn('May assessment', project.id, '2026-05-15', { benchmarkIds: [b1!.id], status: 'assessed', rating: 'on_track', assessedOn: '2026-05-16' });
    await checkIn('Egypt overdue', other.id, '2026-05-01', { benchmarkIds: [otherBenchmark.id] });

    await create(app, 'budgetDeadlines', { name: 'Mission Resource Request', date: '2026-07-01', fiscalYear: 2026 });
    await create(app, 'budgetDeadlines', { name: 'Last year call', date: '2026-01-01', fiscalYear: 2026 });
    await create(app, 'budgetDeadlines', { name: 'Egypt deadline', date: '2026-07-01', fiscalYear: 2026, partnerId: egypt.id });

    const ministry = await create(app, 'stakeholders', { name: 'Ministry of Interior', kind: 'partner_ministry' });
    const officer = await create(app, 'people', { name: 'Officer', stakeholderId: ministry.id });
    const manager = await create(app, 'people', { name: 'Budget officer', stakeholderId: ministry.id, isResourceManager: true });
    const meeting = (title: string, decidesResources: boolean, attendees: string[]) =>
      create(app, 'meetings', { title, partnerId: jordan.id, date: '2026-05-20', decidesResources, attendees: attendees.map((personId) => ({ personId, role: '' })) });
    const noManager = await meeting('Budget meeting without manager', true, [officer.id]);
    const withManager = await meeting('Budget meeting with manager', true, [officer.id, manager.id]);
    await meeting('Planning only', false, [officer.id]);
    await create(app, 'actionItems', { description: 'Open item', meetingId: noManager.id, dueDate: '2026-06-10' });
    await create(app, 'actionItems', { description: 'Done item', meetingId: withManager.id, status: 'done' });

    const overview = await callOk<Overview>(app, 'overview.partner', { partnerId: jordan.id, today: '2026-06-01' });
    expect(overview.partner.title).toBe('Jordan');
    expect(titles(overview.overdueCheckIns)).toEqual(['Overdue review']);
    expect(titles(overview.upcomingCheckIns)).toEqual(['June review']);
    expect(overview.benchmarkStatus).toEqual({ on_track: 1, at_risk: 1, off_track: 0, not_rated: 1 });
    expect(titles(overview.openActionItems)).toEqual(['Open item']);
    expect(overview.readiness.map((line) => [line.deadline.title, titles(line.lateCheckIns)])).toEqual([['Mission Resource Request', ['September review']]]);
    expect(titles(overview.meetingsWithoutResourceManager)).toEqual(['Budget meeting without manager']);
    expect(b3).toBeDefined();
  });

  it('defaults today to the current date and refuses an unknown partner', async () => {
    const jordan = await create(app, 'partners', { name: 'Jordan' });
    expect((await callOk<Overview>(app, 'overview.partner', { partnerId: jordan.id })).benchmarkStatus).toEqual({ on_track: 0, at_risk: 0, off_track: 0, not_rated: 0 });
    const missing = await app.call('overview.partner', { partnerId: '01890000-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
