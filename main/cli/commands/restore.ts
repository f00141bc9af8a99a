import { formatMessage } from '../../../shared/i18n/format';
import type { MethodOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command } from '../command';

export const restoreCommand: Command = {
  summary:
    'Check a backup (integrity, an Accord database, not from a newer version) and, only if it passes, make it the database; the previous contents are kept in the backups folder. --check only checks. Close Accord first.',
  usage: 'accord restore FILE [--check] [--db PATH]',
  options: { ...databaseOption, check: { type: 'boolean' } },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one backup file.');
    const app = openAppFromOptions(values);
    try {
      const result = await app.call('platform.restore', { from: positionals[0], check: values.check === true });
      if (!result.ok) throw new AppError(result.error.code, result.error.key ? { key: result.error.key, params: result.error.params } : result.error.message);
      const restored = result.value as MethodOutput<'platform.restore'>;
      const params = { path: restored.path, name: restored.postName, version: restored.schemaVersion };
      console.log(
        restored.previousCopy === null
          ? formatMessage('en', 'platform.cli.restoreChecked', params)
          : formatMessage('en', 'platform.cli.restoreDone', { ...params, previous: restored.previousCopy }),
      );
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};
