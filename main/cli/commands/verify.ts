import type { VerifiedMou } from '../../../shared/api/documents';
import { call, databaseOption, EXIT, text, UsageError, withApp, type Command } from '../command';
import { uploadFile } from '../syncSupport';
import { describeInspection } from './import';

/** What `accord verify` and `accord mou import` say about a signed MOU file: who signed it, when, and every part checked. */
export function describeVerifiedMou(verified: VerifiedMou): string {
  return [
    text('cli.mouVerified'),
    text('cli.mouSignedBy', { name: verified.sender.postName, post: verified.sender.postId, fingerprint: verified.fingerprint }),
    text('cli.mouSignedAt', { at: verified.signedAt }),
    text('cli.mouDraft', { title: verified.draft.title, id: verified.draft.id, label: verified.draft.versionLabel, date: verified.draft.date }),
    text('cli.mouComment', { comment: verified.comment }),
    text('cli.mouParts'),
    ...verified.parts.map((part) => `  ${part.name.padEnd(12)} ${String(part.size).padStart(9)} bytes  sha256 ${part.sha256}  ok`),
  ].join('\n');
}

export const verifyCommand: Command = {
  summary: 'cli.summary.verify',
  usage: 'accord verify FILE [--db PATH]',
  options: { ...databaseOption },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('cli.oneBundle');
    return withApp(values, async (app) => {
      const { uploadId, kind } = await uploadFile(app, positionals[0]!);
      if (kind === 'signed-mou') {
        console.log(describeVerifiedMou(await call(app, 'mou.signed.verify', { uploadId })));
        return EXIT.ok;
      }
      // Integrity and signature are checked before the database is opened: an altered file never creates one.
      const inspection = await call(app, 'sync.inspect', { uploadId, preview: false });
      console.log(describeInspection(inspection));
      return inspection.trust === 'trusted' || inspection.trust === 'self' ? EXIT.ok : EXIT.untrustedSender;
    }, { lazy: true });
  },
};
