import { call, choice, cliLanguage, databaseOption, EXIT, requireOut, say, UsageError, withApp, type Command } from '../command';
import { writeFileAtomically } from '../syncSupport';

/** The reminders as an .ics file (reminders.calendar), in the reader's language unless --lang says otherwise. */
export const calendarCommand: Command = {
  summary: 'cli.summary.calendar',
  usage: 'accord calendar [--partner ID] [--lang en|ar] --out FILE [--db PATH]',
  options: { ...databaseOption, partner: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length) throw new UsageError('cli.noArgument', { command: 'calendar' });
    const out = requireOut(values);
    const lang = choice(values, 'lang', ['en', 'ar'] as const, cliLanguage());
    const partnerId = values.partner as string | undefined;
    return withApp(values, async (app) => {
      const file = await call(app, 'reminders.calendar', { lang, ...(partnerId ? { partnerId } : {}) });
      await writeFileAtomically(out, file.bytes);
      say('cli.calendarWritten', { file: out, n: file.events });
      return EXIT.ok;
    });
  },
};
