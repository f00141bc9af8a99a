import { exportBundle } from '../../sync/service';
import { passphraseProtection } from '../../sync/keys';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command } from '../command';
import { passphraseFor, withSyncExitCodes, writeFileAtomically } from '../syncSupport';

export const exportCommand: Command = {
  summary: 'Write a signed bundle: everything, or (--for POST) only what that post has not shown it holds.',
  usage: 'accord export --out FILE [--for POST] [--db PATH]',
  options: { ...databaseOption, out: { type: 'string' }, for: { type: 'string' } },
  async run(values) {
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out FILE is required.');
    const app = openAppFromOptions(values);
    try {
      return await withSyncExitCodes('export', async () => {
        const passphrase = await passphraseFor(app, 'Signing a bundle');
        const result = await exportBundle(app.context.store, (values.for as string | undefined) ?? null, { protection: passphraseProtection, passphrase });
        writeFileAtomically(values.out as string, result.bytes);
        const { header } = result;
        console.log(`Wrote ${values.out}: ${header.counts.changes} change(s), ${result.bytes.length} bytes, sequence ${header.sequence}${header.forPost ? ` for post ${header.forPost}` : ' (everything)'}.`);
        return EXIT.ok;
      });
    } finally {
      app.close();
    }
  },
};
