import { call, databaseOption, EXIT, withApp, type Command } from '../command';

export const dumpCommand: Command = {
  summary: 'Print every synced record as canonical sorted JSON (compare two posts with diff).',
  usage: 'accord dump [--db PATH]',
  options: { ...databaseOption },
  run: (values) =>
    withApp(values, async (app) => {
      process.stdout.write((await call(app, 'sync.dump', {})).text);
      return EXIT.ok;
    }),
};
