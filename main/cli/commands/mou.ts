import { DOCUMENT_LANGUAGES, DOCUMENT_LAYOUTS, type DocumentLanguage, type DocumentLayout } from '../../../shared/documents/types';
import { formatMessage } from '../../../shared/i18n/format';
import type { AccordApp } from '../../app';
import { call, choice, cliLanguage, databaseOption, EXIT, requireOut, say, text, UsageError, warn, withApp, type Command, type OptionValues } from '../command';
import { passphraseFor, postNames, readersChosen, uploadFile, writeFileAtomically } from '../syncSupport';
import { describeVerifiedMou } from './verify';

const FORMATS = ['pdf', 'docx', 'html', 'signed'] as const;

const USAGE = [
  'accord mou list [--db PATH]',
  '       accord mou export ID --format pdf|docx|html|signed [--version N] [--lang en|ar|both] [--layout side-by-side|sequential] --out FILE [--db PATH]',
  '         (signed: --encrypt-to POST[,POST...] | --unencrypted)',
  '       accord mou redline ID --from N --to N|current --format pdf|docx|html [--lang …] [--layout …] --out FILE [--db PATH]',
  '       accord mou sign ID --by NAME [--db PATH]',
  '       accord mou import FILE [--db PATH]',
].join('\n');

/** --version N (the saved version's number) or 'current'; the default is the draft as it is now. */
async function versionRef(app: AccordApp, mouId: string, given: unknown): Promise<string> {
  if (given === undefined || given === 'current') return 'current';
  const number = Number(given);
  const found = (await call(app, 'mou.versions.list', { mouId })).find((version) => version.number === number || version.id === given);
  if (!found) throw new UsageError('cli.noSuchVersion', { id: mouId, version: String(given) });
  return found.id;
}

function documentOptions(values: OptionValues): { lang: DocumentLanguage; layout: DocumentLayout } {
  return { lang: choice(values, 'lang', DOCUMENT_LANGUAGES, 'both'), layout: choice(values, 'layout', DOCUMENT_LAYOUTS, 'side-by-side') };
}

async function list(app: AccordApp): Promise<number> {
  const drafts = await call(app, 'mou.documents.list', {});
  if (drafts.length === 0) say('cli.noMouDrafts');
  for (const draft of drafts) {
    const facts = [text('cli.mouListVersions', { versions: draft.versions })];
    facts.push(draft.latest ? text('cli.mouListLatest', { number: draft.latest.number, at: draft.latest.savedAt }) : text('cli.mouListNoVersion'));
    const signed = draft.signed ? `; ${text('cli.mouListSigned', { name: draft.signed.signedBy, at: draft.signed.signedAt, version: draft.signed.versionNumber, sha256: draft.signed.versionSha256 })}` : '';
    console.log(`${draft.id}  ${draft.status.padEnd(14)} ${draft.title}  [${facts.join(', ')}${signed}]`);
  }
  return EXIT.ok;
}

export const mouCommand: Command = {
  summary: 'cli.summary.mou',
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
    'encrypt-to': { type: 'string' },
    unencrypted: { type: 'boolean' },
  },
  async run(values, positionals) {
    const [action, target, ...extra] = positionals;
    if (extra.length) throw new UsageError('cli.unexpectedArgument', { argument: extra[0]! });
    if (action === 'list') {
      if (target !== undefined) throw new UsageError('cli.noArgument', { command: 'mou list' });
      return withApp(values, list);
    }
    if (action !== undefined && !['export', 'redline', 'sign', 'import'].includes(action)) throw new UsageError('cli.unknownSubcommand', { name: action });
    if (!target) throw new UsageError(action === 'import' ? 'cli.mouFileNeeded' : action === undefined ? 'cli.mouChoose' : 'cli.mouIdNeeded');
    if (action === 'export') {
      const format = choice(values, 'format', FORMATS, 'pdf');
      if (values.format === undefined) throw new UsageError('cli.formatRequired');
      const out = requireOut(values);
      const options = documentOptions(values);
      return withApp(values, async (app) => {
        const version = await versionRef(app, target, values.version);
        // A signed file travels to other posts: who may read it is said, as for a bundle.
        const encryptFor = format === 'signed' ? await readersChosen(app, values) : undefined;
        const passphrase = format === 'signed' ? await passphraseFor(app) : undefined;
        const result = await call(app, 'mou.documents.export', { mouId: target, version, ...options, format, passphrase, encryptFor });
        for (const warning of result.warnings) warn('cli.warning', { text: formatMessage(cliLanguage(), warning.key, warning.params) });
        await writeFileAtomically(out, result.bytes);
        say('cli.mouWritten', { file: out, format, size: result.bytes.byteLength, warnings: result.warnings.length });
        if (encryptFor) say(encryptFor === 'unencrypted' ? 'cli.exportedPlain' : 'cli.exportedEncrypted', { posts: encryptFor === 'unencrypted' ? '' : await postNames(app, encryptFor) });
        return EXIT.ok;
      });
    }
    if (action === 'redline') {
      const format = choice(values, 'format', ['pdf', 'docx', 'html'] as const, 'pdf');
      const out = requireOut(values);
      if (values.from === undefined || values.to === undefined) throw new UsageError('cli.fromToRequired');
      const options = documentOptions(values);
      return withApp(values, async (app) => {
        const from = await versionRef(app, target, values.from);
        const to = await versionRef(app, target, values.to);
        const result = await call(app, 'mou.documents.redline', { mouId: target, from, to, format, ...options });
        await writeFileAtomically(out, result.bytes);
        say('cli.redlineWritten', { file: out, format, size: result.bytes.byteLength });
        return EXIT.ok;
      });
    }
    if (action === 'sign') {
      const by = values.by;
      if (typeof by !== 'string' || !by.trim()) throw new UsageError('cli.byRequired');
      return withApp(values, async (app) => {
        const { signing } = await call(app, 'mou.sign', { mouId: target, signedBy: by });
        say('cli.mouSigned', { name: signing.signedBy, at: signing.signedAt, version: signing.versionNumber, sha256: signing.versionSha256 });
        return EXIT.ok;
      });
    }
    return withApp(values, async (app) => {
      const { uploadId } = await uploadFile(app, target);
      const result = await call(app, 'mou.signed.import', { uploadId });
      console.log(describeVerifiedMou(result));
      say(result.alreadyPresent ? 'cli.mouAlreadyHere' : 'cli.mouImported', { version: result.version.number, label: result.version.label });
      return EXIT.ok;
    });
  },
};
