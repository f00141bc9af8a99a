import { call, databaseOption, EXIT, say, UsageError, withApp, type Command } from '../command';

export const restoreCommand: Command = {
  summary: 'cli.summary.restore',
  usage: 'accord restore FILE [--check] [--db PATH]',
  options: { ...databaseOption, check: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('cli.oneBackup');
    const from = positionals[0]!;
    return withApp(values, async (app) => {
      const restored = await call(app, 'platform.restore', { from, check: values.check === true });
      const params = { path: restored.path, name: restored.postName, version: restored.schemaVersion };
      if (restored.previousCopy === null) say('platform.cli.restoreChecked', params);
      else say('platform.cli.restoreDone', { ...params, previous: restored.previousCopy });
      return EXIT.ok;
    });
  },
};
