import { call, CallFailed, databaseOption, EXIT, say, UsageError, withApp, type Command } from '../command';
import { downloadTo, jobEnd, passphraseFor, postNames, readersChosen } from '../syncSupport';

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
      const forPost = (values.for as string | undefined) ?? null;
      // As a job streamed to a spool file, then copied down a slice at a time: an export of any size.
      const { jobId } = await call(app, 'sync.export.start', { forPost, passphrase, encryptFor });
      const job = await jobEnd(app, jobId);
      if (job.state === 'failed') throw new CallFailed(job.error!);
      const size = await downloadTo(app, jobId, out);
      const file = job.file!;
      say(forPost ? 'cli.exportedFor' : 'cli.exportedAll', { file: out, changes: file.changes, size, sequence: file.sequence, post: forPost });
      say(file.encryptedFor.length > 0 ? 'cli.exportedEncrypted' : 'cli.exportedPlain', { posts: await postNames(app, file.encryptedFor) });
      return EXIT.ok;
    });
  },
};
