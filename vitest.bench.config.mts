import { defineConfig } from 'vitest/config';

// `npm run bench`: files in bench/ measure and print ratios (see bench/measure.ts).
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
