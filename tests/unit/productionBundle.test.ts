import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The renderer the tests and benches drive is the one users run: tests/globalSetup.ts builds it under vitest, where
 * NODE_ENV is "test", and that must not give React's development build (3-5x slower lists, extra checks).
 */
describe('the renderer bundle built for tests and benches', () => {
  it('is the production build', () => {
    expect(process.env.NODE_ENV).toBe('test');
    const assets = join(__dirname, '..', '..', 'dist', 'renderer', 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) {
      const code = readFileSync(join(assets, name), 'utf8');
      // The development JSX runtime and React's development-only warnings are absent from a production bundle.
      expect(code).not.toContain('jsxDEV');
      expect(code).not.toContain('Each child in a list should have a unique "key" prop');
    }
  });
});
