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
  partnerName: { en: 'Name', ar: 'الاسم' },
  title: { en: 'Title', ar: 'العنوان' },
  status: { en: 'Status', ar: 'الحالة' },
  mouCount: { en: 'MOU drafts', ar: 'المسودات' },
  actions: { en: 'Actions', ar: 'إجراءات' },
  cancel: { en: 'Cancel', ar: 'إلغاء' },
  edit: { en: 'Edit', ar: 'تعديل' },
  delete: { en: 'Delete', ar: 'حذف' },
  saved: { en: 'Saved.', ar: 'تم الحفظ.' },
  deleted: { en: 'Deleted.', ar: 'تم الحذف.' },
  dismiss: { en: 'Dismiss', ar: 'إغلاق' },
  post: { en: 'Post', ar: 'الموقع' },
  // Planning model pages (renderer/src/planning/)
  none: { en: 'None', ar: 'لا شيء' },
  chosen: { en: 'Chosen', ar: 'المختار' },
  linksOut: { en: 'Links to', ar: 'يرتبط بـ' },
  linksIn: { en: 'Linked from', ar: 'مرتبط من' },
  field: { en: 'Field', ar: 'الحقل' },
  before: { en: 'Before', ar: 'قبل' },
  after: { en: 'After', ar: 'بعد' },
  upcomingCheckIns: { en: 'Upcoming check-in points', ar: 'نقاط المراجعة القادمة' },
  clauses: { en: 'Clauses', ar: 'البنود' },
  versions: { en: 'Saved versions', ar: 'النسخ المحفوظة' },
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
