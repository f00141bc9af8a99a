import { dumpSyncedTables } from '../../../db/dump';
import { databaseOption, EXIT, openAppFromOptions, type Command } from '../command';

export const dumpCommand: Command = {
  summary: 'Print every synced record as canonical sorted JSON (compare two posts with diff).',
  usage: 'accord dump [--db PATH]',
  options: { ...databaseOption },
  async run(values) {
    const app = openAppFromOptions(values);
    try {
      process.stdout.write(dumpSyncedTables(app.context.store.db));
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};
