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

  // -- records: the planning model's generic API and pages

  // -- sync: bundles, keys, trusted posts, conflicts

  // -- documents: MOU documents and signed MOU files

  // -- cli: what the command line prints

  // -- platform: first start, backup and restore, packaging
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
