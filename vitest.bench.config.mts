import { defineConfig } from 'vitest/config';

// `npm run bench`: files in bench/ measure and record ratios (bench/report.ts); bench/globalSetup.ts prints the table at the end.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    globalSetup: ['bench/globalSetup.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
