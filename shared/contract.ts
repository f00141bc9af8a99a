import type { z } from 'zod';
import { coreMethods } from './api/core';
import { documentsMethods } from './api/documents';
import { mouVersionsMethods } from './api/mouVersions';
import { platformMethods } from './api/platform';
import { recordsMethods } from './api/records';
import { syncMethods } from './api/sync';
import type { MethodGroup } from './api/types';

/**
 * The whole API: method name -> input and output schemas. The handler table in
 * main/, the IPC and HTTP hosts, the CLI and the renderer's client all derive
 * their types from this one object, so a method exists everywhere or nowhere.
 * Each feature declares its methods in shared/api/<feature>.ts and is listed here.
 */
export const contract = {
  ...coreMethods,
  ...recordsMethods,
  ...mouVersionsMethods,
  ...syncMethods,
  ...documentsMethods,
  ...platformMethods,
} as const satisfies MethodGroup;

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
