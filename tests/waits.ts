/**
 * Tests wait on conditions, never on how fast a machine is. Every wait (an
 * expect.poll, vi.waitFor, a Playwright locator, download or navigation) ends
 * as soon as its condition holds; the budget below only decides when a
 * condition that never comes true is reported as a failure, naming the step
 * that waited. It is far beyond anything a loaded two-core machine needs, so
 * slowness alone never fails a test.
 */
export const CONDITION_TIMEOUT_MS = 2 * 60_000;

/**
 * The runner's own timeouts are hang guards only: a test or hook still running
 * after this long is stuck, not slow. Longer than any condition wait, so a wait
 * that fails reports itself first.
 */
export const HANG_GUARD_MS = 10 * 60_000;
