import { CALENDAR_HORIZON_DAYS, CALENDAR_MAX_EVENTS } from '../../../shared/api/reminders';
import { leftOutAdvice } from '../../../shared/calendar/reminders';
import { call, choice, cliLanguage, databaseOption, EXIT, requireOut, say, todayOption, UsageError, warn, withApp, type Command } from '../command';
import { writeFileAtomically } from '../syncSupport';

/**
 * The reminders as an .ics file (reminders.calendar), in the reader's language unless --lang says otherwise. The
 * file is bounded (overdue and the next 365 days, at most 1,000 events); when items were left out it says how many
 * and how to get them, on stderr, and still exits 0: the file it wrote is what was asked for.
 */
export const calendarCommand: Command = {
  summary: 'cli.summary.calendar',
  usage: 'accord calendar [--partner ID] [--lang en|ar] [--today YYYY-MM-DD] --out FILE [--db PATH]',
  // --today: the day the file counts from (overdue before it, the horizon after it); the officer's local date when absent.
  options: { ...databaseOption, partner: { type: 'string' }, lang: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length) throw new UsageError('cli.noArgument', { command: 'calendar' });
    const out = requireOut(values);
    const lang = choice(values, 'lang', ['en', 'ar'] as const, cliLanguage());
    const partnerId = values.partner as string | undefined;
    const today = todayOption(values);
    return withApp(values, async (app) => {
      const file = await call(app, 'reminders.calendar', { lang, ...(partnerId ? { partnerId } : {}), ...(today ? { today } : {}) });
      await writeFileAtomically(out, file.bytes);
      say('cli.calendarWritten', { file: out, n: file.events, until: file.until });
      const left = file.beyondHorizon + file.overLimit;
      if (left > 0) {
        warn('cli.calendarLeftOut', { left, total: file.outstanding, beyond: file.beyondHorizon, over: file.overLimit, until: file.until, max: CALENDAR_MAX_EVENTS, days: CALENDAR_HORIZON_DAYS });
        for (const advice of leftOutAdvice(file, Boolean(partnerId))) warn(advice === 'perPartner' ? 'cli.calendarLeftOutPerPartner' : 'cli.calendarLeftOutLater');
      }
      return EXIT.ok;
    });
  },
};
