import { call, databaseOption, EXIT, say, UsageError, withApp, type Command } from '../command';

export const backupCommand: Command = {
  summary: 'cli.summary.backup',
  usage: 'accord backup --out FILE [--db PATH]',
  options: { ...databaseOption, out: { type: 'string' } },
  async run(values) {
    if (typeof values.out !== 'string' || values.out.trim() === '') throw new UsageError('cli.backupOutRequired');
    const out = values.out;
    return withApp(values, async (app) => {
      const written = await call(app, 'platform.backup', { out });
      say('platform.cli.backupDone', { path: written.path, size: Math.ceil(written.bytes / 1024), version: written.schemaVersion });
      return EXIT.ok;
    });
  },
};
