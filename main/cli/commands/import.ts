import type { ImportReport, Inspection } from '../../../shared/api/sync';
import type { AccordApp } from '../../app';
import { call, databaseOption, EXIT, say, text, UsageError, withApp, type Command } from '../command';
import { confirm, uploadFile } from '../syncSupport';

export const importCommand: Command = {
  summary: 'cli.summary.import',
  usage: 'accord import FILE [--dry-run] [--yes] [--db PATH]',
  options: { ...databaseOption, 'dry-run': { type: 'boolean' }, yes: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('cli.oneBundle');
    return withApp(values, async (app) => {
      // Read once: the gate verifies, decompresses and validates this upload once, for the preview and the import alike.
      const { uploadId } = await uploadFile(app, positionals[0]!);
      // With --yes nothing waits on the preview's numbers, so none is made: the bundle is applied once.
      const preview = !values.yes;
      let inspection = await call(app, 'sync.inspect', { uploadId, preview });
      console.log(describeInspection(inspection));
      // At a terminal, an unknown sender can be trusted on the spot once its fingerprint is checked
      // (never with --yes alone: trusting a key is a decision a person makes).
      if (inspection.trust === 'unknown' && !values.yes && (await confirm(text('cli.trustAsk', { name: inspection.header.sender.name })))) {
        await call(app, 'sync.peers.trust', { uploadId, fingerprint: inspection.fingerprint });
        inspection = await call(app, 'sync.inspect', { uploadId, preview });
        console.log(describeInspection(inspection));
      }
      // An untrusted sender: the import refuses with the precise reason and exit code.
      if (inspection.trust !== 'trusted' && inspection.trust !== 'self') return apply(app, uploadId);
      if (values['dry-run']) return EXIT.ok;
      if (!values.yes && !(await confirm(text('cli.applyAsk')))) {
        if (!process.stdin.isTTY) throw new UsageError('cli.yesOrDryRun');
        say('cli.cancelled');
        return EXIT.ok;
      }
      return apply(app, uploadId);
    });
  },
};

async function apply(app: AccordApp, uploadId: string): Promise<number> {
  printReport(await call(app, 'sync.import', { uploadId }));
  return EXIT.ok;
}

function printReport(report: ImportReport): void {
  if (report.status === 'already-imported' || !report.summary) say('cli.importedBefore');
  else say('cli.applied', { applied: report.summary.applied, changes: report.summary.changes, conflicts: report.summary.conflicts });
  for (const warning of report.warnings) say(warning === 'older-sequence' ? 'cli.noteOlderSequence' : 'cli.noteClockAhead');
}

const TRUST = {
  trusted: 'cli.trustTrusted',
  self: 'cli.trustSelf',
  unknown: 'cli.trustUnknown',
  revoked: 'cli.trustRevoked',
  'key-changed': 'cli.trustKeyChanged',
} as const;

export function describeInspection(inspection: Inspection): string {
  const { header } = inspection;
  const lines = [
    text('cli.inspectFrom', { name: header.sender.name, post: header.sender.postId }),
    text('cli.inspectFingerprint', { fingerprint: inspection.fingerprint }),
    text('cli.inspectSignature', { trust: { key: TRUST[inspection.trust] } }),
    text(header.forPost ? 'cli.inspectCreatedFor' : 'cli.inspectCreated', { at: header.createdAt, sequence: header.sequence, schema: header.schemaVersion, changes: header.counts.changes, post: header.forPost }),
  ];
  if (inspection.alreadyImported) lines.push(text('cli.inspectAlreadyImported'));
  if (inspection.olderThanImported) lines.push(text('cli.inspectOlder'));
  if (inspection.clockAhead) lines.push(text('cli.inspectClockAhead', { hours: Math.round(inspection.clockAheadMs / 3_600_000) }));
  if (inspection.preview) {
    lines.push('', text('cli.previewHeading'));
    for (const [table, counts] of Object.entries(inspection.preview.tables).sort()) {
      lines.push(`${table.padEnd(22)} ${String(counts.new).padStart(4)} ${String(counts.changed).padStart(8)} ${String(counts.deleted).padStart(8)} ${String(counts.conflicting).padStart(12)}`);
    }
  }
  return lines.join('\n');
}
