import { formatMessage, type Language } from '../../shared/messages';
import { useUiStore } from './store';

const strings = {
  appName: { en: 'Accord', ar: 'أكورد' },
  navPartners: { en: 'Partner nations', ar: 'الدول الشريكة' },
  navMou: { en: 'MOU drafts', ar: 'مسودات مذكرات التفاهم' },
  language: { en: 'العربية', ar: 'English' },
  languageLabel: { en: 'Switch to Arabic', ar: 'التبديل إلى الإنجليزية' },
  loading: { en: 'Loading…', ar: 'جارٍ التحميل…' },
  newPartner: { en: 'New partner nation', ar: 'دولة شريكة جديدة' },
  editPartner: { en: 'Edit partner nation', ar: 'تعديل الدولة الشريكة' },
  partnerName: { en: 'Name', ar: 'الاسم' },
  isoCode: { en: 'Country code', ar: 'رمز البلد' },
  notes: { en: 'Notes', ar: 'ملاحظات' },
  noPartners: { en: 'No partner nations yet. Add the first one to start planning.', ar: 'لا توجد دول شريكة بعد. أضف أول دولة لبدء التخطيط.' },
  newMou: { en: 'New MOU draft', ar: 'مسودة مذكرة تفاهم جديدة' },
  editMou: { en: 'Edit MOU draft', ar: 'تعديل مسودة مذكرة التفاهم' },
  noMou: { en: 'No MOU drafts yet.', ar: 'لا توجد مسودات بعد.' },
  noMouNeedsPartner: { en: 'Add a partner nation first: every MOU draft belongs to one.', ar: 'أضف دولة شريكة أولًا: كل مسودة تخص دولة شريكة.' },
  title: { en: 'Title', ar: 'العنوان' },
  partner: { en: 'Partner nation', ar: 'الدولة الشريكة' },
  choosePartner: { en: 'Choose…', ar: 'اختر…' },
  sector: { en: 'Sector', ar: 'القطاع' },
  status: { en: 'Status', ar: 'الحالة' },
  parties: { en: 'Parties (one per line)', ar: 'الأطراف (طرف في كل سطر)' },
  summary: { en: 'Summary', ar: 'الملخص' },
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
  'sector.police': { en: 'Police', ar: 'الشرطة' },
  'sector.judiciary': { en: 'Judiciary', ar: 'القضاء' },
  'sector.corrections': { en: 'Corrections', ar: 'الإصلاحيات' },
  'sector.border_security': { en: 'Border security', ar: 'أمن الحدود' },
  'sector.defense': { en: 'Defense', ar: 'الدفاع' },
  'sector.maritime': { en: 'Maritime', ar: 'الأمن البحري' },
  'sector.counterterrorism': { en: 'Counterterrorism', ar: 'مكافحة الإرهاب' },
  'sector.other': { en: 'Other', ar: 'أخرى' },
  'status.draft': { en: 'Draft', ar: 'مسودة' },
  'status.in_negotiation': { en: 'In negotiation', ar: 'قيد التفاوض' },
  'status.agreed': { en: 'Agreed', ar: 'متفق عليها' },
  'status.signed': { en: 'Signed', ar: 'موقعة' },
  'status.superseded': { en: 'Superseded', ar: 'مستبدلة' },
} as const satisfies Record<string, Record<Language, string>>;

export type StringKey = keyof typeof strings;

export function translate(language: Language, key: StringKey, ...args: string[]): string {
  return strings[key][language].replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)] ?? '');
}

/** The current language's text function, plus the validation-message formatter. */
export function useTranslation() {
  const language = useUiStore((state) => state.language);
  return {
    language,
    t: (key: StringKey, ...args: string[]) => translate(language, key, ...args),
    formatError: (message: string | undefined) => (message ? formatMessage(message, language) : undefined),
  };
}
