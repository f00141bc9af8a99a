import { formatDate, formatDateTime, formatMessage as formatCatalogMessage, formatMoney, formatNumber } from '../../shared/i18n/format';
import { parseIssueMessage, type MessageKey, type MessageParams } from '../../shared/i18n/message';
import { formatMessage, type Language } from '../../shared/messages';
import { useUiStore } from './store';
import { documentStrings } from './documents/documentStrings';
import { syncStrings } from './sync/syncStrings';

const strings = {
  appName: { en: 'Accord', ar: 'أكورد' },
  navPartners: { en: 'Partner nations', ar: 'الدول الشريكة' },
  navMou: { en: 'MOU drafts', ar: 'مسودات مذكرات التفاهم' },
  language: { en: 'العربية', ar: 'English' },
  languageLabel: { en: 'Switch to Arabic', ar: 'التبديل إلى الإنجليزية' },
  loading: { en: 'Loading…', ar: 'جارٍ التحميل…' },
  newPartner: { en: 'New partner nation', ar: 'دولة شريكة جديدة' },
  partnerName: { en: 'Name', ar: 'الاسم' },
  isoCode: { en: 'Country code', ar: 'رمز البلد' },
  noPartners: { en: 'No partner nations yet. Add the first one to start planning.', ar: 'لا توجد دول شريكة بعد. أضف أول دولة لبدء التخطيط.' },
  newMou: { en: 'New MOU draft', ar: 'مسودة مذكرة تفاهم جديدة' },
  noMou: { en: 'No MOU drafts yet.', ar: 'لا توجد مسودات بعد.' },
  noMouNeedsPartner: { en: 'Add a partner nation first: every MOU draft belongs to one.', ar: 'أضف دولة شريكة أولًا: كل مسودة تخص دولة شريكة.' },
  title: { en: 'Title', ar: 'العنوان' },
  partner: { en: 'Partner nation', ar: 'الدولة الشريكة' },
  sector: { en: 'Sector', ar: 'القطاع' },
  status: { en: 'Status', ar: 'الحالة' },
  mouCount: { en: 'MOU drafts', ar: 'المسودات' },
  updated: { en: 'Updated', ar: 'آخر تحديث' },
  actions: { en: 'Actions', ar: 'إجراءات' },
  save: { en: 'Save', ar: 'حفظ' },
  saving: { en: 'Saving…', ar: 'جارٍ الحفظ…' },
  cancel: { en: 'Cancel', ar: 'إلغاء' },
  edit: { en: 'Edit', ar: 'تعديل' },
  delete: { en: 'Delete', ar: 'حذف' },
  confirmDeleteTitle: { en: 'Delete this record?', ar: 'حذف هذا السجل؟' },
  confirmDeletePartner: { en: 'Delete the partner nation “{0}”? This cannot be undone.', ar: 'حذف الدولة الشريكة «{0}»؟ لا يمكن التراجع عن ذلك.' },
  confirmDeleteMou: { en: 'Delete the MOU draft “{0}”? This cannot be undone.', ar: 'حذف المسودة «{0}»؟ لا يمكن التراجع عن ذلك.' },
  saved: { en: 'Saved.', ar: 'تم الحفظ.' },
  deleted: { en: 'Deleted.', ar: 'تم الحذف.' },
  dismiss: { en: 'Dismiss', ar: 'إغلاق' },
  post: { en: 'Post', ar: 'الموقع' },
  // Planning model pages (renderer/src/planning/)
  planningNav: { en: 'Planning', ar: 'التخطيط' },
  newRecord: { en: 'New {0}', ar: 'إضافة {0}' },
  editRecord: { en: 'Edit {0}: {1}', ar: 'تعديل {0}: {1}' },
  addRecord: { en: 'Add {0}', ar: 'إضافة {0}' },
  addLinked: { en: 'Add a linked record', ar: 'إضافة سجل مرتبط' },
  searchIn: { en: 'Search {0}', ar: 'البحث في {0}' },
  any: { en: 'Any', ar: 'الكل' },
  yes: { en: 'Yes', ar: 'نعم' },
  no: { en: 'No', ar: 'لا' },
  none: { en: 'None', ar: 'لا شيء' },
  choose: { en: 'Choose…', ar: 'اختر…' },
  chosen: { en: 'Chosen', ar: 'المختار' },
  typeToSearch: { en: 'Type to search', ar: 'اكتب للبحث' },
  removeItem: { en: 'Remove {0}', ar: 'إزالة {0}' },
  remove: { en: 'Remove', ar: 'إزالة' },
  noMatches: { en: 'Nothing matches.', ar: 'لا توجد نتائج مطابقة.' },
  noRecordsYet: { en: 'No records yet in {0}.', ar: 'لا توجد سجلات بعد في {0}.' },
  recordCount: { en: '{0} records', ar: '{0} سجل' },
  showingOf: { en: 'Showing {0} of {1} records; narrow the search to see the rest.', ar: 'عرض {0} من {1} سجل؛ ضيّق البحث لرؤية البقية.' },
  untitled: { en: '(untitled)', ar: '(بدون عنوان)' },
  pageNotFound: { en: 'This page does not exist.', ar: 'هذه الصفحة غير موجودة.' },
  amountHint: { en: 'In whole currency units with up to two decimals, e.g. 1250000.00', ar: 'بوحدات العملة مع منزلتين عشريتين على الأكثر، مثل 1250000.00' },
  onePerLine: { en: 'One per line', ar: 'واحد في كل سطر' },
  addTarget: { en: 'Add a periodic target', ar: 'إضافة هدف دوري' },
  targetDateN: { en: 'Target {0} date', ar: 'تاريخ الهدف {0}' },
  targetValueN: { en: 'Target {0} value', ar: 'قيمة الهدف {0}' },
  chooseBenchmarksFirst: { en: 'Choose the benchmarks assessed first.', ar: 'اختر المعايير المقيّمة أولًا.' },
  measuredFor: { en: 'Measured value: {0}', ar: 'القيمة المقيسة: {0}' },
  addAttendee: { en: 'Add an attendee', ar: 'إضافة حاضر' },
  attendeeN: { en: 'Attendee {0}', ar: 'الحاضر {0}' },
  attendeeRoleN: { en: 'Attendee {0} role', ar: 'دور الحاضر {0}' },
  roleInMeeting: { en: 'Role in the meeting', ar: 'الدور في الاجتماع' },
  resourceManager: { en: 'Resource manager', ar: 'مدير موارد' },
  confirmDeleteRecord: { en: 'Delete the {0} “{1}”? This cannot be undone.', ar: 'حذف {0} «{1}»؟ لا يمكن التراجع عن ذلك.' },
  linksOut: { en: 'Links to', ar: 'يرتبط بـ' },
  linksIn: { en: 'Linked from', ar: 'مرتبط من' },
  noLinks: { en: 'No links.', ar: 'لا توجد روابط.' },
  auditTrail: { en: 'Audit trail', ar: 'سجل التدقيق' },
  noAudit: { en: 'No changes recorded.', ar: 'لا توجد تغييرات مسجلة.' },
  'audit.create': { en: 'Created', ar: 'أُنشئ' },
  'audit.update': { en: 'Edited', ar: 'عُدّل' },
  'audit.delete': { en: 'Deleted', ar: 'حُذف' },
  atPost: { en: 'at post {0}', ar: 'في الموقع {0}' },
  field: { en: 'Field', ar: 'الحقل' },
  before: { en: 'Before', ar: 'قبل' },
  after: { en: 'After', ar: 'بعد' },
  details: { en: 'Details', ar: 'التفاصيل' },
  partnerOverview: { en: 'Partner overview', ar: 'نظرة عامة على الشريك' },
  benchmarkStatus: { en: 'Benchmark status', ar: 'حالة المعايير' },
  overdueCheckIns: { en: 'Overdue check-in points', ar: 'نقاط مراجعة متأخرة' },
  upcomingCheckIns: { en: 'Upcoming check-in points', ar: 'نقاط المراجعة القادمة' },
  openActionItems: { en: 'Open action items', ar: 'بنود العمل المفتوحة' },
  resourcingReadiness: { en: 'Resourcing readiness', ar: 'الجاهزية لقرارات الموارد' },
  noDeadlines: { en: 'No budget deadlines on the calendar.', ar: 'لا توجد مواعيد ميزانية في التقويم.' },
  allInTime: { en: 'all assessments in time', ar: 'جميع التقييمات في الوقت المناسب' },
  lateFor: { en: '{0} assessment(s) will be late:', ar: '{0} تقييم سيتأخر:' },
  meetingsWithoutRm: { en: 'Meetings deciding resources without a resource manager', ar: 'اجتماعات تقرر الموارد دون مدير موارد' },
  recordAssessment: { en: 'Record assessment', ar: 'تسجيل التقييم' },
  assessmentAt: { en: 'Joint assessment: {0}', ar: 'التقييم المشترك: {0}' },
  assessmentIntro: {
    en: 'Due {0}. Record the value measured for each benchmark, the rating both sides agree on, the evidence, and who acknowledged it for the partner.',
    ar: 'الاستحقاق {0}. سجّل القيمة المقيسة لكل معيار، والتقييم المتفق عليه بين الجانبين، والأدلة، ومن أقر بها من جانب الشريك.',
  },
  clauses: { en: 'Clauses', ar: 'البنود' },
  addClause: { en: 'Add a clause', ar: 'إضافة بند' },
  noClauses: { en: 'No clauses yet.', ar: 'لا توجد بنود بعد.' },
  clauseNumber: { en: 'Clause {0}.', ar: 'البند {0}.' },
  cites: { en: 'Cites {0} benchmark(s) and {1} check-in point(s):', ar: 'يذكر {0} معيار و{1} نقطة مراجعة:' },
  searchEverything: { en: 'Search everything', ar: 'البحث في كل السجلات' },
  searchPlaceholder: { en: 'Search everything (/ or Ctrl+K)', ar: 'البحث في كل السجلات (/ أو Ctrl+K)' },
  resultsFor: { en: 'Results for “{0}”', ar: 'نتائج «{0}»' },
  versions: { en: 'Saved versions', ar: 'النسخ المحفوظة' },
  versionLabel: { en: 'Label for a new version', ar: 'تسمية النسخة الجديدة' },
  saveVersion: { en: 'Save this version', ar: 'حفظ هذه النسخة' },
  versionSaved: { en: 'Version {0} saved.', ar: 'تم حفظ النسخة {0}.' },
  noVersions: { en: 'No saved versions yet. Save one before sending the draft to the partner.', ar: 'لا توجد نسخ محفوظة بعد. احفظ نسخة قبل إرسال المسودة إلى الشريك.' },
  versionN: { en: 'Version {0}', ar: 'النسخة {0}' },
  currentDraft: { en: 'The draft as it is now', ar: 'المسودة بوضعها الحالي' },
  compareFrom: { en: 'Compare', ar: 'قارن' },
  compareTo: { en: 'with', ar: 'مع' },
  compare: { en: 'Show changes', ar: 'عرض التغييرات' },
  'change.added': { en: 'Added', ar: 'مضاف' },
  'change.removed': { en: 'Removed', ar: 'محذوف' },
  'change.changed': { en: 'Changed', ar: 'معدّل' },
  'change.unchanged': { en: 'Unchanged', ar: 'دون تغيير' },
  wasNumber: { en: 'was clause {0}', ar: 'كان البند {0}' },
  citationsChanged: { en: 'citations changed', ar: 'تغيرت الإحالات' },
  showAllN: { en: 'Show all {0}', ar: 'عرض الكل ({0})' },
  signatories: { en: 'Signatories, in signing order', ar: 'الموقّعون بترتيب التوقيع' },
  addSignatory: { en: 'Add a signatory', ar: 'إضافة موقّع' },
  noSignatories: { en: 'No signatories yet.', ar: 'لا يوجد موقّعون بعد.' },
  unsavedTitle: { en: 'Leave without saving?', ar: 'المغادرة دون حفظ؟' },
  unsavedMessage: { en: 'This form has changes that are not saved. They will be lost if you leave.', ar: 'في هذا النموذج تغييرات غير محفوظة. ستضيع إذا غادرت.' },
  unsavedLeave: { en: 'Leave without saving', ar: 'المغادرة دون حفظ' },
  ...syncStrings,
  ...documentStrings,
} as const satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof strings;

export function translate(language: Language, key: StringKey, ...args: string[]): string {
  return strings[key][language].replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)] ?? '');
}

/** A field error as react-hook-form holds it (a catalog message carried as JSON, or a legacy key text), in one language. */
export function issueText(language: Language, text: string | undefined): string | undefined {
  if (!text) return undefined;
  const carried = parseIssueMessage(text);
  return carried ? formatCatalogMessage(language, carried.key, carried.params) : formatMessage(text, language);
}

/**
 * The current language's text functions. `t` renders a catalog message
 * (shared/i18n); `legacyT` the old positional strings above, until every page
 * has moved to the catalog. Dates, times, numbers and amounts have one format
 * per language.
 */
export function useTranslation() {
  const language = useUiStore((state) => state.language);
  return {
    language,
    t: (key: MessageKey, params?: MessageParams) => formatCatalogMessage(language, key, params),
    legacyT: (key: StringKey, ...args: string[]) => translate(language, key, ...args),
    formatError: (message: string | undefined) => issueText(language, message),
    date: (iso: string | null | undefined) => formatDate(language, iso),
    dateTime: (iso: string | null | undefined) => formatDateTime(language, iso),
    number: (value: number) => formatNumber(language, value),
    money: (minor: number | null | undefined, currency: string | undefined) => formatMoney(language, minor, currency),
  };
}
