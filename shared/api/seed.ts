import { z } from 'zod';
import type { MethodGroup } from './types';

export const SEED_SIZES = ['small', 'large'] as const;

/** A realistic synthetic planning dataset written into an empty database (demos, training, benchmarks). */
export const seedMethods = {
  'seed.run': {
    /** today: the day the demo's dates are built around (ISO date); the officer's local today when absent. */
    input: z.object({ size: z.enum(SEED_SIZES), seed: z.number().int().min(0).max(999_999_999), today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }),
    /** Records written per type; progress is pushed as events while it runs. */
    output: z.object({ counts: z.record(z.string(), z.number()) }),
  },
} as const satisfies MethodGroup;
