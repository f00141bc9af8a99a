/**
 * Every string a person reads, in English, as ICU MessageFormat
 * (plural, select, number, date). The Arabic catalog (ar.ts) must have the
 * same keys: a key missing there is a compile error. Keys are grouped by
 * feature; add new keys inside their feature's section.
 */
export const en = {
  // -- errors: codes every host can return (shared/result.ts)
  'error.internal': 'Accord hit an internal error; nothing was saved. Details are in the log.',
  'error.unreachable': 'Accord could not reach its data: {detail}',
  'error.unknownMethod': 'Unknown method: {method}.',
  'error.invalidInput': 'The request was not valid: {issues}',
  'error.busy': 'Another task (a bundle import) is writing to the database; nothing was saved. Try again in a moment.',

  // -- validation: field messages carried by zod issues (shared/i18n/message.ts)
  'validation.required': 'This field is required.',
  'validation.invalid': 'This value is not valid.',
  'validation.tooLong': 'Use at most {max, plural, one {# character} other {# characters}}.',
  'validation.tooMany': 'Add at most {max, plural, one {# entry} other {# entries}}.',
  'validation.invalidChoice': 'Choose one of the listed options.',
  'validation.invalidCode': 'Use a two- or three-letter country code (e.g. TN).',
  'validation.partnerRequired': 'Choose a partner nation.',
  'validation.partnerNotFound': 'That partner nation does not exist (it may have been deleted).',
  'validation.duplicateName': 'A record with this name already exists.',
  'validation.invalidDate': 'Enter a date such as 2 Dec 2026 or 2026-12-02.',
  'validation.invalidNumber': 'Enter a whole number.',
  'validation.tooSmall': 'Use {min, number} or more.',
  'validation.tooLarge': 'Use {max, number} or less.',
  'validation.recordNotFound': 'The linked record does not exist (it may have been deleted).',
  'validation.targetBeforeBaseline': 'The target date cannot be before the baseline date.',
  'validation.endBeforeStart': 'The end date cannot be before the start date.',
  'validation.approvedOverRequested': 'The approved amount cannot exceed the requested amount.',
  'validation.agreementNeedsDate': 'Record when and by whom the partner agreed.',
  'validation.illegalTransition': 'This status cannot follow the current one.',
  'validation.noResourceManager': 'This meeting decides resources, but no resource manager attends.',
  'validation.measuredNotAssessed': 'Record measured values only for the benchmarks assessed at this check-in point.',
  'validation.recordLocked': 'This MOU is signed: its clauses are locked. Start a new version to change them.',
  'validation.invalidCurrency': 'Use a three-letter currency code (e.g. USD).',
  'validation.dateExample': 'For example {at, date}.',
  'validation.invalidAmount': 'Enter an amount with at most {decimals, plural, =0 {no decimals} one {# decimal} other {# decimals}} (e.g. {example}).',

  // -- records: the planning model's generic API and pages

  // -- sync: bundles, keys, trusted posts, conflicts

  // -- documents: MOU documents and signed MOU files

  // -- cli: what the command line prints

  // -- platform: first start, backup and restore, packaging
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
