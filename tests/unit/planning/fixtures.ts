import type { AccordApp } from '../../../main/app';
import type { RecordRow } from '../../../shared/api/records';
import { recordType } from '../../../shared/records/registry';
import { callOk } from '../../helpers';

export const create = (app: AccordApp, type: string, values: Record<string, unknown>) => callOk<RecordRow>(app, 'records.create', { type, values });
export const update = (app: AccordApp, type: string, id: string, values: Record<string, unknown>) => callOk<RecordRow>(app, 'records.update', { type, id, values });

/** Values of the record as the update API takes them: its type's fields, no metadata. */
export function editable(type: string, record: RecordRow): Record<string, unknown> {
  return Object.fromEntries(recordType(type).fields.map((field) => [field.name, record[field.name]]));
}

/**
 * One record of every type of the planning model, linked the way an officer
 * would link them: a partner, its sector priority, a ministry and two people
 * (one a resource manager), an ICS goal and objective, a pilot project with a
 * benchmark and a check-in point, an MOU draft with a clause and a signatory,
 * a meeting with an action item, a resource line and a budget deadline, and a
 * brief delivered for that deadline to the resource manager.
 */
export async function buildModel(app: AccordApp) {
  const partner = await create(app, 'partners', { name: 'Tunisia', isoCode: 'tn', notes: '' });
  const sectorPriority = await create(app, 'sectorPriorities', {
    partnerId: partner.id,
    sector: 'police',
    programArea: 'Community policing',
    priority: 'high',
    agreementStatus: 'agreed',
    agreedOn: '2026-02-01',
    agreedBy: 'Director General of National Security',
  });
  const ministry = await create(app, 'stakeholders', { name: 'Ministry of Interior', kind: 'partner_ministry', partnerId: partner.id });
  const officer = await create(app, 'people', { name: 'Sami Ben Ali', stakeholderId: ministry.id, role: 'Director of training', email: 'sami@example.org' });
  const manager = await create(app, 'people', { name: 'Dana Whitfield', stakeholderId: ministry.id, role: 'Program budget officer', isResourceManager: true });
  const goal = await create(app, 'objectives', { code: 'MG1', title: 'A secure and stable Tunisia', level: 'goal' });
  const objective = await create(app, 'objectives', { code: 'MO1.2', title: 'Professional, accountable police', parentId: goal.id, description: 'Police services that citizens trust.' });
  const project = await create(app, 'projects', {
    title: 'Community policing pilot in Sfax',
    partnerId: partner.id,
    sector: 'police',
    isPilot: true,
    partnerLead: 'Sami Ben Ali',
    usLead: 'INL Tunis',
    status: 'active',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    objectiveIds: [objective.id],
  });
  const benchmark = await create(app, 'benchmarks', {
    title: 'Officers trained in community policing',
    projectId: project.id,
    definition: 'Number of police officers who completed the 40-hour course.',
    unit: 'number',
    baselineValue: '0',
    baselineDate: '2026-01-01',
    targetValue: '400',
    targetDate: '2027-06-30',
    dataSource: 'Training academy attendance records',
    collectionMethod: 'Academy registry extract',
    frequency: 'quarterly',
    responsibleParty: 'joint',
    objectiveIds: [objective.id],
  });
  const benchmarkTarget = await create(app, 'benchmarkTargets', { benchmarkId: benchmark.id, date: '2026-12-31', value: '150' });
  const checkIn = await create(app, 'checkIns', { title: 'First joint review', projectId: project.id, dueDate: '2026-06-30', benchmarkIds: [benchmark.id] });
  const measurement = await create(app, 'measurements', { benchmarkId: benchmark.id, checkInId: checkIn.id, value: '120 ', measuredOn: '2026-06-28', rating: 'at_risk', comment: 'Academy registry extract.' });
  const mou = await create(app, 'mouDrafts', { title: 'Community policing MOU', partnerId: partner.id, sector: 'police', parties: ['Ministry of Interior', 'U.S. Embassy Tunis'] });
  const clause = await create(app, 'mouClauses', {
    mouId: mou.id,
    position: 1,
    heading: 'Training',
    textEn: 'The Parties shall train 400 officers by June 2027.',
    textAr: 'يقوم الطرفان بتدريب ٤٠٠ ضابط في مجال الشرطة المجتمعية بحلول يونيو ٢٠٢٧.',
    benchmarkIds: [benchmark.id],
    checkInIds: [checkIn.id],
    objectiveIds: [objective.id],
  });
  const signatory = await create(app, 'mouSignatories', { mouId: mou.id, name: 'Joey Hood', jobTitle: 'Ambassador', side: 'us', signingOrder: 1 });
  const meeting = await create(app, 'meetings', {
    title: 'Quarterly planning meeting',
    partnerId: partner.id,
    date: '2026-03-10',
    type: 'planning',
    decidesResources: true,
    attendees: [
      { personId: officer.id, role: 'Partner lead' },
      { personId: manager.id, role: 'Resource manager' },
    ],
    agenda: 'Review training plan',
    minutes: 'Agreed on the curriculum.',
    decisions: 'Fund two more courses.',
  });
  const actionItem = await create(app, 'actionItems', { description: 'Send the curriculum to the academy', meetingId: meeting.id, ownerId: officer.id, dueDate: '2026-04-01' });
  const resource = await create(app, 'resources', {
    title: 'INCLE police training FY2027',
    partnerId: partner.id,
    projectId: project.id,
    authority: 'INCLE',
    fiscalYear: 2027,
    requestedMinor: 250_000_00,
    approvedMinor: 200_000_00,
    currency: 'USD',
    constraint: 'Funds arrive late in the fiscal year.',
    risk: 'high',
    mitigation: 'Front-load the request in the MRR.',
  });
  const deadline = await create(app, 'budgetDeadlines', { name: 'Mission Resource Request FY2028', date: '2026-05-15', fiscalYear: 2026 });
  const briefDelivery = await create(app, 'briefDeliveries', { subject: 'Assessment brief for the MRR', deadlineId: deadline.id, partnerId: partner.id, recipientId: manager.id, deliveredOn: '2026-05-01', language: 'both', format: 'pdf' });
  return { partner, sectorPriority, ministry, officer, manager, goal, objective, project, benchmark, benchmarkTarget, checkIn, measurement, mou, clause, signatory, meeting, actionItem, resource, deadline, briefDelivery };
}
