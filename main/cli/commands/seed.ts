import { performance } from 'node:perf_hooks';
import { SEED_PLANS, seedDatabase, type SeedSize } from '../../seed/generate';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command } from '../command';

export const seedCommand: Command = {
  summary: 'Fill an empty database with a realistic synthetic planning dataset (demos, training, benchmarks); the same --seed gives the same records.',
  usage: 'accord seed --db PATH --size small|large [--seed N]',
  options: { ...databaseOption, size: { type: 'string' }, seed: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length) throw new UsageError('seed takes no arguments.');
    const size = values.size as string | undefined;
    if (!size || !(size in SEED_PLANS)) throw new UsageError('--size must be small or large.');
    const seedText = (values.seed as string | undefined) ?? '1';
    if (!/^\d{1,9}$/.test(seedText)) throw new UsageError('--seed must be a whole number.');
    const app = openAppFromOptions(values);
    try {
      const { store } = app.context;
      const existing = store.db.prepare('SELECT COUNT(*) AS n FROM partners').get() as { n: number };
      if (existing.n > 0) {
        console.error(`accord seed: this database already holds ${existing.n} partner nation(s); seed only fills an empty database. Nothing was changed.`);
        return EXIT.failure;
      }
      const started = performance.now();
      console.log(`Seeding a ${size} dataset (seed ${seedText}) in one transaction…`);
      const counts = seedDatabase(store, {
        size: size as SeedSize,
        seed: Number(seedText),
        onProgress: (type, count) => console.log(`  ${type}: ${count}`),
      });
      const summary = Object.entries(counts).map(([type, count]) => `${type} ${count}`).join(', ');
      console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${summary}.`);
      return EXIT.ok;
    } finally {
      app.close();
    }
  },
};
