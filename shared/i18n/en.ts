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
  'error.dbTooNew': 'This database was written by a newer version of Accord (schema {current}; this version understands up to {latest}). It has not been opened or changed. Install the newer Accord to use it.',
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
  // db/sync/state.ts: trusted posts and conflicts
  'sync.trust.keyChanged': 'Post {name} is already trusted with a different key (fingerprint {fingerprint}). Revoke it first if its key really changed.',
  'sync.trust.unknownPost': 'No trusted post with id {postId}.',
  'sync.conflict.notFound': 'No conflict with id {id}.',
  'sync.conflict.settled': 'This conflict has already been settled.',
  'sync.conflict.recordDeleted': 'The record was deleted, so its earlier value cannot be restored.',

  // -- documents: MOU documents and signed MOU files
  // pre-export checks (shared/documents/checks.ts)
  'documents.check.titleOnlyEnglish': 'The title has no Arabic text.',
  'documents.check.titleMissingArabic': 'The title has no Arabic text; the English title will be used.',
  'documents.check.clauseOnlyEnglish': 'Clause {clause} has English text but no Arabic text.',
  'documents.check.clauseOnlyArabic': 'Clause {clause} has Arabic text but no English text.',
  'documents.check.clauseEmpty': 'Clause {clause} has no text in either language.',
  'documents.check.clauseMissingEnglish': 'Clause {clause} has no English text.',
  'documents.check.clauseMissingArabic': 'Clause {clause} has no Arabic text.',
  'documents.check.clauseNumbersDiffer': 'Clause {clause}: the numbers differ between the English and Arabic text (only in English: {onlyInEnglish}; only in Arabic: {onlyInArabic}).',
  'documents.check.clauseDatesDiffer': 'Clause {clause}: the dates differ between the English and Arabic text (only in English: {onlyInEnglish}; only in Arabic: {onlyInArabic}).',
  // versions, signing and amending (db/repositories/mouVersions.ts, mouSignings.ts)
  'documents.versionNotFound': 'No saved version {ref} of this MOU draft.',
  'documents.alreadySigned': 'The MOU "{title}" is already {status, select, signed {signed} superseded {superseded} other {{status}}}. Start a new version to sign again.',
  'documents.notSigned': '"{title}" is not signed: edit it directly instead of starting a new version.',
  'documents.draftNotHere': 'This post does not hold MOU draft {mouId} yet: import a sync bundle from the sending post first, then this file. Nothing was imported.',
  'documents.snapshotMissing': 'Part "{part}" is missing: this signed file carries no version to import. Nothing was imported.',
  'documents.snapshotInvalid': 'Part "{part}" is signed but is not an MOU version this version of Accord reads; nothing was imported.',
  // signed MOU files (main/documents/signedPackage.ts, storedZip.ts)
  'documents.signed.keyNotEd25519': 'The key is not an Ed25519 key.',
  'documents.signed.keyLength': 'An Ed25519 public key is 32 bytes.',
  'documents.signed.unsafePath': 'Part "{part}" {problem, select, nul {has a NUL byte in its name} backslash {has a backslash in its name} absolute {has an absolute path} escapes {has a path that escapes the folder} folder {is inside a folder} other {is not a plain file name}}; nothing was imported or written.',
  'documents.signed.outsideFolder': 'Part "{part}" would be written outside {folder}.',
  'documents.signed.tooLarge': 'The file is {size} bytes; a signed MOU file is at most {max}.',
  'documents.signed.tooManyParts': 'The file holds {count} parts; a signed MOU file holds at most {max}.',
  'documents.signed.partTooLarge': 'Part "{part}" is {size} bytes; at most {max} are allowed.',
  'documents.signed.duplicatePart': 'Part "{part}" appears twice.',
  'documents.signed.manifestMissing': 'Part "{part}" is missing: this file cannot be verified.',
  'documents.signed.signatureMissing': 'Part "{part}" (the signature) is missing: this file cannot be verified.',
  'documents.signed.untrusted': 'The file says it was signed by post "{postName}" ({postId}), which this post does not trust.',
  'documents.signed.keyChanged': 'The file was signed with a key that is not the one this post trusts for "{postName}" ({postId}).',
  'documents.signed.badSignature': 'The signature ({signature}) does not match {manifest}: the manifest or its signature was altered.',
  'documents.signed.extraPart': 'Part "{part}" is not listed in the signed manifest: it was added after signing.',
  'documents.signed.listedTwice': 'The signed manifest lists part "{part}" twice or as a part it cannot hold.',
  'documents.signed.listedMissing': 'Part "{part}" is listed in the signed manifest but missing from the file.',
  'documents.signed.partAltered': 'Part "{part}" does not match its signed SHA-256: it was altered.',
  'documents.signed.draftMissing': 'Part "{part}" is missing: the file carries no draft to import.',
  'documents.signed.containerAltered': 'The file was altered outside the signed parts, in the {region, select, localHeader {local header} data {data} centralRecord {central directory record} endRecord {end-of-archive record} other {archive structure}}{inPart, select, yes { of part "{part}"} other {}}.',
  'documents.signed.draftMismatch': 'Part "{part}" is not the draft the manifest names.',
  'documents.signed.snapshotNotJson': 'Part "{part}" is signed but is not valid JSON.',
  'documents.signed.manifestNotJson': 'Part "{part}" is not valid JSON: it was altered or is not an Accord file.',
  'documents.signed.manifestUnreadable': 'Part "{part}" is not a signed MOU manifest this version of Accord reads.',
  'documents.signed.draftUnreadable': 'Part "{part}" is signed but is not a draft this version of Accord reads.',
  'documents.signed.malformed': 'This is not a signed MOU file, or its structure was altered: {problem, select, tooShort {too short} noEnd {no end-of-archive record where it belongs (a comment or trailing bytes?)} multiDisk {multi-disk archive} directoryEnd {the directory does not end where the end-of-archive record begins} recordMissing {directory record {index} is missing} recordOverrun {directory record {index} runs past the directory} nameNotUtf8 {the name of part {index} is not valid UTF-8} compressed {part "{part}" is compressed (signed MOU files store parts uncompressed)} extraFields {part "{part}" carries extra fields or a comment} misplaced {part "{part}" is not where the directory says} noLocalHeader {part "{part}" has no valid local header} headerDisagrees {the local header of part "{part}" disagrees with the directory} headerOtherName {the local header of part "{part}" names another file} other {there are bytes between the parts and the directory}}.',

  // -- cli: what the command line prints

  // -- platform: first start, backup and restore, packaging
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
