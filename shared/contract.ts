import { z } from 'zod';
import { recordId } from './domain/common';
import { mouDraftInput, mouDraftRecord } from './domain/mou';
import { partnerInput, partnerRecord } from './domain/partner';

/**
 * The whole API: method name -> input and output schemas. The handler table in
 * main/, the IPC and HTTP hosts, the CLI and the renderer's client all derive
 * their types from this one object, so a method exists everywhere or nowhere.
 */
export const contract = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      postId: z.string(),
      postName: z.string(),
      handlingMarking: z.string(),
      databasePath: z.string(),
    }),
  },
  'partners.list': {
    input: z.object({}),
    output: z.array(partnerRecord),
  },
  'partners.get': {
    input: z.object({ id: recordId }),
    output: partnerRecord,
  },
  'partners.create': {
    input: partnerInput,
    output: partnerRecord,
  },
  'partners.update': {
    input: z.object({ id: recordId, values: partnerInput }),
    output: partnerRecord,
  },
  'partners.delete': {
    input: z.object({ id: recordId }),
    output: z.object({ id: z.string() }),
  },
  'mou.list': {
    input: z.object({ partnerId: recordId.optional() }),
    output: z.array(mouDraftRecord),
  },
  'mou.get': {
    input: z.object({ id: recordId }),
    output: mouDraftRecord,
  },
  'mou.create': {
    input: mouDraftInput,
    output: mouDraftRecord,
  },
  'mou.update': {
    input: z.object({ id: recordId, values: mouDraftInput }),
    output: mouDraftRecord,
  },
  'mou.delete': {
    input: z.object({ id: recordId }),
    output: z.object({ id: z.string() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before defaults and trimming). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The one IPC channel every call travels on. */
export const IPC_CHANNEL = 'accord:invoke';
/** Where the loopback host answers API calls: POST {API_PATH}/{method}. */
export const API_PATH = '/api';
/** Largest request body either host accepts. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
export const DEFAULT_HANDLING_MARKING = 'UNCLASSIFIED';
