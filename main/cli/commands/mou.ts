import { readFileSync, statSync } from 'node:fs';
import { listMouVersions } from '../../../db/repositories/mouVersions';
import { listMouSignings, signMouDraft } from '../../../db/repositories/mouSignings';
import { selectRecords } from '../../../db/repositories/records';
import { DOCUMENT_LANGUAGES, DOCUMENT_LAYOUTS, type DocumentLanguage, type DocumentLayout } from '../../../shared/documents/types';
import { formatMessage } from '../../../shared/i18n/format';
import { AppError } from '../../../shared/result';
import { SIGNED_MOU_LIMITS } from '../../documents/signedPackage';
import { exportMouDocument, exportMouRedline, importSignedMou } from '../../documents/service';
import { passphraseProtection } from '../../sync/keys';
import type { AccordApp } from '../../app';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command, type OptionValues } from '../command';
import { passphraseFor, withSyncExitCodes, writeFileAtomically } from '../syncSupport';

const FORMATS = ['pdf', 'docx', 'html', 'signed'] as const;

const USAGE = [
  'accord mou list [--db PATH]',
  '       accord mou export ID --format pdf|docx|html|signed [--version N] [--lang en|ar|both] [--layout side-by-side|sequential] --out FILE [--db PATH]',
  '       accord mou redline ID --from N --to N|current --format pdf|docx|html [--lang …] [--layout …] --out FILE [--db PATH]',
  '       accord mou sign ID --by NAME [--db PATH]',
  '       accord mou import FILE [--db PATH]',
].join('\n');

function choice<T extends string>(values: OptionValues, name: string, allowed: readonly T[], fallback: T): T {
  const value = values[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

/** --version N (the saved version's number) or 'current'; the default is the draft as it is now. */
function versionRef(app: AccordApp, mouId: string, given: unknown): string {
  if (given === undefined || given === 'current') return 'current';
  const number = Number(given);
  const found = listMouVersions(app.context.store, mouId).find((version) => version.number === number || version.id === given);
  if (!found) throw new UsageError(`Draft ${mouId} has no saved version ${String(given)} (see "accord mou list").`);
  return found.id;
}

function requireOut(values: OptionValues): string {
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out FILE is required.');
  return values.out;
}

function documentOptions(values: OptionValues): { language: DocumentLanguage; layout: DocumentLayout } {
  return { language: choice(values, 'lang', DOCUMENT_LANGUAGES, 'both'), layout: choice(values, 'layout', DOCUMENT_LAYOUTS, 'side-by-side') };
}

async function withApp(values: OptionValues, work: (app: AccordApp) => Promise<number>): Promise<number> {
  const app = openAppFromOptions(values);
  try {
    return await withSyncExitCodes('mou', () => work(app));
  } finally {
    app.close();
  }
}

export const mouCommand: Command = {
  summary: 'MOU drafts as documents: list them, export PDF/DOCX/HTML or a signed file, a redline between versions, sign a draft, import a signed file.',
  usage: USAGE,
  options: {
    ...databaseOption,
    format: { type: 'string' },
    lang: { type: 'string' },
    layout: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    by: { type: 'string' },
  },
  async run(values, positionals) {
    const [action, target, ...extra] = positionals;
    if (extra.length) throw new UsageError(`Unexpected argument "${extra[0]}".`);
    if (action === 'list') {
      if (target !== undefined) throw new UsageError('"mou list" takes no argument.');
      return withApp(values, async (app) => {
        const { store } = app.context;
        const drafts = selectRecords(store, 'mouDrafts', '1 = 1', 't.title, t.id', []);
        if (drafts.length === 0) console.log('No MOU drafts.');
        for (const draft of drafts) {
          const versions = listMouVersions(store, draft.id);
          const signed = listMouSignings(store, draft.id).at(-1);
          const latest = versions[0] ? `latest saved version ${versions[0].number} (${versions[0].savedAt.slice(0, 10)})` : 'no saved version';
          console.log(`${draft.id}  ${String(draft.status).padEnd(14)} ${String(draft.title)}  [${versions.length} version(s), ${latest}${signed ? `; signed by ${signed.signedBy} on ${signed.signedAt.slice(0, 10)}, version ${signed.versionNumber} sha256 ${signed.versionSha256}` : ''}]`);
        }
        return EXIT.ok;
      });
    }
    if (!target) throw new UsageError(action === 'import' ? 'Give the signed MOU file.' : 'Give the MOU draft id (see "accord mou list").');
    if (action === 'export') {
      const format = choice(values, 'format', FORMATS, 'pdf');
      if (values.format === undefined) throw new UsageError('--format pdf|docx|html|signed is required.');
      const out = requireOut(values);
      return withApp(values, async (app) => {
        const { store, handlingMarking } = app.context;
        const version = versionRef(app, target, values.version);
        const key = format === 'signed' ? { protection: passphraseProtection, passphrase: await passphraseFor(app, 'Signing an MOU file') } : undefined;
        const result = await exportMouDocument(store, handlingMarking, target, { version, ...documentOptions(values) }, format, key);
        for (const warning of result.warnings) console.error(`warning: ${formatMessage('en', warning.key, warning.params)}`);
        writeFileAtomically(out, result.bytes);
        console.log(`Wrote ${out}: ${format}, ${result.bytes.length} bytes${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}.`);
        return EXIT.ok;
      });
    }
    if (action === 'redline') {
      const format = choice(values, 'format', ['pdf', 'docx', 'html'] as const, 'pdf');
      const out = requireOut(values);
      if (values.from === undefined || values.to === undefined) throw new UsageError('--from and --to (saved version numbers, or "current") are required.');
      return withApp(values, async (app) => {
        const { store, handlingMarking } = app.context;
        const { language, layout } = documentOptions(values);
        const result = await exportMouRedline(store, handlingMarking, target, versionRef(app, target, values.from), versionRef(app, target, values.to), format, language, layout);
        writeFileAtomically(out, result.bytes);
        console.log(`Wrote ${out}: redline, ${format}, ${result.bytes.length} bytes.`);
        return EXIT.ok;
      });
    }
    if (action === 'sign') {
      if (typeof values.by !== 'string' || !values.by.trim()) throw new UsageError('--by NAME (who signed) is required.');
      return withApp(values, async (app) => {
        const { signing } = signMouDraft(app.context.store, target, values.by as string);
        console.log(`Signed by ${signing.signedBy} at ${signing.signedAt}: version ${signing.versionNumber}, sha256 ${signing.versionSha256}. Its clauses are now locked.`);
        return EXIT.ok;
      });
    }
    if (action === 'import') {
      return withApp(values, async (app) => {
        const { size } = statSync(target);
        if (size > SIGNED_MOU_LIMITS.fileBytes) throw new AppError('BUNDLE_REJECTED', `The file is ${size} bytes; a signed MOU file is at most ${SIGNED_MOU_LIMITS.fileBytes}.`, { reason: 'too-large' });
        const result = importSignedMou(app.context.store, readFileSync(target));
        console.log(result.description);
        console.log(result.alreadyPresent ? `Already here as version ${result.version.number} of the draft; nothing changed.` : `Imported as version ${result.version.number} ("${result.version.label}") of the draft; the draft as edited here is unchanged.`);
        return EXIT.ok;
      });
    }
    throw new UsageError(action === undefined ? 'Give a subcommand: list, export, redline, sign or import.' : `Unknown subcommand "${action}".`);
  },
};
