import { call, databaseOption, EXIT, withApp, type Command } from '../command';

export const dumpCommand: Command = {
  summary: 'cli.summary.dump',
  usage: 'accord dump [--db PATH]',
  options: { ...databaseOption },
  run: (values) =>
    withApp(values, async (app) => {
      process.stdout.write((await call(app, 'sync.dump', {})).text);
      return EXIT.ok;
    }),
};
