import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // better-sqlite3 and Chromium are happiest in forked processes.
    pool: 'forks',
    // Two cores: keep the browser tests from starving each other.
    maxWorkers: 2,
  },
});
