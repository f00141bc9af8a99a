import { z } from 'zod';
import { coreMethods } from './api/core';
import { dashboardMethods } from './api/dashboard';
import { documentsMethods } from './api/documents';
import { mouDocumentsListMethods } from './api/mouDocuments';
import { mouVersionsMethods } from './api/mouVersions';
import { platformMethods } from './api/platform';
import { recordsMethods } from './api/records';
import { seedMethods } from './api/seed';
import { MAX_SHEET_BYTES, sheetsMethods } from './api/sheets';
import { jobStatusSchema, MAX_BUNDLE_BYTES, syncMethods } from './api/sync';
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
  ...mouDocumentsListMethods,
  ...seedMethods,
  ...sheetsMethods,
  ...dashboardMethods,
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
/** The one IPC channel events are pushed on (main -> window). */
export const EVENT_CHANNEL = 'accord:event';
/** Where the loopback host answers API calls: POST {API_PATH}/{method}. */
export const API_PATH = '/api';
/** The loopback host's event stream (Server-Sent Events), behind the same token, Host and Origin checks. */
export const EVENTS_PATH = '/events';
/** Largest JSON request body either host accepts. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** Methods that carry a file's bytes, and the most each accepts (their body cap on the loopback host). */
export const BYTE_CAPS: Partial<Record<MethodName, number>> = { 'sync.upload': MAX_BUNDLE_BYTES, 'sheets.inspect': MAX_SHEET_BYTES, 'sheets.preview': MAX_SHEET_BYTES, 'sheets.apply': MAX_SHEET_BYTES };

export function requestCap(method: string): number {
  return (isMethodName(method) ? BYTE_CAPS[method] : undefined) ?? MAX_REQUEST_BYTES;
}

/**
 * What the main side pushes to the window while long work runs (IPC events; on
 * the loopback host an event stream): a sync job's status as it moves, a
 * step of a task the caller is waiting on (seeding), or (desktop) a file the OS
 * asked Accord to open now waits for the window (it takes it with platform.openedFile).
 */
export const appEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('openedFile') }),
  z.object({ type: z.literal('job'), status: jobStatusSchema }),
  z.object({ type: z.literal('progress'), task: z.string(), phase: z.string(), done: z.number(), total: z.number() }),
]);
export type AppEvent = z.infer<typeof appEventSchema>;
export const DEFAULT_HANDLING_MARKING = 'UNCLASSIFIED';
