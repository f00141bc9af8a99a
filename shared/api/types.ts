import type { z } from 'zod';

/** A set of API methods: name -> input and output schemas. */
export type MethodGroup = Record<string, { input: z.ZodType; output: z.ZodType }>;
