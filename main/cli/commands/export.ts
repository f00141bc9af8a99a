import { call, databaseOption, EXIT, say, UsageError, withApp, type Command } from '../command';
import { passphraseFor, writeFileAtomically } from '../syncSupport';

export const exportCommand: Command = {
  summary: 'cli.summary.export',
  usage: 'accord export --out FILE [--for POST] [--db PATH]',
  options: { ...databaseOption, out: { type: 'string' }, for: { type: 'string' } },
  async run(values) {
    const out = values.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('cli.outRequired');
    return withApp(values, async (app) => {
      const passphrase = await passphraseFor(app);
      const result = await call(app, 'sync.export', { forPost: (values.for as string | undefined) ?? null, passphrase });
      writeFileAtomically(out, result.bytes);
      say(result.forPost ? 'cli.exportedFor' : 'cli.exportedAll', { file: out, changes: result.changes, size: result.bytes.byteLength, sequence: result.sequence, post: result.forPost });
      return EXIT.ok;
    });
  },
};
