import { defineConfig } from 'vitest/config';
import { TEST_OFFICER } from './tests/officer';
import { CONDITION_TIMEOUT_MS, HANG_GUARD_MS } from './tests/waits';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/globalSetup.ts'],
    // Every CLI a test starts signs in as the default editor (tests/officer.ts), or creates it on a new database.
    env: { ACCORD_OFFICER: TEST_OFFICER.name, ACCORD_OFFICER_PASSPHRASE: TEST_OFFICER.passphrase },
    // Hang guards only, never budgets a slow machine can miss (tests/waits.ts).
    testTimeout: HANG_GUARD_MS,
    hookTimeout: HANG_GUARD_MS,
    // expect.poll waits for its condition (checked every 50 ms); the timeout only reports one that never holds.
    expect: { poll: { timeout: CONDITION_TIMEOUT_MS, interval: 50 } },
    // better-sqlite3 and Chromium are happiest in forked processes.
    pool: 'forks',
    // Two cores: keep the browser tests from starving each other.
    maxWorkers: 2,
  },
});
