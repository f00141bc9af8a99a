import { en } from './i18n/en';
import { formatMessage as formatCatalogMessage } from './i18n/format';
import { message, parseIssueMessage, type Language, type Message, type MessageKey as CatalogKey, type MessageParams } from './i18n/message';

/**
 * @deprecated The legacy validation keys ("required", "tooLong:200"), kept only
 * as a thin shim over the catalog (shared/i18n) for the files that still write
 * them: write `issueMessage('validation.…', { … })` / `message(…)` instead. This
 * module holds no text of its own: a legacy key decodes into its catalog key
 * with named arguments (`tooLong:200` -> validation.tooLong { max: 200 }), so
 * both forms render identically while call sites move. It goes when the last
 * import of it does.
 */

export type { Language } from './i18n/message';

/**
 * Each legacy key: its catalog key and the names of its positional arguments
 * (or fixed arguments, for a legacy key that took none but whose catalog
 * message names them).
 */
const LEGACY = {
  required: ['validation.required'],
  tooLong: ['validation.tooLong', 'max'],
  tooMany: ['validation.tooMany', 'max'],
  invalidChoice: ['validation.invalidChoice'],
  invalidCode: ['validation.invalidCode'],
  partnerRequired: ['validation.partnerRequired'],
  partnerNotFound: ['validation.partnerNotFound'],
  duplicateName: ['validation.duplicateName'],
  invalid: ['validation.invalid'],
  invalidDate: ['validation.invalidDate'],
  invalidNumber: ['validation.invalidNumber'],
  tooSmall: ['validation.tooSmall', 'min'],
  tooLarge: ['validation.tooLarge', 'max'],
  recordNotFound: ['validation.recordNotFound'],
  targetBeforeBaseline: ['validation.targetBeforeBaseline'],
  endBeforeStart: ['validation.endBeforeStart'],
  approvedOverRequested: ['validation.approvedOverRequested'],
  agreementNeedsDate: ['validation.agreementNeedsDate'],
  illegalTransition: ['validation.illegalTransition'],
  noResourceManager: ['validation.noResourceManager'],
  measuredNotAssessed: ['validation.measuredNotAssessed'],
  recordLocked: ['validation.recordLocked'],
  invalidCurrency: ['validation.invalidCurrency'],
  // The legacy text said "at most two decimals (e.g. 1250000.00)".
  invalidAmount: ['validation.invalidAmount', { decimals: 2, example: '1250000.00' }],
} as const satisfies Record<string, readonly [CatalogKey, ...(string | MessageParams)[]]>;

/** @deprecated a legacy key; use the catalog's MessageKey (shared/i18n). */
export type MessageKey = keyof typeof LEGACY;

/** @deprecated A legacy key with positional arguments, as zod carried it: use issueMessage('validation.…', { … }). */
export function msg(key: MessageKey, ...args: (string | number)[]): string {
  return args.length ? `${key}:${args.join(',')}` : key;
}

/**
 * The catalog message a legacy key text stands for ("tooLong:200" ->
 * validation.tooLong { max: 200 }); an issueMessage() string decodes too.
 * Null for text that is neither (a sentence, zod's own English).
 */
export function legacyMessage(text: string): Message | null {
  const carried = parseIssueMessage(text);
  if (carried) return carried;
  const at = text.indexOf(':');
  const name = at < 0 ? text : text.slice(0, at);
  if (!Object.hasOwn(LEGACY, name)) return Object.hasOwn(en, text) ? message(text as CatalogKey) : null;
  const [key, ...argNames] = LEGACY[name as MessageKey] as readonly [CatalogKey, ...(string | MessageParams)[]];
  // Arguments were joined with commas; only numbers were ever passed with more than none.
  const args = at < 0 ? [] : text.slice(at + 1).split(',');
  const params: MessageParams = {};
  argNames.forEach((argName, index) => {
    if (typeof argName !== 'string') return Object.assign(params, argName);
    const value = args[index] ?? '';
    params[argName] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  });
  return message(key, argNames.length ? params : undefined);
}

/** @deprecated Text for a legacy key, through the catalog; unknown text (already a sentence) is returned as it is. */
export function formatMessage(text: string, lang: Language): string {
  const decoded = legacyMessage(text);
  if (!decoded) return text;
  try {
    return formatCatalogMessage(lang, decoded.key, decoded.params);
  } catch {
    return text; // a bare catalog key whose message needs arguments it was not given
  }
}
