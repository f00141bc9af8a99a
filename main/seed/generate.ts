import { refreshStatistics } from '../../db/open';
import { insertRecord, updateRecord } from '../../db/repositories/records';
import type { Store } from '../../db/store';
import { recordType, type Sector } from '../../shared/records/registry';
import { inputSchema } from '../../shared/records/spec';
import { uuidv7 } from '../../shared/uuid';
import { addDays, daysBetween, localToday } from '../../shared/results/today';

/**
 * A realistic synthetic planning dataset, for demos, training and benchmarks.
 * Deterministic: the same seed and the same today give the same records with the same ids. Dates are relative to
 * today (the officer's local date, or --today), so a demo always has check-in points coming up in the next two
 * weeks, overdue ones, a budget deadline inside those two weeks with assessments that will land after it, and
 * action items due. Every field with an Arabic twin (a partner's name, an MOU's title and parties, a clause's
 * heading and text, a signatory's name, job and organisation) is filled in Arabic, so the Arabic window shows it. Every
 * record goes through the generic repository (schema, links, transitions) and
 * Store, so it is change-captured and audited like anything an officer types,
 * and it syncs.
 */

export type SeedSize = 'small' | 'large';

interface SizePlan {
  partners: number;
  projectsPerPartner: number;
  benchmarksPerProject: number;
  checkInsPerProject: number;
  mousPerPartner: number;
  clausesPerMou: number;
  meetingsPerPartner: number;
}

/** large: 50 partners, 400 projects, 10,000 benchmarks, 20,000 check-in points, 2,000 MOU clauses. */
export const SEED_PLANS: Record<SeedSize, SizePlan> = {
  small: { partners: 3, projectsPerPartner: 2, benchmarksPerProject: 5, checkInsPerProject: 8, mousPerPartner: 1, clausesPerMou: 6, meetingsPerPartner: 3 },
  large: { partners: 50, projectsPerPartner: 8, benchmarksPerProject: 25, checkInsPerProject: 50, mousPerPartner: 2, clausesPerMou: 20, meetingsPerPartner: 6 },
};

export type SeedCounts = Record<string, number>;

/** Days from today to the next Mission Resource Request: inside the first screen's 14, so the demo shows a budget deadline there. */
export const NEXT_DEADLINE_DAYS = 10;

/** mulberry32: small, fast, good enough for synthetic data. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, chance, sample };
}

const COUNTRIES: readonly [string, string, string][] = [
  ['Tunisia', 'TN', 'تونس'], ['Jordan', 'JO', 'الأردن'], ['Morocco', 'MA', 'المغرب'], ['Egypt', 'EG', 'مصر'], ['Lebanon', 'LB', 'لبنان'],
  ['Iraq', 'IQ', 'العراق'], ['Libya', 'LY', 'ليبيا'], ['Algeria', 'DZ', 'الجزائر'], ['Oman', 'OM', 'عُمان'], ['Bahrain', 'BH', 'البحرين'],
  ['Kuwait', 'KW', 'الكويت'], ['Qatar', 'QA', 'قطر'], ['Saudi Arabia', 'SA', 'السعودية'], ['United Arab Emirates', 'AE', 'الإمارات'], ['Yemen', 'YE', 'اليمن'],
  ['Mauritania', 'MR', 'موريتانيا'], ['Sudan', 'SD', 'السودان'], ['Djibouti', 'DJ', 'جيبوتي'], ['Somalia', 'SO', 'الصومال'], ['Comoros', 'KM', 'جزر القمر'],
  ['Niger', 'NE', 'النيجر'], ['Chad', 'TD', 'تشاد'], ['Mali', 'ML', 'مالي'], ['Senegal', 'SN', 'السنغال'], ['Nigeria', 'NG', 'نيجيريا'],
  ['Ghana', 'GH', 'غانا'], ['Kenya', 'KE', 'كينيا'], ['Ethiopia', 'ET', 'إثيوبيا'], ['Tanzania', 'TZ', 'تنزانيا'], ['Uganda', 'UG', 'أوغندا'],
  ['Georgia', 'GE', 'جورجيا'], ['Armenia', 'AM', 'أرمينيا'], ['Kazakhstan', 'KZ', 'كازاخستان'], ['Uzbekistan', 'UZ', 'أوزبكستان'], ['Kyrgyzstan', 'KG', 'قيرغيزستان'],
  ['Tajikistan', 'TJ', 'طاجيكستان'], ['Pakistan', 'PK', 'باكستان'], ['Bangladesh', 'BD', 'بنغلاديش'], ['Sri Lanka', 'LK', 'سريلانكا'], ['Nepal', 'NP', 'نيبال'],
  ['Indonesia', 'ID', 'إندونيسيا'], ['Malaysia', 'MY', 'ماليزيا'], ['Philippines', 'PH', 'الفلبين'], ['Colombia', 'CO', 'كولومبيا'], ['Peru', 'PE', 'بيرو'],
  ['Guatemala', 'GT', 'غواتيمالا'], ['Honduras', 'HN', 'هندوراس'], ['El Salvador', 'SV', 'السلفادور'], ['Ukraine', 'UA', 'أوكرانيا'], ['Moldova', 'MD', 'مولدوفا'],
];

/** Each sector's program areas, in English and in Arabic (for the records with an Arabic title: projects, check-in points). */
const SECTORS: readonly { sector: Sector; areas: readonly (readonly [string, string])[]; ar: string }[] = [
  { sector: 'police', areas: [['Community policing', 'الشرطة المجتمعية'], ['Forensics', 'الأدلة الجنائية'], ['Criminal investigations', 'التحقيقات الجنائية'], ['Police training academy', 'أكاديمية تدريب الشرطة']], ar: 'الشرطة المجتمعية' },
  { sector: 'judiciary', areas: [['Case management', 'إدارة القضايا'], ['Judicial training', 'التدريب القضائي'], ['Court administration', 'إدارة المحاكم']], ar: 'إدارة القضايا في المحاكم' },
  { sector: 'corrections', areas: [['Prison management', 'إدارة السجون'], ['Rehabilitation programs', 'برامج إعادة التأهيل']], ar: 'إدارة السجون وإعادة التأهيل' },
  { sector: 'border_security', areas: [['Border patrol', 'دوريات الحدود'], ['Port of entry screening', 'التفتيش في منافذ الدخول'], ['Counter-smuggling', 'مكافحة التهريب']], ar: 'أمن الحدود ومكافحة التهريب' },
  { sector: 'defense', areas: [['Professional military education', 'التعليم العسكري المهني'], ['Logistics', 'الإمداد والتموين'], ['Civil-military relations', 'العلاقات المدنية العسكرية']], ar: 'التعليم العسكري المهني' },
  { sector: 'maritime', areas: [['Coast guard operations', 'عمليات خفر السواحل'], ['Maritime domain awareness', 'الوعي بالمجال البحري']], ar: 'الأمن البحري وخفر السواحل' },
  { sector: 'counterterrorism', areas: [['Crisis response', 'الاستجابة للأزمات'], ['Terrorist financing', 'مكافحة تمويل الإرهاب'], ['Prevention programs', 'برامج الوقاية']], ar: 'مكافحة الإرهاب والاستجابة للأزمات' },
];

/** Names in English and as an Arabic text writes them (for the fields that have an Arabic twin: MOU signatories). */
const FIRST: readonly [string, string][] = [
  ['Ahmed', 'أحمد'], ['Fatima', 'فاطمة'], ['Youssef', 'يوسف'], ['Leila', 'ليلى'], ['Omar', 'عمر'], ['Salma', 'سلمى'], ['Karim', 'كريم'], ['Nadia', 'نادية'],
  ['Hassan', 'حسن'], ['Rania', 'رانيا'], ['Sarah', 'سارة'], ['Michael', 'مايكل'], ['Jennifer', 'جنيفر'], ['David', 'ديفيد'], ['Emily', 'إميلي'], ['Robert', 'روبرت'],
];
const LAST: readonly [string, string][] = [
  ['Ben Ali', 'بن علي'], ['Haddad', 'حداد'], ['Mansour', 'منصور'], ['Khalil', 'خليل'], ['Nasser', 'ناصر'], ['Saleh', 'صالح'], ['Farouk', 'فاروق'],
  ['Aziz', 'عزيز'], ['Johnson', 'جونسون'], ['Miller', 'ميلر'], ['Garcia', 'غارسيا'], ['Nguyen', 'نغوين'], ['Okafor', 'أوكافور'], ['Brennan', 'برينان'],
];
/** Benchmarks: the title's opening (in English, then in Arabic), the unit, the definition's opening. */
const INDICATORS = [
  ['Officers trained in', 'الأفراد المدربون في مجال', 'number', 'Number of personnel who completed the certified course in'],
  ['Share of cases closed within 90 days in', 'نسبة القضايا المغلقة خلال 90 يومًا في مجال', 'percent', 'Percentage of cases opened in the period that were closed within 90 days, for'],
  ['Standard operating procedures adopted for', 'اعتماد إجراءات التشغيل الموحدة في مجال', 'yes_no', 'Whether the partner formally adopted written procedures for'],
  ['Joint exercises conducted in', 'التمارين المشتركة المنفذة في مجال', 'number', 'Number of joint exercises held with U.S. participation in'],
  ['Assessment of institutional capacity in', 'تقييم القدرة المؤسسية في مجال', 'text', 'Qualitative assessment, agreed jointly, of institutional capacity in'],
] as const;
const METHODS = ['Registry extract', 'Joint site visit', 'Partner ministry report', 'Course attendance records', 'Third-party survey'];
const RATINGS = ['on_track', 'on_track', 'on_track', 'at_risk', 'at_risk', 'off_track'] as const;
const AUTHORITIES = ['FMF', 'IMET', 'SECTION_333', 'INCLE', 'ESF', 'PKO', 'NADR', 'OTHER'] as const;
const LOCAL_CURRENCIES: Record<string, { currency: string; decimals: number }> = {
  JO: { currency: 'JOD', decimals: 3 },
  KW: { currency: 'KWD', decimals: 3 },
  BH: { currency: 'BHD', decimals: 3 },
  TN: { currency: 'TND', decimals: 3 },
  OM: { currency: 'OMR', decimals: 3 },
  LY: { currency: 'LYD', decimals: 3 },
  IQ: { currency: 'IQD', decimals: 0 },
};
const AUTHORITY_NAMES: Record<(typeof AUTHORITIES)[number], string> = { FMF: 'FMF', IMET: 'IMET', SECTION_333: 'Section 333', INCLE: 'INCLE', ESF: 'ESF', PKO: 'PKO', NADR: 'NADR', OTHER: 'Other' };
/** A clause's heading, its English text and its Arabic text; the Arabic heading is CLAUSE_HEADINGS_AR at the same index. */
const CLAUSE_TOPICS = [
  ['Purpose', 'This Memorandum sets out how the Participants will plan, assess and resource cooperation in', 'تحدد هذه المذكرة كيفية تخطيط المشاركين للتعاون وتقييمه وتوفير الموارد له في مجال'],
  ['Benchmarks', 'The Participants agree to measure progress against the benchmarks listed in the annex for', 'يتفق المشاركون على قياس التقدم وفق المعايير الواردة في الملحق بشأن'],
  ['Joint assessment', 'At each check-in point the Participants will jointly assess progress and record the results for', 'في كل نقطة مراجعة يقيّم المشاركون التقدم بشكل مشترك ويسجلون النتائج بشأن'],
  ['Resources', 'Subject to the availability of funds, the United States intends to support activities in', 'رهناً بتوفر الأموال، تعتزم الولايات المتحدة دعم الأنشطة في مجال'],
  ['Training', 'The Participants will train personnel and share curricula for', 'يقوم المشاركون بتدريب الأفراد وتبادل المناهج التدريبية في مجال'],
  ['Reporting', 'The partner ministry will share quarterly reports on', 'تتقاسم الوزارة الشريكة تقارير فصلية حول'],
] as const;
const CLAUSE_HEADINGS_AR = ['الغرض', 'المعايير', 'التقييم المشترك', 'الموارد', 'التدريب', 'التقارير'] as const;
const MEETING_KINDS = [
  ['Quarterly planning', 'اجتماع التخطيط الفصلي'],
  ['Joint assessment', 'اجتماع التقييم المشترك'],
  ['Budget review', 'اجتماع مراجعة الميزانية'],
  ['Sector working group', 'اجتماع الفريق العامل القطاعي'],
] as const;
const ACTIONS = [
  ['Share the training curriculum', 'مشاركة المنهج التدريبي'],
  ['Send the quarterly data extract', 'إرسال مستخرج البيانات الفصلي'],
  ['Confirm the site visit dates', 'تأكيد مواعيد الزيارة الميدانية'],
  ['Draft the budget justification', 'صياغة مبررات الميزانية'],
] as const;

interface BenchmarkPlan {
  unit: string;
  baseline: number;
  target: number;
  /** How fast this benchmark moves against its straight line (1: on it). */
  pace: number;
  start: string;
  targetDate: string;
}

/** A measured value `share` of the way from baseline to target, at the benchmark's pace, typed by its unit. */
function measuredValue(plan: BenchmarkPlan, share: number): string {
  const reached = Math.min(1.2, share * plan.pace);
  if (plan.unit === 'yes_no') return reached >= 1 ? 'yes' : 'no';
  if (plan.unit === 'text') return reached >= 1 ? 'Capacity rated adequate' : reached >= 0.5 ? 'Capacity improving' : 'Capacity limited';
  const value = plan.baseline + (plan.target - plan.baseline) * reached;
  return String(plan.unit === 'percent' ? Math.min(100, Math.round(value)) : Math.round(value));
}

export interface SeedOptions {
  size: SeedSize;
  seed?: number;
  /** The day the dataset is built around (ISO date); the officer's local today when absent. */
  today?: string;
  onProgress?: (type: string, count: number) => void;
  /** Where partner numbering starts: several seeded posts gathered in one database (benches at 2x-4x) keep distinct partner names. */
  partnerOffset?: number;
  /** Off: leave out the U.S. budget calendar (the same deadlines for every post), when gathering another post's records into a database that has it. */
  budgetCalendar?: boolean;
}

/** Writes the dataset in one transaction; returns how many records of each type it wrote. */
export function seedDatabase(store: Store, options: SeedOptions): SeedCounts {
  const plan = SEED_PLANS[options.size];
  const random = prng(options.seed ?? 1);
  const today = options.today ?? localToday();
  const day = (offset: number) => addDays(today, offset);
  const year = Number(today.slice(0, 4));
  // Ids: UUIDv7 with a fixed clock and seeded random bits, so a seed always gives the same ids.
  let idClock = Date.UTC(2026, 0, 1);
  const nextId = () => uuidv7(idClock++, (bytes) => bytes.forEach((_, i) => (bytes[i] = Math.floor(random.next() * 256))));
  const counts: SeedCounts = {};
  const schemas = new Map<string, ReturnType<typeof inputSchema>>();
  const add = (type: string, values: Record<string, unknown>): string => {
    let schema = schemas.get(type);
    if (!schema) schemas.set(type, (schema = inputSchema(recordType(type))));
    const id = insertRecord(store, type, schema.parse(values) as Record<string, unknown>, { id: nextId() });
    counts[type] = (counts[type] ?? 0) + 1;
    if (counts[type] % 2000 === 0) options.onProgress?.(type, counts[type]);
    return id;
  };
  /** A name in English and in Arabic letters. */
  const namePair = (): [string, string] => {
    const [first, firstAr] = random.pick(FIRST);
    const [last, lastAr] = random.pick(LAST);
    return [`${first} ${last}`, `${firstAr} ${lastAr}`];
  };
  const person = () => namePair()[0];

  store.transaction(() => {
    const usAgencies = ['Department of State, INL', 'Department of Defense, DSCA', 'Department of Justice, ICITAP', 'Department of Homeland Security'].map((name) => add('stakeholders', { name, kind: 'us_agency' }));
    const usOffices = ['Office of Security Cooperation', 'Political-Military Section', 'INL Section', 'Regional Security Office', 'Management Section (budget)'].map((name) => add('stakeholders', { name, kind: 'us_office' }));
    const usPeople: { id: string; manager: boolean }[] = [];
    for (const [index, office] of [...usAgencies, ...usOffices].entries()) {
      for (let i = 0; i < 3; i++) {
        const manager = index === usAgencies.length + 4 || (i === 0 && random.chance(0.3));
        usPeople.push({ id: add('people', { name: person(), stakeholderId: office, role: manager ? 'Resource manager' : random.pick(['Program officer', 'Desk officer', 'Section chief']), email: `officer${usPeople.length + 1}@state.example`, isResourceManager: manager }), manager });
      }
    }
    const goals: string[] = [];
    const objectives: string[] = [];
    (
      [
        ['Security partnerships that last', 'شراكات أمنية دائمة'],
        ['Rule of law that citizens trust', 'سيادة قانون يثق بها المواطنون'],
        ['Secure borders and sea lanes', 'حدود وممرات بحرية آمنة'],
        ['Resilience against violent extremism', 'الصمود في وجه التطرف العنيف'],
        ['Accountable defense institutions', 'مؤسسات دفاعية خاضعة للمساءلة'],
      ] as const
    ).forEach(([title, titleAr], g) => {
      const goal = add('objectives', { code: `MG${g + 1}`, title, titleAr, level: 'goal', description: `Mission goal ${g + 1} of the Integrated Country Strategy.` });
      goals.push(goal);
      for (let o = 1; o <= 4; o++) objectives.push(add('objectives', { code: `MO${g + 1}.${o}`, title: `${title}: objective ${o}`, titleAr: `${titleAr}، الهدف الفرعي ${o}`, level: 'objective', parentId: goal, description: `Objective ${o} under mission goal ${g + 1}; هدف فرعي ${o}.` }));
    });
    // Budget deadlines around today: one past, the next Mission Resource Request in 10 days (inside the first screen's 14, and assessments
    // due after it are late for it: the pilot's next check-in point, in 12 days, is), and later ones.
    // The brief for the next one has already gone to a resource manager for every other partner (recorded below),
    // so the readiness dashboard shows both states.
    let nextDeadline: string | undefined;
    const requestAr = { 'Bureau Resource Request': 'طلب موارد المكتب', 'Mission Resource Request': 'طلب موارد البعثة' } as const;
    if (options.budgetCalendar !== false) ([[-160, 'Bureau Resource Request'], [NEXT_DEADLINE_DAYS, 'Mission Resource Request'], [140, 'Bureau Resource Request'], [390, 'Mission Resource Request'], [505, 'Bureau Resource Request'], [755, 'Mission Resource Request']] as const).forEach(([offset, name]) => {
      const date = day(offset);
      const fiscalYear = Number(date.slice(0, 4)) + 2;
      const id = add('budgetDeadlines', { name: `${name} FY${fiscalYear}`, nameAr: `${requestAr[name]} للسنة المالية ${fiscalYear}`, date, fiscalYear, notes: name.startsWith('Mission') ? 'طلب موارد البعثة' : '' });
      if (offset === NEXT_DEADLINE_DAYS) nextDeadline = id;
    });
    const resourceManager = usPeople.find((p) => p.manager)?.id;

    for (let p = 0; p < plan.partners; p++) {
      const n = p + (options.partnerOffset ?? 0);
      const [country, code, countryAr] = COUNTRIES[n % COUNTRIES.length]!;
      const round = Math.floor(n / COUNTRIES.length);
      const partner = add('partners', { name: round ? `${country} (${round + 1})` : country, nameAr: round ? `${countryAr} (${round + 1})` : countryAr, isoCode: code, notes: `Partner nation ${country} — الدولة الشريكة ${countryAr}.` });
      const sectors = random.sample(SECTORS, 4);
      for (const s of sectors) {
        const agreed = random.chance(0.6);
        add('sectorPriorities', {
          partnerId: partner,
          sector: s.sector,
          programArea: random.pick(s.areas)[0],
          priority: random.pick(['high', 'medium', 'low']),
          agreementStatus: agreed ? 'agreed' : random.pick(['proposed', 'declined']),
          agreedOn: agreed ? day(-random.int(30, 420)) : '',
          agreedBy: agreed ? `${person()}, Ministry of Interior` : '',
          notes: `أولوية متفق عليها في مجال ${s.ar}`,
        });
      }
      const ministries = ['Ministry of Interior', 'Ministry of Justice', 'Ministry of Defense', 'National Police', 'Coast Guard', 'Border Guard'].map((name) =>
        add('stakeholders', { name: `${country} ${name}`, kind: name.startsWith('Ministry') ? 'partner_ministry' : 'partner_unit', partnerId: partner }),
      );
      const partnerPeople = ministries.flatMap((ministry) => [0, 1].map(() => add('people', { name: person(), stakeholderId: ministry, role: random.pick(['Director General', 'Training director', 'Planning officer', 'Legal adviser']), phone: `+${random.int(200, 999)} ${random.int(1000000, 9999999)}` })));
      const projectIds: string[] = [];
      const benchmarksByProject = new Map<string, string[]>();
      const checkInsByProject = new Map<string, string[]>();
      const benchmarkPlans = new Map<string, BenchmarkPlan>();
      for (let j = 0; j < plan.projectsPerPartner; j++) {
        const s = sectors[j % sectors.length]!;
        const [area, areaAr] = random.pick(s.areas);
        const start = day(-random.int(240, 560));
        const project = add('projects', {
          title: `${area} ${j === 0 ? 'pilot' : 'program'} (${country} ${j + 1})`,
          titleAr: `${j === 0 ? 'مشروع تجريبي في' : 'برنامج'} ${areaAr} (${countryAr} ${j + 1})`,
          partnerId: partner,
          sector: s.sector,
          isPilot: j === 0,
          partnerLead: person(),
          usLead: random.pick(['INL', 'OSC', 'ICITAP', 'DSCA']),
          objectives: `Strengthen ${area.toLowerCase()} with the ${country} authorities. تعزيز ${s.ar}.`,
          status: random.pick(['proposed', 'active', 'active', 'active', 'completed']),
          startDate: start,
          endDate: addDays(start, random.int(1000, 1200)),
          objectiveIds: random.sample(objectives, 2),
        });
        projectIds.push(project);
        const benchmarks: string[] = [];
        for (let b = 0; b < plan.benchmarksPerProject; b++) {
          const [title, titleAr, unit, definition] = INDICATORS[b % INDICATORS.length]!;
          const targetDate = addDays(start, random.int(600, 900));
          const baseline = unit === 'yes_no' ? 'no' : unit === 'text' ? 'Capacity limited' : unit === 'percent' ? String(random.int(5, 40)) : String(random.int(0, 40));
          const target = unit === 'percent' ? String(random.int(50, 95)) : unit === 'yes_no' ? 'yes' : unit === 'text' ? 'Capacity rated adequate' : String(random.int(50, 2000));
          const benchmark = add('benchmarks', {
            title: `${title} ${area.toLowerCase()} #${b + 1}`,
            titleAr: `${titleAr} ${areaAr} (${b + 1})`,
            projectId: project,
            definition: `${definition} ${area.toLowerCase()}, ${country}.`,
            unit,
            baselineValue: baseline,
            baselineDate: start,
            targetValue: target,
            targetDate,
            dataSource: random.pick(METHODS),
            collectionMethod: random.pick(METHODS),
            frequency: random.pick(['monthly', 'quarterly', 'semiannual', 'annual']),
            responsibleParty: random.pick(['us', 'partner', 'joint']),
            objectiveIds: random.sample(objectives, 1),
          });
          benchmarks.push(benchmark);
          benchmarkPlans.set(benchmark, { unit, baseline: Number(baseline) || 0, target: Number(target) || 0, pace: 0.6 + random.next() * 0.7, start, targetDate });
          // A periodic target halfway, for half of the numeric benchmarks.
          if ((unit === 'number' || unit === 'percent') && random.chance(0.5)) {
            add('benchmarkTargets', { benchmarkId: benchmark, date: addDays(start, Math.round(daysBetween(start, targetDate) / 2)), value: String(Math.round((Number(baseline) + Number(target)) / 2)) });
          }
        }
        benchmarksByProject.set(project, benchmarks);
        const checkIns: string[] = [];
        for (let c = 0; c < plan.checkInsPerProject; c++) {
          // From the project's start to a year ahead. The first to come falls within 14 days: the pilot's just after the next
          // deadline (late for it), the others before it (in time); the second just after the deadline.
          const pastCount = Math.ceil(plan.checkInsPerProject * 0.6);
          const span = Math.max(1, daysBetween(start, today) - 20);
          const due =
            c < pastCount
              ? addDays(start, Math.round(((c + 1) * span) / pastCount) + random.int(0, 6))
              : c === pastCount
                ? day(j === 0 ? NEXT_DEADLINE_DAYS + 2 : random.int(2, NEXT_DEADLINE_DAYS - 1))
                : c === pastCount + 1
                  ? day(random.int(28, 45))
                  : day(45 + Math.round(((c - pastCount - 1) * 320) / Math.max(1, plan.checkInsPerProject - pastCount - 1)) + random.int(0, 6));
          // Mostly assessed in the past; the latest past one of the pilot is still open, so a demo has an overdue assessment.
          const past = due < today;
          const overdue = past && j === 0 && c === pastCount - 1;
          const status = overdue ? 'planned' : past ? (random.chance(0.85) ? 'assessed' : random.pick(['planned', 'missed'])) : 'planned';
          const assessed = random.sample(benchmarks, random.int(1, 3));
          checkIns.push(
            add('checkIns', {
              title: `Joint review ${c + 1}: ${area}`,
              titleAr: `المراجعة المشتركة ${c + 1} (${areaAr})`,
              projectId: project,
              dueDate: due,
              benchmarkIds: assessed,
              status,
              rating: status === 'assessed' ? random.pick(RATINGS) : 'not_rated',
              evidenceNotes: status === 'assessed' ? `Site visit and registry review. زيارة ميدانية ومراجعة السجلات (${area}).` : '',
              assessedOn: status === 'assessed' ? due : '',
              partnerAcknowledgedBy: status === 'assessed' && random.chance(0.7) ? person() : '',
              partnerAcknowledgedOn: status === 'assessed' ? due : '',
            }),
          );
          if (status === 'assessed') {
            const checkIn = checkIns[checkIns.length - 1]!;
            for (const benchmarkId of assessed) {
              const planned = benchmarkPlans.get(benchmarkId)!;
              add('measurements', { benchmarkId, checkInId: checkIn, value: measuredValue(planned, daysBetween(planned.start, due) / Math.max(1, daysBetween(planned.start, planned.targetDate))), measuredOn: due, rating: random.pick(RATINGS), comment: random.chance(0.3) ? 'Figures from the partner ministry, checked on site.' : '' });
            }
          }
        }
        checkInsByProject.set(project, checkIns);
        // The line's title names the authority it is funded under.
        const authority = random.pick(AUTHORITIES);
        add('resources', {
          title: `${AUTHORITY_NAMES[authority]} support for ${area.toLowerCase()}`,
          partnerId: partner,
          projectId: project,
          authority,
          fiscalYear: year + random.int(0, 2),
          requestedMinor: random.int(10, 500) * 10_000_00,
          approvedMinor: random.chance(0.5) ? random.int(1, 10) * 10_000_00 : null,
          currency: 'USD',
          constraint: random.pick(['Funds arrive late in the fiscal year.', 'Congressional notification pending.', 'Partner co-funding not yet confirmed.']),
          risk: random.pick(['low', 'medium', 'high']),
          mitigation: random.pick(['Front-load the request in the MRR.', 'Phase the training over two years.', 'Use a no-cost extension.']),
        });
      }
      // Where the partner's currency has three decimals (or none), its co-funding is held in it, exact in minor units.
      const local = LOCAL_CURRENCIES[code];
      if (local) {
        add('resources', {
          title: `Partner co-funding (${local.currency})`,
          partnerId: partner,
          projectId: projectIds[0],
          authority: 'OTHER',
          fiscalYear: year + 1,
          requestedMinor: random.int(50, 900) * 1000 * 10 ** local.decimals + random.int(0, 999),
          approvedMinor: null,
          currency: local.currency,
          constraint: 'Depends on the partner ministry budget law.',
          risk: 'medium',
          mitigation: 'Agree the share at the next planning meeting.',
        });
      }
      if (nextDeadline && resourceManager && p % 2 === 0) {
        add('briefDeliveries', { subject: `Assessment brief: ${country}`, deadlineId: nextDeadline, partnerId: partner, recipientId: resourceManager, deliveredOn: day(-3), language: 'both', format: 'pdf' });
      }
      for (let m = 0; m < plan.mousPerPartner; m++) {
        const s = sectors[m % sectors.length]!;
        const finalStatus = random.pick(['draft', 'in_negotiation', 'agreed', 'signed'] as const);
        const draftValues = {
          title: `${s.areas[0]![0]} MOU with ${country}${m ? ` (${m + 1})` : ''}`,
          titleAr: `مذكرة تفاهم بشأن ${s.ar} مع ${countryAr}${m ? ` (${m + 1})` : ''}`,
          partnerId: partner,
          sector: s.sector,
          status: finalStatus === 'signed' ? 'agreed' : finalStatus,
          parties: [`${country} Ministry of Interior`, `U.S. Embassy, ${country}`],
          partiesAr: [`وزارة الداخلية في ${countryAr}`, `سفارة الولايات المتحدة في ${countryAr}`],
          summary: `Benchmarks and check-in points for ${s.areas[0]![0].toLowerCase()}. مذكرة تفاهم بشأن ${s.ar}.`,
        };
        const mou = add('mouDrafts', draftValues);
        const project = projectIds[m % projectIds.length]!;
        for (let k = 0; k < plan.clausesPerMou; k++) {
          const [heading, en, ar] = CLAUSE_TOPICS[k % CLAUSE_TOPICS.length]!;
          add('mouClauses', {
            mouId: mou,
            position: k + 1,
            heading: `${heading} ${k + 1}`,
            headingAr: `${CLAUSE_HEADINGS_AR[k % CLAUSE_HEADINGS_AR.length]!} ${k + 1}`,
            textEn: `${en} ${s.areas[0]![0].toLowerCase()} in ${country} (clause ${k + 1}).`,
            textAr: `${ar} ${s.ar} في ${countryAr} (البند ${k + 1}).`,
            benchmarkIds: random.sample(benchmarksByProject.get(project)!, 2),
            checkInIds: random.sample(checkInsByProject.get(project)!, 1),
            objectiveIds: random.sample(objectives, 1),
          });
        }
        const [usName, usNameAr] = namePair();
        const [partnerName, partnerNameAr] = namePair();
        add('mouSignatories', { mouId: mou, name: usName, nameAr: usNameAr, jobTitle: 'Ambassador', jobTitleAr: 'السفير', organisation: `U.S. Embassy, ${country}`, organisationAr: `سفارة الولايات المتحدة في ${countryAr}`, side: 'us', signingOrder: 1 });
        add('mouSignatories', { mouId: mou, name: partnerName, nameAr: partnerNameAr, jobTitle: 'Minister of Interior', jobTitleAr: 'وزير الداخلية', organisation: `${country} Ministry of Interior`, organisationAr: `وزارة الداخلية في ${countryAr}`, side: 'partner', signingOrder: 2 });
        if (finalStatus === 'signed') updateRecord(store, 'mouDrafts', mou, { ...draftValues, status: 'signed' });
      }
      for (let m = 0; m < plan.meetingsPerPartner; m++) {
        const decides = random.chance(0.4);
        // Every two months up to last week.
        const meetingDate = day(-7 - (plan.meetingsPerPartner - 1 - m) * 60 - random.int(0, 10));
        const attendees = [...random.sample(partnerPeople, 3), ...random.sample(usPeople, 2).map((entry) => entry.id)];
        const [meetingKind, meetingKindAr] = random.pick(MEETING_KINDS);
        const meeting = add('meetings', {
          title: `${meetingKind} meeting ${m + 1}`,
          titleAr: `${meetingKindAr} ${m + 1}`,
          partnerId: partner,
          date: meetingDate,
          type: decides ? 'resourcing' : random.pick(['planning', 'assessment', 'other']),
          decidesResources: decides,
          attendees: attendees.map((personId, index) => ({ personId, role: index < 3 ? 'Partner delegation' : 'U.S. delegation' })),
          agenda: 'Review benchmarks; agree next check-in points. مراجعة المعايير والاتفاق على نقاط المراجعة القادمة.',
          minutes: `The participants reviewed progress on ${sectors[0]!.areas[0]![0].toLowerCase()}.`,
          decisions: decides ? 'Request additional funds in the next Mission Resource Request.' : 'Continue as planned.',
          decisionsAr: decides ? 'طلب تمويل إضافي في طلب موارد البعثة القادم.' : 'الاستمرار وفق الخطة.',
        });
        for (let a = 0; a < 3; a++) {
          const [description, descriptionAr] = random.pick(ACTIONS);
          add('actionItems', {
            description,
            descriptionAr,
            meetingId: meeting,
            ownerId: random.pick(attendees),
            // The last meeting's items fall due in the coming two weeks; earlier ones are done or, some, overdue.
            dueDate: m === plan.meetingsPerPartner - 1 ? day(random.int(1, 13)) : addDays(meetingDate, random.int(14, 40)),
            status: m === plan.meetingsPerPartner - 1 ? 'open' : random.pick(['open', 'done', 'done', 'cancelled']),
          });
        }
      }
      options.onProgress?.('partners', p + 1);
    }
  });
  // A bulk load: give the planner statistics for what it now holds.
  refreshStatistics(store.db);
  return counts;
}
