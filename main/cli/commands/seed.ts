import { performance } from 'node:perf_hooks';
import { SEED_SIZES } from '../../../shared/api/seed';
import { call, databaseOption, EXIT, say, todayOption, UsageError, withApp, type Command } from '../command';

export const seedCommand: Command = {
  summary: 'cli.summary.seed',
  usage: 'accord seed --db PATH --size small|large [--seed N] [--today YYYY-MM-DD]',
  options: { ...databaseOption, size: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length) throw new UsageError('cli.noArgument', { command: 'seed' });
    const size = SEED_SIZES.find((known) => known === values.size);
    if (!size) throw new UsageError('cli.seedSize');
    const seedText = (values.seed as string | undefined) ?? '1';
    if (!/^\d{1,9}$/.test(seedText)) throw new UsageError('cli.seedNumber');
    const today = todayOption(values);
    return withApp(values, async (app) => {
      const started = performance.now();
      say('cli.seeding', { size, seed: seedText });
      const stop = app.call.subscribe((event) => {
        if (event.type === 'progress' && event.task === 'seed') console.log(`  ${event.phase}: ${event.done}`);
      });
      try {
        const { counts } = await call(app, 'seed.run', { size, seed: Number(seedText), ...(today ? { today } : {}) });
        const summary = Object.entries(counts).map(([type, count]) => `${type} ${count}`).join(', ');
        say('cli.seeded', { seconds: ((performance.now() - started) / 1000).toFixed(1), summary });
      } finally {
        stop();
      }
      return EXIT.ok;
    });
  },
};
