/**
 * The officer every test acts as, an editor: test apps create and sign it in (tests/helpers.ts openTestApp),
 * the CLI signs in as it through ACCORD_OFFICER and ACCORD_OFFICER_PASSPHRASE (set for every test in
 * vitest.config.mts), and the browser tests sign in as it (tests/e2e/support.ts).
 */
export const TEST_OFFICER = { name: 'Test officer', passphrase: 'test officer passphrase' } as const;
