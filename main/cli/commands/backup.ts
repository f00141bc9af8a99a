import { formatMessage } from '../../../shared/i18n/format';
import type { MethodOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command } from '../command';

export const backupCommand: Command = {
  summary: 'Write a consistent copy of the database to FILE (SQLite online backup; safe while Accord runs). Never overwrites.',
  usage: 'accord backup --out FILE [--db PATH]',
  options: { ...databaseOption, out: { type: 'string' } },
  async run(values) {
    if (typeof values.out !== 'string' || values.out.trim() === '') throw new UsageError('Name the backup file with --out FILE.');
    const app = openAppFromOptions(values);
    try {
      const result = await app.call('platform.backup', { out: values.out });
      if (!result.ok) throw new AppError(result.error.code, result.error.key ? { key: result.error.key, params: result.error.params } : result.error.message);
      const written = result.value as MethodOutput<'platform.backup'>;
      console.log(formatMessage('en', 'platform.cli.backupDone', { path: written.path, size: Math.ceil(written.bytes / 1024), version: written.schemaVersion }));
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};
