import { call, databaseOption, EXIT, say, UsageError, withApp, type Command } from '../command';
import { passphraseFor, postNames, readersChosen, writeFileAtomically } from '../syncSupport';

export const exportCommand: Command = {
  summary: 'cli.summary.export',
  usage: 'accord export --out FILE (--encrypt-to POST[,POST...] | --unencrypted) [--for POST] [--db PATH]',
  options: { ...databaseOption, out: { type: 'string' }, for: { type: 'string' }, 'encrypt-to': { type: 'string' }, unencrypted: { type: 'boolean' } },
  async run(values) {
    const out = values.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('cli.outRequired');
    return withApp(values, async (app) => {
      const encryptFor = await readersChosen(app, values);
      const passphrase = await passphraseFor(app);
      const result = await call(app, 'sync.export', { forPost: (values.for as string | undefined) ?? null, passphrase, encryptFor });
      writeFileAtomically(out, result.bytes);
      say(result.forPost ? 'cli.exportedFor' : 'cli.exportedAll', { file: out, changes: result.changes, size: result.bytes.byteLength, sequence: result.sequence, post: result.forPost });
      say(result.encryptedFor.length > 0 ? 'cli.exportedEncrypted' : 'cli.exportedPlain', { posts: await postNames(app, result.encryptedFor) });
      return EXIT.ok;
    });
  },
};
