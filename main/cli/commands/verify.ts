import { readFileSync } from 'node:fs';
import { verifyBundle } from '../../sync/bundle';
import { inspectBundle } from '../../sync/service';
import { describeVerifiedMou, looksLikeSignedMouFile, trustFromSync, verifySignedMouPackage } from '../../documents/index';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command, type OptionValues } from '../command';
import { withSyncExitCodes } from '../syncSupport';
import { describeInspection } from './import';

/** A signed MOU file: which post signed it, when, and every part checked (exit 4 names the altered part, 5 an untrusted signer). */
async function verifySignedMouCli(values: OptionValues, bytes: Buffer): Promise<number> {
  const app = openAppFromOptions(values);
  try {
    return await withSyncExitCodes('verify', async () => {
      console.log(describeVerifiedMou(verifySignedMouPackage(bytes, trustFromSync(app.context.store))));
      return EXIT.ok;
    });
  } finally {
    app.close();
  }
}

export const verifyCommand: Command = {
  summary: 'Check a bundle or a signed MOU file: intact, signed, and from a trusted post (exit 0), untrusted sender (5), altered or malformed (4, naming the part).',
  usage: 'accord verify FILE [--db PATH]',
  options: { ...databaseOption },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one bundle file.');
    const bytes = readFileSync(positionals[0]!);
    if (looksLikeSignedMouFile(bytes)) return verifySignedMouCli(values, bytes);
    // Integrity and signature need no database: an altered file is refused before one is opened.
    const intact = await withSyncExitCodes('verify', async () => (verifyBundle(bytes), EXIT.ok));
    if (intact !== EXIT.ok) return intact;
    const app = openAppFromOptions(values);
    try {
      return await withSyncExitCodes('verify', async () => {
        const inspection = await inspectBundle(app.context.store, bytes);
        console.log(describeInspection(inspection));
        return inspection.trust === 'trusted' || inspection.trust === 'self' ? EXIT.ok : EXIT.untrustedSender;
      });
    } finally {
      app.close();
    }
  },
};
