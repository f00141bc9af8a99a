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
  'validation.invalidAmount': 'Enter an amount with at most {decimals, plural, =0 {no decimals} one {# decimal} other {# decimals}} (e.g. {example}).',

  // -- records: the planning model's generic API and pages

  // -- sync: bundles, keys, trusted posts, conflicts

  // -- documents: MOU documents and signed MOU files

  // -- cli: what the command line prints

  // -- platform: first start, backup and restore, packaging
  'platform.backupOverDatabase': 'A backup cannot be written over the open database; name another file.',
  'platform.backupExists': 'A file already exists at {path}; nothing was written. Name a new file.',
  'platform.restoreMissing': 'There is no file at {path}.',
  'platform.restoreNotDatabase': '{path} is not a database file. Nothing was replaced.',
  'platform.restoreCorrupt': '{path} is damaged (the integrity check found: {detail}). Nothing was replaced.',
  'platform.restoreNotAccord': '{path} is a database, but not an Accord database. Nothing was replaced.',
  'platform.restoreTooNew': '{path} was written by a newer Accord (schema {version}; this one understands up to {supported}). Nothing was replaced: install the newer Accord to restore it.',
  'platform.openedTooLarge': '{path} is larger than any bundle Accord writes; it was not opened.',
  'platform.restoreSelf': 'That file is the open database itself.',
  'platform.welcome.title': 'Welcome to Accord',
  'platform.welcome.intro': 'First, name this post. Other posts see this name on every bundle it sends them, so use the embassy and the office.',
  'platform.welcome.name': "This post's name",
  'platform.welcome.nameHint': 'For example: Embassy Tunis, Office of Defense Cooperation',
  'platform.welcome.passphrase': 'Passphrase for the signing key',
  'platform.welcome.passphraseHint': 'In browser mode the key that signs this post’s bundles is sealed with a passphrase of at least {min, plural, one {# character} other {# characters}}. You type it to send bundles. Nobody can recover it.',
  'platform.welcome.passphraseAgain': 'The same passphrase again',
  'platform.welcome.passphraseMismatch': 'The two passphrases are not the same.',
  'platform.welcome.submit': 'Name this post',
  'platform.welcome.working': 'Creating the signing key…',
  'platform.welcome.readyTitle': '{name} is ready',
  'platform.welcome.fingerprint': "This post's key fingerprint",
  'platform.welcome.fingerprintHint': 'When another post decides to trust this one, read them this fingerprint by phone or in person; they check it against the one their screen shows.',
  'platform.welcome.dataLocation': 'Everything is kept in one file on this computer: {path}',
  'platform.welcome.offline': 'Accord never uses the network and never updates itself. Bundles travel only as files you carry.',
  'platform.welcome.start': 'Start planning',
  'platform.backup.open': 'Backup',
  'platform.backup.title': 'Back up this post',
  'platform.backup.explain': 'A backup is one file: a consistent copy of the database, taken while Accord keeps working. Copy the backups folder to removable media or to a share your post backs up.',
  'platform.backup.folder': 'Backups folder: {path}',
  'platform.backup.database': 'Database: {path}',
  'platform.backup.now': 'Back up now',
  'platform.backup.working': 'Backing up…',
  'platform.backup.done': 'Backup written: {path} ({size, number} KB).',
  'platform.backup.close': 'Close',
  'platform.cli.backupDone': 'Backup written to {path} ({size, number} KB, schema {version}). It is one self-contained file: copy it anywhere.',
  'platform.cli.restoreChecked': '{path} can be restored: an Accord database for "{name}", schema {version}, integrity ok.',
  'platform.cli.restoreDone': 'Restored {path} ("{name}", schema {version}). The previous contents were kept in {previous}.',
  'platform.cli.restoreRunning': 'Close Accord (the window or "npm start") before restoring, then start it again.',
  'platform.serve.mode': 'Accord {version}, browser mode: {why}.',
  'platform.serve.modeDirect': 'Accord {version}, browser mode.',
  'platform.serve.database': 'Database: {path}',
  'platform.serve.address': 'Open {url} in a browser.',
  'platform.serve.stop': 'Stop: press Ctrl+C (the database is closed cleanly).',
  'platform.serve.portTaken': 'Port {port} was taken; using {actual} for now.',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
