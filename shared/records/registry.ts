import { z } from 'zod';
import { msg } from '../messages';
import { MOU_LIMITS, MOU_STATUSES, mouDraftInput, SECTORS } from '../domain/mou';
import { LIMITS as PARTNER_LIMITS, partnerInput } from '../domain/partner';
import type { Bilingual, FieldSpec, RecordTypeSpec } from './spec';

/** The planning model's record types (see ../../../shared/DOMAIN.md for the words). */

const L = (en: string, ar: string): Bilingual => ({ en, ar });
const options = <T extends string>(labels: Record<T, Bilingual>) => ({ options: Object.keys(labels) as T[], optionLabels: labels });

export const SECTOR_LABELS: Record<(typeof SECTORS)[number], Bilingual> = {
  police: L('Police', 'الشرطة'),
  judiciary: L('Judiciary', 'القضاء'),
  corrections: L('Corrections', 'الإصلاحيات'),
  border_security: L('Border security', 'أمن الحدود'),
  defense: L('Defense', 'الدفاع'),
  maritime: L('Maritime', 'الأمن البحري'),
  counterterrorism: L('Counterterrorism', 'مكافحة الإرهاب'),
  other: L('Other', 'أخرى'),
};

export const MOU_STATUS_LABELS: Record<(typeof MOU_STATUSES)[number], Bilingual> = {
  draft: L('Draft', 'مسودة'),
  in_negotiation: L('In negotiation', 'قيد التفاوض'),
  agreed: L('Agreed', 'متفق عليها'),
  signed: L('Signed', 'موقعة'),
  superseded: L('Superseded', 'مستبدلة'),
};

/** Which MOU status may follow which: a signed MOU can only be superseded. */
export const MOU_TRANSITIONS: Record<(typeof MOU_STATUSES)[number], readonly string[]> = {
  draft: ['in_negotiation', 'agreed'],
  in_negotiation: ['draft', 'agreed'],
  agreed: ['in_negotiation', 'signed'],
  signed: ['superseded'],
  superseded: [],
};

const partnerRef = (required = true): FieldSpec => ({ name: 'partnerId', kind: 'ref', to: 'partners', label: L('Partner nation', 'الدولة الشريكة'), required, list: true });
const sectorField: FieldSpec = { name: 'sector', kind: 'enum', ...options(SECTOR_LABELS), label: L('Sector', 'القطاع'), required: true, list: true };
const notesField: FieldSpec = { name: 'notes', kind: 'longText', max: 4000, label: L('Notes', 'ملاحظات'), searchable: true };
const objectiveLinks: FieldSpec = { name: 'objectiveIds', kind: 'refList', to: 'objectives', label: L('ICS objectives', 'أهداف استراتيجية البعثة') };
const notBefore = (later: string, earlier: string, message: string) => ({
  field: later,
  message,
  holds: (values: Record<string, unknown>) => !values[later] || !values[earlier] || String(values[later]) >= String(values[earlier]),
});

export const recordTypes = [
  {
    name: 'partners',
    table: 'partners',
    label: { one: L('Partner nation', 'دولة شريكة'), many: L('Partner nations', 'الدول الشريكة') },
    titleField: 'name',
    fields: [
      // The foundation's partner schema (shared/domain/partner.ts) validates these fields: one rule for both APIs.
      { name: 'name', kind: 'text', max: PARTNER_LIMITS.partnerName, schema: partnerInput.shape.name, label: L('Name', 'الاسم'), required: true, list: true, searchable: true, unique: true },
      { name: 'isoCode', kind: 'text', max: 3, schema: partnerInput.shape.isoCode, label: L('Country code', 'رمز البلد'), list: true },
      { ...notesField, max: PARTNER_LIMITS.partnerNotes, schema: partnerInput.shape.notes },
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
    label: { one: L('Sector priority', 'أولوية قطاعية'), many: L('Sector priorities', 'الأولويات القطاعية') },
    titleField: 'programArea',
    fields: [
      partnerRef(),
      sectorField,
      { name: 'programArea', kind: 'text', max: 200, label: L('Program area', 'مجال البرنامج'), required: true, list: true, searchable: true },
      { name: 'priority', kind: 'enum', ...options({ high: L('High', 'عالية'), medium: L('Medium', 'متوسطة'), low: L('Low', 'منخفضة') }), default: 'medium', label: L('Priority', 'الأولوية'), list: true },
      {
        name: 'agreementStatus',
        kind: 'enum',
        ...options({ proposed: L('Proposed', 'مقترح'), agreed: L('Agreed with partner', 'متفق عليه مع الشريك'), declined: L('Declined', 'مرفوض') }),
        default: 'proposed',
        label: L('Mutual agreement', 'الاتفاق المتبادل'),
        list: true,
      },
      { name: 'agreedOn', kind: 'date', label: L('Agreed on', 'تاريخ الاتفاق') },
      { name: 'agreedBy', kind: 'text', max: 200, label: L('Agreed by (partner side)', 'وافق عليه (من جانب الشريك)') },
      notesField,
    ],
    rules: [{ field: 'agreedOn', message: msg('agreementNeedsDate'), holds: (v) => v.agreementStatus !== 'agreed' || (Boolean(v.agreedOn) && Boolean(v.agreedBy)) }],
  },
  {
    name: 'stakeholders',
    table: 'stakeholders',
    label: { one: L('Stakeholder organisation', 'جهة معنية'), many: L('Stakeholder organisations', 'الجهات المعنية') },
    titleField: 'name',
    fields: [
      { name: 'name', kind: 'text', max: 200, label: L('Name', 'الاسم'), required: true, list: true, searchable: true },
      {
        name: 'kind',
        kind: 'enum',
        ...options({
          us_agency: L('U.S. agency', 'وكالة أمريكية'),
          us_office: L('U.S. embassy office', 'مكتب في السفارة الأمريكية'),
          partner_ministry: L('Partner ministry', 'وزارة شريكة'),
          partner_unit: L('Partner unit', 'وحدة شريكة'),
          third_country: L('Third country', 'دولة ثالثة'),
          international_org: L('International organisation', 'منظمة دولية'),
        }),
        label: L('Kind', 'النوع'),
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
    label: { one: L('Person', 'شخص'), many: L('People', 'الأشخاص') },
    titleField: 'name',
    fields: [
      { name: 'name', kind: 'text', max: 200, label: L('Name', 'الاسم'), required: true, list: true, searchable: true },
      { name: 'stakeholderId', kind: 'ref', to: 'stakeholders', label: L('Organisation', 'الجهة'), required: true, list: true },
      { name: 'role', kind: 'text', max: 200, label: L('Role', 'الدور'), list: true, searchable: true },
      { name: 'email', kind: 'text', max: 200, label: L('Email', 'البريد الإلكتروني') },
      { name: 'phone', kind: 'text', max: 60, label: L('Phone', 'الهاتف') },
      { name: 'isResourceManager', kind: 'boolean', label: L('Resource manager', 'مدير موارد'), list: true },
    ],
  },
  {
    name: 'objectives',
    table: 'objectives',
    label: { one: L('ICS goal or objective', 'هدف استراتيجية البعثة'), many: L('ICS goals and objectives', 'أهداف استراتيجية البعثة') },
    titleField: 'title',
    fields: [
      { name: 'code', kind: 'text', max: 20, label: L('Code', 'الرمز'), required: true, list: true, searchable: true },
      { name: 'title', kind: 'text', max: 300, label: L('Title', 'العنوان'), required: true, list: true, searchable: true },
      { name: 'level', kind: 'enum', ...options({ goal: L('Mission goal', 'هدف البعثة'), objective: L('Mission objective', 'غاية البعثة') }), default: 'objective', label: L('Level', 'المستوى'), list: true },
      { name: 'parentId', kind: 'ref', to: 'objectives', label: L('Under goal', 'ضمن الهدف') },
      { name: 'description', kind: 'longText', max: 4000, label: L('Description', 'الوصف'), searchable: true },
    ],
  },
  {
    name: 'projects',
    table: 'projects',
    label: { one: L('Project', 'مشروع'), many: L('Projects', 'المشاريع') },
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, label: L('Title', 'العنوان'), required: true, list: true, searchable: true },
      partnerRef(),
      sectorField,
      { name: 'isPilot', kind: 'boolean', label: L('Pilot project', 'مشروع تجريبي'), list: true },
      { name: 'partnerLead', kind: 'text', max: 200, label: L('Partner lead', 'المسؤول من جانب الشريك'), searchable: true },
      { name: 'usLead', kind: 'text', max: 200, label: L('U.S. lead', 'المسؤول من الجانب الأمريكي'), searchable: true },
      { name: 'objectives', kind: 'longText', max: 4000, label: L('Objectives', 'الأهداف'), searchable: true },
      {
        name: 'status',
        kind: 'enum',
        ...options({ proposed: L('Proposed', 'مقترح'), active: L('Active', 'نشط'), completed: L('Completed', 'مكتمل'), cancelled: L('Cancelled', 'ملغى') }),
        default: 'proposed',
        label: L('Status', 'الحالة'),
        list: true,
      },
      { name: 'startDate', kind: 'date', label: L('Start date', 'تاريخ البدء'), list: true },
      { name: 'endDate', kind: 'date', label: L('End date', 'تاريخ الانتهاء') },
      objectiveLinks,
    ],
    rules: [notBefore('endDate', 'startDate', msg('endBeforeStart'))],
    restrictDeleteBy: [
      { type: 'benchmarks', field: 'projectId' },
      { type: 'checkIns', field: 'projectId' },
    ],
  },
  {
    name: 'benchmarks',
    table: 'benchmarks',
    label: { one: L('Benchmark', 'معيار'), many: L('Benchmarks', 'المعايير') },
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, label: L('Indicator', 'المؤشر'), required: true, list: true, searchable: true },
      { name: 'projectId', kind: 'ref', to: 'projects', label: L('Project', 'المشروع'), required: true, list: true },
      { name: 'definition', kind: 'longText', max: 4000, label: L('Definition', 'التعريف'), searchable: true },
      {
        name: 'unit',
        kind: 'enum',
        ...options({ number: L('Number', 'عدد'), percent: L('Percent', 'نسبة مئوية'), yes_no: L('Yes / no', 'نعم / لا'), text: L('Text', 'نص') }),
        default: 'number',
        label: L('Unit', 'الوحدة'),
        list: true,
      },
      { name: 'baselineValue', kind: 'text', max: 200, label: L('Baseline value', 'قيمة خط الأساس') },
      { name: 'baselineDate', kind: 'date', label: L('Baseline date', 'تاريخ خط الأساس') },
      { name: 'targetValue', kind: 'text', max: 200, label: L('Target value', 'القيمة المستهدفة'), list: true },
      { name: 'targetDate', kind: 'date', label: L('Target date', 'التاريخ المستهدف'), list: true },
      {
        name: 'periodicTargets',
        kind: 'json',
        schema: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('invalidDate')), value: z.string().trim().min(1, msg('required')).max(200, msg('tooLong', 200)) })).max(40, msg('tooMany', 40)).default([]),
        label: L('Periodic targets', 'الأهداف الدورية'),
      },
      { name: 'dataSource', kind: 'text', max: 300, label: L('Data source', 'مصدر البيانات'), searchable: true },
      { name: 'collectionMethod', kind: 'text', max: 300, label: L('Collection method', 'طريقة الجمع') },
      {
        name: 'frequency',
        kind: 'enum',
        ...options({ monthly: L('Monthly', 'شهري'), quarterly: L('Quarterly', 'ربع سنوي'), semiannual: L('Twice a year', 'نصف سنوي'), annual: L('Annual', 'سنوي'), once: L('Once', 'مرة واحدة') }),
        default: 'quarterly',
        label: L('Frequency', 'التكرار'),
      },
      {
        name: 'responsibleParty',
        kind: 'enum',
        ...options({ us: L('U.S.', 'الجانب الأمريكي'), partner: L('Partner', 'الشريك'), joint: L('Joint', 'مشترك') }),
        default: 'joint',
        label: L('Responsible party', 'الجهة المسؤولة'),
        list: true,
      },
      objectiveLinks,
    ],
    rules: [notBefore('targetDate', 'baselineDate', msg('targetBeforeBaseline'))],
    // An MOU clause that cites a benchmark must not lose it silently.
    restrictDeleteBy: [{ type: 'mouClauses', field: 'benchmarkIds' }],
  },
  {
    name: 'checkIns',
    table: 'check_ins',
    label: { one: L('Check-in point', 'نقطة مراجعة'), many: L('Check-in points', 'نقاط المراجعة') },
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, label: L('Title', 'العنوان'), required: true, list: true, searchable: true },
      { name: 'projectId', kind: 'ref', to: 'projects', label: L('Project', 'المشروع'), required: true, list: true },
      { name: 'dueDate', kind: 'date', label: L('Due date', 'تاريخ الاستحقاق'), required: true, list: true },
      { name: 'benchmarkIds', kind: 'refList', to: 'benchmarks', label: L('Benchmarks assessed', 'المعايير المقيّمة') },
      {
        name: 'status',
        kind: 'enum',
        ...options({ planned: L('Planned', 'مخطط'), assessed: L('Assessed', 'تم التقييم'), missed: L('Missed', 'فائت') }),
        default: 'planned',
        label: L('Status', 'الحالة'),
        list: true,
      },
      {
        name: 'rating',
        kind: 'enum',
        ...options({ not_rated: L('Not rated', 'غير مقيّم'), on_track: L('On track', 'على المسار'), at_risk: L('At risk', 'معرض للخطر'), off_track: L('Off track', 'خارج المسار') }),
        default: 'not_rated',
        label: L('Joint rating', 'التقييم المشترك'),
        list: true,
      },
      {
        name: 'measuredValues',
        kind: 'json',
        schema: z.array(z.object({ benchmarkId: z.string(), value: z.string().trim().max(200, msg('tooLong', 200)) })).max(200, msg('tooMany', 200)).default([]),
        label: L('Measured values', 'القيم المقيسة'),
        itemRefs: [{ key: 'benchmarkId', to: 'benchmarks' }],
      },
      { name: 'evidenceNotes', kind: 'longText', max: 4000, label: L('Evidence', 'الأدلة'), searchable: true },
      { name: 'assessedOn', kind: 'date', label: L('Assessed on', 'تاريخ التقييم') },
      { name: 'partnerAcknowledgedBy', kind: 'text', max: 200, label: L('Partner acknowledgement by', 'إقرار الشريك من قبل') },
      { name: 'partnerAcknowledgedOn', kind: 'date', label: L('Partner acknowledgement date', 'تاريخ إقرار الشريك') },
    ],
    rules: [
      {
        field: 'measuredValues',
        message: msg('measuredNotAssessed'),
        holds: (v) => !Array.isArray(v.measuredValues) || !Array.isArray(v.benchmarkIds) || v.measuredValues.every((measured: { benchmarkId: string }) => (v.benchmarkIds as string[]).includes(measured.benchmarkId)),
      },
    ],
    restrictDeleteBy: [{ type: 'mouClauses', field: 'checkInIds' }],
  },
  {
    name: 'mouDrafts',
    table: 'mou_drafts',
    label: { one: L('MOU draft', 'مسودة مذكرة تفاهم'), many: L('MOU drafts', 'مسودات مذكرات التفاهم') },
    titleField: 'title',
    fields: [
      // The foundation's MOU schema (shared/domain/mou.ts) validates these fields: one rule for both APIs.
      { name: 'title', kind: 'text', max: MOU_LIMITS.title, schema: mouDraftInput.shape.title, label: L('Title', 'العنوان'), required: true, list: true, searchable: true },
      { name: 'titleAr', kind: 'text', max: MOU_LIMITS.title, schema: mouDraftInput.shape.titleAr, label: L('Arabic title', 'العنوان بالعربية'), searchable: true },
      { ...partnerRef(), schema: mouDraftInput.shape.partnerId, notFoundMessage: msg('partnerNotFound') } as FieldSpec,
      { ...sectorField, schema: mouDraftInput.shape.sector },
      { name: 'status', kind: 'enum', ...options(MOU_STATUS_LABELS), default: 'draft', schema: mouDraftInput.shape.status, label: L('Status', 'الحالة'), list: true },
      { name: 'parties', kind: 'json', schema: mouDraftInput.shape.parties, label: L('Parties', 'الأطراف') },
      { name: 'summary', kind: 'longText', max: MOU_LIMITS.summary, schema: mouDraftInput.shape.summary, label: L('Summary', 'الملخص'), searchable: true },
    ],
    transitions: { field: 'status', allowed: MOU_TRANSITIONS },
    restrictDeleteBy: [
      { type: 'mouClauses', field: 'mouId' },
      { type: 'mouSignatories', field: 'mouId' },
    ],
  },
  {
    name: 'mouClauses',
    table: 'mou_clauses',
    label: { one: L('MOU clause', 'بند مذكرة التفاهم'), many: L('MOU clauses', 'بنود مذكرات التفاهم') },
    titleField: 'heading',
    fields: [
      { name: 'mouId', kind: 'ref', to: 'mouDrafts', label: L('MOU draft', 'مسودة مذكرة التفاهم'), required: true, list: true },
      { name: 'position', kind: 'integer', min: 1, max: 10_000, label: L('Number', 'الرقم'), required: true, list: true },
      { name: 'heading', kind: 'text', max: 200, label: L('Heading', 'العنوان'), required: true, list: true, searchable: true },
      { name: 'textEn', kind: 'longText', max: 20_000, dir: 'ltr', label: L('English text', 'النص الإنجليزي'), searchable: true },
      { name: 'textAr', kind: 'longText', max: 20_000, dir: 'rtl', label: L('Arabic text', 'النص العربي'), searchable: true },
      { name: 'benchmarkIds', kind: 'refList', to: 'benchmarks', label: L('Benchmarks cited', 'المعايير المذكورة') },
      { name: 'checkInIds', kind: 'refList', to: 'checkIns', label: L('Check-in points cited', 'نقاط المراجعة المذكورة') },
      objectiveLinks,
    ],
  },
  {
    name: 'mouSignatories',
    table: 'mou_signatories',
    label: { one: L('Signatory', 'موقّع'), many: L('Signatories', 'الموقّعون') },
    titleField: 'name',
    fields: [
      { name: 'mouId', kind: 'ref', to: 'mouDrafts', label: L('MOU draft', 'مسودة مذكرة التفاهم'), required: true, list: true },
      { name: 'name', kind: 'text', max: 200, label: L('Name', 'الاسم'), required: true, list: true, searchable: true },
      // Not 'title': every record's API row carries 'title' as its display name (here the signatory's name).
      { name: 'jobTitle', kind: 'text', max: 200, label: L('Title', 'المنصب'), list: true },
      { name: 'organisation', kind: 'text', max: 200, label: L('Organisation', 'الجهة'), list: true },
      { name: 'side', kind: 'enum', ...options({ us: L('U.S.', 'الجانب الأمريكي'), partner: L('Partner', 'الشريك') }), label: L('Side', 'الجانب'), required: true, list: true },
      { name: 'signingOrder', kind: 'integer', min: 1, max: 100, label: L('Signing order', 'ترتيب التوقيع'), required: true, list: true },
    ],
  },
  {
    name: 'meetings',
    table: 'meetings',
    label: { one: L('Meeting', 'اجتماع'), many: L('Meetings', 'الاجتماعات') },
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, label: L('Title', 'العنوان'), required: true, list: true, searchable: true },
      partnerRef(),
      { name: 'date', kind: 'date', label: L('Date', 'التاريخ'), required: true, list: true },
      {
        name: 'type',
        kind: 'enum',
        ...options({ planning: L('Planning', 'تخطيط'), assessment: L('Assessment', 'تقييم'), resourcing: L('Resourcing', 'موارد'), other: L('Other', 'أخرى') }),
        default: 'planning',
        label: L('Type', 'النوع'),
        list: true,
      },
      { name: 'decidesResources', kind: 'boolean', label: L('Decides resources', 'يقرر الموارد'), list: true },
      {
        name: 'attendees',
        kind: 'json',
        schema: z.array(z.object({ personId: z.string(), role: z.string().trim().max(120, msg('tooLong', 120)).default('') })).max(100, msg('tooMany', 100)).default([]),
        label: L('Attendees', 'الحضور'),
        itemRefs: [{ key: 'personId', to: 'people' }],
      },
      { name: 'agenda', kind: 'longText', max: 8000, label: L('Agenda', 'جدول الأعمال'), searchable: true },
      { name: 'minutes', kind: 'longText', max: 20_000, label: L('Minutes', 'المحضر'), searchable: true },
      { name: 'decisions', kind: 'longText', max: 8000, label: L('Decisions', 'القرارات'), searchable: true },
    ],
    restrictDeleteBy: [{ type: 'actionItems', field: 'meetingId' }],
  },
  {
    name: 'actionItems',
    table: 'action_items',
    label: { one: L('Action item', 'بند عمل'), many: L('Action items', 'بنود العمل') },
    titleField: 'description',
    fields: [
      { name: 'description', kind: 'text', max: 500, label: L('Action', 'الإجراء'), required: true, list: true, searchable: true },
      { name: 'meetingId', kind: 'ref', to: 'meetings', label: L('Meeting', 'الاجتماع'), required: true, list: true },
      { name: 'ownerId', kind: 'ref', to: 'people', label: L('Owner', 'المسؤول'), list: true },
      { name: 'dueDate', kind: 'date', label: L('Due date', 'تاريخ الاستحقاق'), list: true },
      { name: 'status', kind: 'enum', ...options({ open: L('Open', 'مفتوح'), done: L('Done', 'منجز'), cancelled: L('Cancelled', 'ملغى') }), default: 'open', label: L('Status', 'الحالة'), list: true },
    ],
  },
  {
    name: 'resources',
    table: 'resources',
    label: { one: L('Resource line', 'بند موارد'), many: L('Resource lines', 'بنود الموارد') },
    titleField: 'title',
    fields: [
      { name: 'title', kind: 'text', max: 200, label: L('Title', 'العنوان'), required: true, list: true, searchable: true },
      partnerRef(),
      { name: 'projectId', kind: 'ref', to: 'projects', label: L('Project', 'المشروع') },
      {
        name: 'authority',
        kind: 'enum',
        ...options({ FMF: L('FMF', 'FMF'), IMET: L('IMET', 'IMET'), SECTION_333: L('Section 333', 'البند 333'), INCLE: L('INCLE', 'INCLE'), ESF: L('ESF', 'ESF'), PKO: L('PKO', 'PKO'), NADR: L('NADR', 'NADR'), OTHER: L('Other', 'أخرى') }),
        label: L('Funding authority', 'سلطة التمويل'),
        required: true,
        list: true,
      },
      { name: 'fiscalYear', kind: 'integer', min: 2000, max: 2100, label: L('Fiscal year', 'السنة المالية'), required: true, list: true },
      { name: 'requestedMinor', kind: 'money', label: L('Requested', 'المطلوب'), list: true },
      { name: 'approvedMinor', kind: 'money', label: L('Approved', 'المعتمد'), list: true },
      { name: 'currency', kind: 'text', max: 3, label: L('Currency', 'العملة'), required: true },
      { name: 'constraint', kind: 'longText', max: 4000, label: L('Constraint', 'القيد'), searchable: true },
      { name: 'risk', kind: 'enum', ...options({ low: L('Low', 'منخفض'), medium: L('Medium', 'متوسط'), high: L('High', 'مرتفع') }), default: 'medium', label: L('Risk', 'المخاطر'), list: true },
      { name: 'mitigation', kind: 'longText', max: 4000, label: L('Mitigation', 'التخفيف'), searchable: true },
    ],
    rules: [
      { field: 'approvedMinor', message: msg('approvedOverRequested'), holds: (v) => v.approvedMinor == null || v.requestedMinor == null || Number(v.approvedMinor) <= Number(v.requestedMinor) },
      { field: 'currency', message: msg('invalidCurrency'), holds: (v) => /^[A-Z]{3}$/.test(String(v.currency ?? '')) },
    ],
  },
  {
    name: 'budgetDeadlines',
    table: 'budget_deadlines',
    label: { one: L('Budget deadline', 'موعد الميزانية'), many: L('Budget deadlines', 'مواعيد الميزانية') },
    titleField: 'name',
    fields: [
      { name: 'name', kind: 'text', max: 200, label: L('Name', 'الاسم'), required: true, list: true, searchable: true },
      { name: 'date', kind: 'date', label: L('Date', 'التاريخ'), required: true, list: true },
      { name: 'fiscalYear', kind: 'integer', min: 2000, max: 2100, label: L('Fiscal year', 'السنة المالية'), required: true, list: true },
      partnerRef(false),
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
