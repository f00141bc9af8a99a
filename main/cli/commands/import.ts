import { importBundle, inspectBundle, trustSenderOf, type Inspection } from '../../sync/service';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command } from '../command';
import { confirm, readBundleFile, withSyncExitCodes } from '../syncSupport';

export const importCommand: Command = {
  summary: 'Verify a bundle, show what it would change, and apply it (all or nothing).',
  usage: 'accord import FILE [--dry-run] [--yes] [--db PATH]',
  options: { ...databaseOption, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one bundle file.');
    const app = openAppFromOptions(values);
    try {
      return await withSyncExitCodes('import', async () => {
        const bytes = readBundleFile(positionals[0]!);
        const { store } = app.context;
        let inspection = await inspectBundle(store, bytes);
        console.log(describeInspection(inspection));
        // At a terminal, an unknown sender can be trusted on the spot once its fingerprint is checked
        // (never with --yes alone: trusting a key is a decision a person makes).
        if (inspection.trust === 'unknown' && !values.yes && (await confirm(`Trust "${inspection.header.sender.name}"? Only if the sender read you the same fingerprint.`))) {
          trustSenderOf(store, bytes, inspection.fingerprint);
          inspection = await inspectBundle(store, bytes);
          console.log(describeInspection(inspection));
        }
        if (inspection.trust !== 'trusted' && inspection.trust !== 'self') {
          // importBundle refuses with the precise reason and exit code.
          await importBundle(store, bytes);
        }
        if (values['dry-run']) return EXIT.ok;
        if (!values.yes && !(await confirm('Apply these changes?'))) {
          if (!process.stdin.isTTY) throw new UsageError('Add --yes to apply without asking (or --dry-run to only preview).');
          console.log('Cancelled; nothing changed.');
          return EXIT.ok;
        }
        const report = await importBundle(store, bytes);
        if (report.status === 'already-imported') console.log('This bundle was imported before; nothing changed.');
        else console.log(`Applied ${report.summary!.applied} of ${report.summary!.changes} change(s); ${report.summary!.conflicts} conflict(s) to review.`);
        for (const warning of report.warnings) console.log(`Note: ${WARNINGS[warning]}`);
        return EXIT.ok;
      });
    } finally {
      app.close();
    }
  },
};

const WARNINGS = {
  'older-sequence': 'a later bundle from this post was already imported; this older one was merged without overwriting anything newer.',
  'clock-ahead': "the sender's clock is more than a day ahead of this computer's; its changes were accepted.",
};

export function describeInspection(inspection: Inspection): string {
  const { header } = inspection;
  const lines = [
    `From: ${header.sender.name} (post ${header.sender.postId})`,
    `Key fingerprint: ${inspection.fingerprint}`,
    `Signature: valid. Sender: ${TRUST[inspection.trust]}`,
    `Created: ${header.createdAt}, sequence ${header.sequence}, schema ${header.schemaVersion}, ${header.counts.changes} change(s)${header.forPost ? `, for post ${header.forPost}` : ''}`,
  ];
  if (inspection.alreadyImported) lines.push('Already imported: importing again changes nothing.');
  if (inspection.olderThanImported) lines.push('Older than a bundle already imported from this post (still safe: nothing newer is overwritten).');
  if (inspection.clockAhead) lines.push(`The sender's clock is ${Math.round(inspection.clockAheadMs / 3_600_000)} hour(s) ahead of this computer's.`);
  if (inspection.preview) {
    lines.push('', 'record type            new  changed  deleted  conflicting');
    for (const [table, counts] of Object.entries(inspection.preview.tables).sort()) {
      lines.push(`${table.padEnd(22)} ${String(counts.new).padStart(4)} ${String(counts.changed).padStart(8)} ${String(counts.deleted).padStart(8)} ${String(counts.conflicting).padStart(12)}`);
    }
  }
  return lines.join('\n');
}

const TRUST = {
  trusted: 'trusted.',
  self: 'this post itself.',
  unknown: 'NOT trusted yet (check the fingerprint with the sender, then: accord keys trust FILE).',
  revoked: 'trust was REVOKED.',
  'key-changed': 'its key CHANGED from the one trusted: refused.',
};
