import { z } from 'zod';
import { issueMessage } from '../i18n/message';
import type { FieldSpec, RecordTypeSpec } from './spec';
import { parseTypedValue, UNIT_KINDS } from '../results/values';

/**
 * The planning model's record types (see ../../../shared/DOMAIN.md for the words). Labels are not written here: each
 * type, field and option has a catalog key derived from its name (labels.ts), checked against shared/i18n/en.ts.
 */

export const SECTORS = ['police', 'judiciary', 'corrections', 'border_security', 'defense', 'maritime', 'counterterrorism', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

/** The joint rating at a check-in point, and of each value measured there. */
export const RATINGS = ['not_rated', 'on_track', 'at_risk', 'off_track'] as const;
export type Rating = (typeof RATINGS)[number];

export const MOU_STATUSES = ['draft', 'in_negotiation', 'agreed', 'signed', 'superseded'] as const;
export type MouStatus = (typeof MOU_STATUSES)[number];

/** MOU statuses whose text is what was signed: the draft (but for its status), its clauses and signatories do not change. */
export const LOCKED_MOU_STATUSES: readonly MouStatus[] = ['signed', 'superseded'];

/** Which MOU status may follow which: a signed MOU can only be superseded. */
export const MOU_TRANSITIONS: Record<MouStatus, readonly MouStatus[]> = {
  draft: ['in_negotiation', 'agreed'],
  in_negotiation: ['draft', 'agreed'],
  agreed: ['in_negotiation', 'signed'],
  signed: ['superseded'],
  superseded: [],
};

const partnerRef = (required = true) => ({ name: 'partnerId', kind: 'ref', to: 'partners', required, list: true }) as const satisfies FieldSpec;
const sectorField = { name: 'sector', kind: 'enum', options: SECTORS, optionSet: 'sector', required: true, list: true } as const satisfies FieldSpec;
const notesField = { name: 'notes', kind: 'longText', max: 4000, searchable: true } as const satisfies FieldSpec;
const objectiveLinks = { name: 'objectiveIds', kind: 'refList', to: 'objectives' } as const satisfies FieldSpec;
const notBefore = (later: string, earlier: string, message: string) => ({
  field: later,
  message,
  holds: (values: Record<string, unknown>) => !values[later] || !values[earlier] || String(values[later]) >= String(values[earlier]),
});

const partiesSchema = z.array(z.string().trim().min(1, issueMessage('validation.required')).max(160, issueMessage('validation.tooLong', { max: 160 }))).max(12, issueMessage('validation.tooMany', { max: 12 })).default([]);

/** The closing formula above an MOU's signature blocks ("Done at ___ on ___, in duplicate, ..."), chosen per MOU. */
export const MOU_CLOSING_FORMULAS = ['equallyAuthentic', 'englishPrevails', 'none'] as const;
export type MouClosingFormula = (typeof MOU_CLOSING_FORMULAS)[number];

export const recordTypes = [
  {
    name: 'partners',
    table: 'partners',
    titleField: 'name',
    fields: [
      { name: 'name', kind: 'text', max: 120, required: true, list: true, searchable: true, unique: true },
      { name: 'nameAr', kind: 'text', max: 120, searchable: true },
      { name: 'isoCode', kind: 'text', max: 3, upperCase: true, pattern: { regex: /^[A-Z]{2,3}$/, message: issueMessage('validation.invalidCode') }, list: true },
      notesField,
    ],
    restrictDeleteBy: [
      { type: 'mouDrafts', field: 'partnerId' },
      { type: 'projects', field: 'partnerId' },
      { type: 'sectorPriorities', field: 'partnerId' },
      { type: 'stakeholders', field: 'partnerId' },
      { type: 'meetings', field: 'partnerId' },
      { type: 'resources', field: 'partnerId' },
      { type: 'budgetDeadlines', field: 'partnerId' },
    ],
  },
  {
    name: 'sectorPriorities',
    table: 'sector_priorities',
    titleField: 'programArea',
    fields: [
      partnerRef(),
      sectorField,
      { name: 'programArea', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'priority', kind: 'enum', options: ['high', 'medium', 'low'], default: 'medium', list: true },
      {
        name: 'agreementStatus',
        kind: 'enum',
        options: ['proposed', 'agreed', 'declined'],
        default: 'proposed',
        list: true,
      },
      { name: 'agreedOn', kind: 'date' },
      { name: 'agreedBy', kind: 'text', max: 200 },
      notesField,
    ],
    rules: [{ field: 'agreedOn', message: issueMessage('validation.agreementNeedsDate'), holds: (v) => v.agreementStatus !== 'agreed' || (Boolean(v.agreedOn) && Boolean(v.agreedBy)) }],
  },
  {
    name: 'stakeholders',
    table: 'stakeholders',
    titleField: 'name',
    fields: [
      { name: 'name', kind: 'text', max: 200, required: true, list: true, searchable: true },
      {
        name: 'kind',
        kind: 'enum',
        options: ['us_agency', 'us_office', 'partner_ministry', 'partner_unit', 'third_country', 'international_org'],
        required: true,
        list: true,
      },
      partnerRef(false),
      notesField,
    ],
    restrictDeleteBy: [{ type: 'people', field: 'stakeholderId' }],
  },
  {
    name: 'people',
    table: 'people',
    titleField: 'name',
    fields: [
      { name: 'name', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'stakeholderId', kind: 'ref', to: 'stakeholders', required: true, list: true },
      { name: 'role', kind: 'text', max: 200, list: true, searchable: true },
      { name: 'email', kind: 'text', max: 200 },
      { name: 'phone', kind: 'text', max: 60 },
      { name: 'isResourceManager', kind: 'boolean', list: true },
    ],
  },
  {
    name: 'objectives',
    table: 'objectives',
    titleField: 'title',
    fields: [
      { name: 'code', kind: 'text', max: 20, required: true, list: true, searchable: true },
      { name: 'title', kind: 'text', max: 300, required: true, list: true, searchable: true },
      { name: 'titleAr', kind: 'text', max: 300, searchable: true },
      { name: 'level', kind: 'enum', options: ['goal', 'objective'], default: 'objective', list: true },
      { name: 'parentId', kind: 'ref', to: 'objectives' },
      { name: 'description', kind: 'longText', max: 4000, searchable: true },
    ],
  },
  {
    name: 'projects',
    table: 'projects',
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, required: true, list: true, searchable: true },
      // What the partner calls it, shown in the Arabic view, reminders, the calendar, briefs and MOUs (migration 0020).
      { name: 'titleAr', kind: 'text', max: 200, searchable: true },
      partnerRef(),
      sectorField,
      { name: 'isPilot', kind: 'boolean', list: true },
      { name: 'partnerLead', kind: 'text', max: 200, searchable: true },
      { name: 'usLead', kind: 'text', max: 200, searchable: true },
      { name: 'objectives', kind: 'longText', max: 4000, searchable: true },
      {
        name: 'status',
        kind: 'enum',
        options: ['proposed', 'active', 'completed', 'cancelled'],
        default: 'proposed',
        list: true,
      },
      { name: 'startDate', kind: 'date', list: true },
      { name: 'endDate', kind: 'date' },
      objectiveLinks,
    ],
    rules: [notBefore('endDate', 'startDate', issueMessage('validation.endBeforeStart'))],
    restrictDeleteBy: [
      { type: 'benchmarks', field: 'projectId' },
      { type: 'checkIns', field: 'projectId' },
    ],
  },
  {
    name: 'benchmarks',
    table: 'benchmarks',
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'titleAr', kind: 'text', max: 200, searchable: true },
      // A short code a partner's spreadsheet can name the benchmark by (shared/sheets/keys.ts); migration 0009.
      { name: 'code', kind: 'text', max: 20 },
      { name: 'projectId', kind: 'ref', to: 'projects', required: true, list: true },
      { name: 'definition', kind: 'longText', max: 4000, searchable: true },
      {
        name: 'unit',
        kind: 'enum',
        options: UNIT_KINDS,
        default: 'number',
        list: true,
      },
      // Typed by the unit (shared/results/values.ts): a decimal, yes / no, or text; migration 0011 converted the old free text.
      { name: 'baselineValue', kind: 'text', max: 200 },
      { name: 'baselineDate', kind: 'date' },
      { name: 'targetValue', kind: 'text', max: 200, list: true },
      { name: 'targetDate', kind: 'date', list: true },
      // What was written before values were typed, where it did not read as the unit (migration 0011).
      { name: 'baselineOriginal', kind: 'text', max: 200 },
      { name: 'targetOriginal', kind: 'text', max: 200 },
      { name: 'dataSource', kind: 'text', max: 300, searchable: true },
      { name: 'collectionMethod', kind: 'text', max: 300 },
      {
        name: 'frequency',
        kind: 'enum',
        options: ['monthly', 'quarterly', 'semiannual', 'annual', 'once'],
        default: 'quarterly',
      },
      {
        name: 'responsibleParty',
        kind: 'enum',
        options: ['us', 'partner', 'joint'],
        default: 'joint',
        list: true,
      },
      objectiveLinks,
    ],
    rules: [
      notBefore('targetDate', 'baselineDate', issueMessage('validation.targetBeforeBaseline')),
      { field: 'baselineValue', message: issueMessage('validation.valueNotOfUnit'), holds: (v) => parseTypedValue(v.unit, v.baselineValue ?? '') !== null },
      { field: 'targetValue', message: issueMessage('validation.valueNotOfUnit'), holds: (v) => parseTypedValue(v.unit, v.targetValue ?? '') !== null },
    ],
    // An MOU clause that cites a benchmark must not lose it silently; nor its targets and measured values.
    restrictDeleteBy: [
      { type: 'mouClauses', field: 'benchmarkIds' },
      { type: 'benchmarkTargets', field: 'benchmarkId' },
      { type: 'measurements', field: 'benchmarkId' },
    ],
    typedBy: { unitField: 'unit', fields: ['baselineValue', 'targetValue'], message: 'validation.valueNotOfUnit' },
  },
  {
    name: 'checkIns',
    table: 'check_ins',
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'titleAr', kind: 'text', max: 200, searchable: true },
      { name: 'projectId', kind: 'ref', to: 'projects', required: true, list: true },
      { name: 'dueDate', kind: 'date', required: true, list: true },
      { name: 'benchmarkIds', kind: 'refList', to: 'benchmarks' },
      {
        name: 'status',
        kind: 'enum',
        options: ['planned', 'assessed', 'missed'],
        default: 'planned',
        list: true,
      },
      {
        name: 'rating',
        kind: 'enum',
        options: RATINGS,
        default: 'not_rated',
        list: true,
      },
      { name: 'evidenceNotes', kind: 'longText', max: 4000, searchable: true },
      { name: 'assessedOn', kind: 'date' },
      { name: 'partnerAcknowledgedBy', kind: 'text', max: 200 },
      { name: 'partnerAcknowledgedOn', kind: 'date' },
    ],
    restrictDeleteBy: [
      { type: 'mouClauses', field: 'checkInIds' },
      { type: 'measurements', field: 'checkInId' },
    ],
  },
  {
    // A value measured for one benchmark at one check-in point, typed by the benchmark's unit, with its own joint rating (migration 0011).
    name: 'measurements',
    table: 'measurements',
    titleField: 'value',
    fields: [
      { name: 'benchmarkId', kind: 'ref', to: 'benchmarks', required: true, list: true },
      { name: 'checkInId', kind: 'ref', to: 'checkIns', required: true, list: true },
      { name: 'value', kind: 'text', max: 200, list: true, searchable: true },
      { name: 'measuredOn', kind: 'date', list: true },
      { name: 'rating', kind: 'enum', options: RATINGS, default: 'not_rated', list: true },
      { name: 'comment', kind: 'longText', max: 4000, searchable: true },
      // The free text an older version held, where it did not read as the benchmark's unit.
      { name: 'originalText', kind: 'text', max: 200, searchable: true },
    ],
    typedBy: { ref: 'benchmarkId', unitField: 'unit', fields: ['value'], message: 'validation.valueNotOfUnit' },
  },
  {
    // A periodic target of a benchmark: the value it should reach by a date (migration 0011).
    name: 'benchmarkTargets',
    table: 'benchmark_targets',
    titleField: 'value',
    fields: [
      { name: 'benchmarkId', kind: 'ref', to: 'benchmarks', required: true, list: true },
      { name: 'date', kind: 'date', required: true, list: true },
      { name: 'value', kind: 'text', max: 200, list: true },
      { name: 'originalText', kind: 'text', max: 200 },
    ],
    typedBy: { ref: 'benchmarkId', unitField: 'unit', fields: ['value'], message: 'validation.valueNotOfUnit' },
  },
  {
    name: 'mouDrafts',
    table: 'mou_drafts',
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'titleAr', kind: 'text', max: 200, searchable: true },
      { ...partnerRef(), requiredMessage: issueMessage('validation.partnerRequired'), notFoundMessage: 'validation.partnerNotFound' },
      sectorField,
      { name: 'status', kind: 'enum', options: MOU_STATUSES, default: 'draft', list: true },
      { name: 'parties', kind: 'json', schema: partiesSchema },
      // The parties in Arabic, in the same order as the English list.
      { name: 'partiesAr', kind: 'json', schema: partiesSchema },
      { name: 'closingFormula', kind: 'enum', options: MOU_CLOSING_FORMULAS, default: 'equallyAuthentic' },
      { name: 'summary', kind: 'longText', max: 4000, searchable: true },
    ],
    // What was signed does not change: the draft but for its status, and (lockedBy) its clauses and signatories.
    lock: { field: 'status', values: LOCKED_MOU_STATUSES, editable: ['status'], message: 'records.mouLocked' },
    transitions: { field: 'status', allowed: MOU_TRANSITIONS },
    restrictDeleteBy: [
      { type: 'mouClauses', field: 'mouId' },
      { type: 'mouSignatories', field: 'mouId' },
    ],
  },
  {
    name: 'mouClauses',
    table: 'mou_clauses',
    lockedBy: 'mouId',
    titleField: 'heading',
    fields: [
      { name: 'mouId', kind: 'ref', to: 'mouDrafts', required: true, list: true },
      { name: 'position', kind: 'integer', min: 1, max: 10_000, required: true, list: true },
      { name: 'heading', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'headingAr', kind: 'text', max: 200 },
      { name: 'textEn', kind: 'longText', max: 20_000, dir: 'ltr', searchable: true },
      { name: 'textAr', kind: 'longText', max: 20_000, dir: 'rtl', searchable: true },
      { name: 'benchmarkIds', kind: 'refList', to: 'benchmarks' },
      { name: 'checkInIds', kind: 'refList', to: 'checkIns' },
      objectiveLinks,
    ],
  },
  {
    name: 'mouSignatories',
    table: 'mou_signatories',
    lockedBy: 'mouId',
    titleField: 'name',
    fields: [
      { name: 'mouId', kind: 'ref', to: 'mouDrafts', required: true, list: true },
      { name: 'name', kind: 'text', max: 200, required: true, list: true, searchable: true },
      // Not 'title': every record's API row carries 'title' as its display name (here the signatory's name).
      { name: 'nameAr', kind: 'text', max: 200, searchable: true },
      { name: 'jobTitle', kind: 'text', max: 200, list: true },
      { name: 'jobTitleAr', kind: 'text', max: 200 },
      { name: 'organisation', kind: 'text', max: 200, list: true },
      { name: 'organisationAr', kind: 'text', max: 200 },
      { name: 'side', kind: 'enum', options: ['us', 'partner'], required: true, list: true },
      { name: 'signingOrder', kind: 'integer', min: 1, max: 100, required: true, list: true },
    ],
  },
  {
    name: 'meetings',
    table: 'meetings',
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, required: true, list: true, searchable: true },
      // The subject of an Arabic communique, and the meeting's name in the Arabic view and reminders (migration 0021).
      { name: 'titleAr', kind: 'text', max: 200, searchable: true },
      partnerRef(),
      { name: 'date', kind: 'date', required: true, list: true },
      {
        name: 'type',
        kind: 'enum',
        options: ['planning', 'assessment', 'resourcing', 'other'],
        default: 'planning',
        list: true,
      },
      { name: 'decidesResources', kind: 'boolean', list: true },
      {
        name: 'attendees',
        kind: 'json',
        schema: z.array(z.object({ personId: z.string(), role: z.string().trim().max(120, issueMessage('validation.tooLong', { max: 120 })).default('') })).max(100, issueMessage('validation.tooMany', { max: 100 })).default([]),
        itemRefs: [{ key: 'personId', to: 'people' }],
      },
      { name: 'agenda', kind: 'longText', max: 8000, searchable: true },
      { name: 'minutes', kind: 'longText', max: 20_000, searchable: true },
      { name: 'decisions', kind: 'longText', max: 8000, searchable: true },
      { name: 'decisionsAr', kind: 'longText', max: 8000, dir: 'rtl', searchable: true },
    ],
    // A meeting that decides resources needs a resource manager in the room.
    warnings: [{ message: 'validation.noResourceManager', when: { field: 'decidesResources', equals: true }, noneLinked: { field: 'attendees', where: { field: 'isResourceManager', equals: true } } }],
    restrictDeleteBy: [{ type: 'actionItems', field: 'meetingId' }],
  },
  {
    name: 'actionItems',
    table: 'action_items',
    titleField: 'description',
    fields: [
      { name: 'description', kind: 'text', max: 500, required: true, list: true, searchable: true },
      { name: 'descriptionAr', kind: 'text', max: 500, searchable: true },
      { name: 'meetingId', kind: 'ref', to: 'meetings', required: true, list: true },
      { name: 'ownerId', kind: 'ref', to: 'people', list: true },
      { name: 'dueDate', kind: 'date', list: true },
      { name: 'status', kind: 'enum', options: ['open', 'done', 'cancelled'], default: 'open', list: true },
    ],
  },
  {
    name: 'resources',
    table: 'resources',
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, required: true, list: true, searchable: true },
      partnerRef(),
      { name: 'projectId', kind: 'ref', to: 'projects' },
      {
        name: 'authority',
        kind: 'enum',
        options: ['FMF', 'IMET', 'SECTION_333', 'INCLE', 'ESF', 'PKO', 'NADR', 'OTHER'],
        required: true,
        list: true,
      },
      { name: 'fiscalYear', kind: 'integer', min: 2000, max: 2100, required: true, list: true },
      { name: 'requestedMinor', kind: 'money', list: true },
      { name: 'approvedMinor', kind: 'money', list: true },
      { name: 'currency', kind: 'text', max: 3, required: true },
      { name: 'constraint', kind: 'longText', max: 4000, searchable: true },
      { name: 'risk', kind: 'enum', options: ['low', 'medium', 'high'], default: 'medium', list: true },
      { name: 'mitigation', kind: 'longText', max: 4000, searchable: true },
    ],
    rules: [
      { field: 'approvedMinor', message: issueMessage('validation.approvedOverRequested'), holds: (v) => v.approvedMinor == null || v.requestedMinor == null || Number(v.approvedMinor) <= Number(v.requestedMinor) },
      { field: 'currency', message: issueMessage('validation.invalidCurrency'), holds: (v) => /^[A-Z]{3}$/.test(String(v.currency ?? '')) },
    ],
  },
  {
    name: 'budgetDeadlines',
    table: 'budget_deadlines',
    titleField: 'name',
    fields: [
      { name: 'name', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'nameAr', kind: 'text', max: 200, searchable: true },
      { name: 'date', kind: 'date', required: true, list: true },
      { name: 'fiscalYear', kind: 'integer', min: 2000, max: 2100, required: true, list: true },
      partnerRef(false),
      notesField,
    ],
    restrictDeleteBy: [{ type: 'briefDeliveries', field: 'deadlineId' }],
  },
  {
    // A brief for resource managers handed over before a budget deadline: to whom, when, in which language and form (migration 0011).
    name: 'briefDeliveries',
    table: 'brief_deliveries',
    titleField: 'subject',
    fields: [
      { name: 'subject', kind: 'text', max: 200, required: true, list: true, searchable: true },
      { name: 'deadlineId', kind: 'ref', to: 'budgetDeadlines', required: true, list: true },
      partnerRef(false),
      { name: 'recipientId', kind: 'ref', to: 'people', required: true, list: true },
      { name: 'deliveredOn', kind: 'date', required: true, list: true },
      { name: 'language', kind: 'enum', options: ['en', 'ar', 'both'], default: 'en', list: true },
      { name: 'format', kind: 'enum', options: ['pdf', 'docx', 'print'], default: 'pdf' },
      notesField,
    ],
  },
] as const satisfies readonly RecordTypeSpec[];

export type RecordTypeName = (typeof recordTypes)[number]['name'];
export const RECORD_TYPE_NAMES = recordTypes.map((type) => type.name) as [RecordTypeName, ...RecordTypeName[]];

const byName = new Map<string, RecordTypeSpec>(recordTypes.map((type) => [type.name, type]));

export function recordType(name: string): RecordTypeSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`Unknown record type: ${name}`);
  return spec;
}
