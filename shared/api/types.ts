import { z } from 'zod';

/** A set of API methods: name -> input and output schemas. */
export type MethodGroup = Record<string, { input: z.ZodType; output: z.ZodType }>;

/**
 * A file's bytes inside a call: a Uint8Array (a Buffer is one), carried as
 * itself over IPC (structured clone) and as an application/octet-stream body
 * or response over HTTP, never as base64. At most `maxBytes`.
 */
export function bytesSchema(maxBytes: number) {
  return z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'invalid' }).refine((bytes) => bytes.byteLength <= maxBytes, { message: 'tooLarge' });
}

/** The input or output field that carries bytes, in every method that carries any. */
export const BYTES_FIELD = 'bytes';
