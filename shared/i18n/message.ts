import type { MessageKey } from './en';

export type { MessageKey } from './en';
export type Language = 'en' | 'ar';
export const LANGUAGES: readonly Language[] = ['en', 'ar'];

/**
 * A message as it travels: a catalog key and its arguments, never composed
 * text. Each client renders it in its reader's language (format.ts). An
 * argument may itself be a message (a record type's label inside an error),
 * rendered first in the same language. Dates travel as ISO strings and are
 * formatted by the message ({at, date}) or by formatDate.
 */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}
export type MessageParam = string | number | boolean | null | Message;
export type MessageParams = { [name: string]: MessageParam };

export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/**
 * zod carries an issue's message as a string: a message is encoded as JSON
 * there (`issueMessage`) and decoded by toFieldIssues (shared/validation.ts).
 */
export function issueMessage(key: MessageKey, params?: MessageParams): string {
  return JSON.stringify(message(key, params));
}

/** The message an issue string carries; null when it is not one of ours (zod's own English). */
export function parseIssueMessage(text: string): Message | null {
  if (!text.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isMessage(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
