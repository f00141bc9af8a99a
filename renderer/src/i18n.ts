import { formatDate, formatDateTime, formatMessage, formatMoney, formatNumber } from '../../shared/i18n/format';
import { parseIssueMessage, type Language, type MessageKey, type MessageParams } from '../../shared/i18n/message';
import { useUiStore } from './store';

/** A field error as react-hook-form holds it (a catalog message carried as JSON), in one language. */
export function issueText(language: Language, text: string | undefined): string | undefined {
  if (!text) return undefined;
  const carried = parseIssueMessage(text);
  return carried ? formatMessage(language, carried.key, carried.params) : text;
}

/**
 * The current language's text functions: `t` renders a catalog message
 * (shared/i18n, one catalog per language). Dates, times, numbers and amounts
 * have one format per language.
 */
export function useTranslation() {
  const language = useUiStore((state) => state.language);
  return {
    language,
    t: (key: MessageKey, params?: MessageParams) => formatMessage(language, key, params),
    formatError: (message: string | undefined) => issueText(language, message),
    date: (iso: string | null | undefined) => formatDate(language, iso),
    dateTime: (iso: string | null | undefined) => formatDateTime(language, iso),
    number: (value: number) => formatNumber(language, value),
    money: (minor: number | null | undefined, currency: string | undefined) => formatMoney(language, minor, currency),
  };
}
