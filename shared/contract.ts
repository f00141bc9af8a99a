import { z } from 'zod';
import { coreMethods } from './api/core';
import { dashboardMethods } from './api/dashboard';
import { documentsMethods } from './api/documents';
import { mouDocumentsListMethods } from './api/mouDocuments';
import { mouVersionsMethods } from './api/mouVersions';
import { officersMethods } from './api/officers';
import { platformMethods } from './api/platform';
import { recordsMethods } from './api/records';
import { remindersMethods } from './api/reminders';
import { seedMethods } from './api/seed';
import { MAX_SHEET_BYTES, sheetsMethods } from './api/sheets';
import { jobStatusSchema, MAX_BUNDLE_BYTES, syncMethods, UPLOAD_CHUNK_BYTES } from './api/sync';
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
  ...officersMethods,
  ...dashboardMethods,
  ...remindersMethods,
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

/**
 * Who may call each method, checked by the gate (main/dispatch.ts) before its input is parsed:
 * - open: anyone who reaches the gate (signing in, the sign-in screen's facts, the first officer);
 * - read: a signed-in officer whose session is not locked;
 * - write: such an officer with the editor role. A write changes this post's data, speaks for the post
 *   (signs, exports a bundle under its key) or changes its officers and settings.
 * Every method is listed: a new method without its access does not compile.
 */
export type MethodAccess = 'open' | 'read' | 'write';
export const ACCESS: Record<MethodName, MethodAccess> = {
  'app.info': 'read',
  'records.list': 'read',
  'records.get': 'read',
  'records.create': 'write',
  'records.update': 'write',
  'records.delete': 'write',
  'records.audit': 'read',
  'search.global': 'read',
  'overview.partner': 'read',
  'mou.versions.save': 'write',
  'mou.versions.list': 'read',
  'mou.versions.compare': 'read',
  'sync.identity': 'read',
  'sync.setup': 'write',
  'sync.encryptionKey.rotate': 'write',
  'sync.publicKeyFile': 'read',
  'sync.peers.list': 'read',
  'sync.peers.revoke': 'write',
  'sync.peers.trust': 'write',
  'sync.upload': 'read',
  'sync.upload.begin': 'read',
  'sync.upload.chunk': 'read',
  'sync.upload.end': 'read',
  'sync.sender': 'read',
  'sync.inspect': 'read',
  'sync.import': 'write',
  'sync.export': 'write',
  'sync.export.start': 'write',
  'sync.inspect.start': 'read',
  'sync.import.start': 'write',
  'sync.jobs.status': 'read',
  'sync.download': 'read',
  'sync.dump': 'read',
  'sync.saveFile': 'read',
  'sync.conflicts.list': 'read',
  'sync.conflicts.resolve': 'write',
  'mou.documents.checks': 'read',
  'mou.documents.export': 'read',
  'mou.documents.redline': 'read',
  'mou.sign': 'write',
  'mou.newVersion': 'write',
  'mou.signings.list': 'read',
  'mou.signed.verify': 'read',
  'mou.signed.import': 'write',
  'platform.status': 'read',
  'platform.backup': 'read',
  'platform.restore': 'write',
  'platform.openedFile': 'read',
  'mou.documents.list': 'read',
  'seed.run': 'write',
  'sheets.inspect': 'read',
  'sheets.saveMapping': 'write',
  'sheets.preview': 'read',
  'sheets.apply': 'write',
  'sheets.export': 'read',
  'sheets.template': 'read',
  'dashboard.partner': 'read',
  'dashboard.post': 'read',
  // A brief or communiqué is written from what the post holds; recording its delivery is an ordinary records.create.
  'dashboard.brief': 'read',
  'dashboard.communique': 'read',
  'reminders.due': 'read',
  // A file made from what the post holds, like a brief; the database is not touched.
  'reminders.calendar': 'read',
  'sheets.rejectedFile': 'read',
  // Saves bytes the officer already holds to a file they choose; the database is not touched.
  'sheets.saveFile': 'read',
  'session.current': 'open',
  'session.signIn': 'open',
  'session.signInOs': 'open',
  'session.signOut': 'open',
  'session.lock': 'open',
  'session.unlock': 'open',
  'officers.first': 'open',
  'officers.list': 'read',
  'officers.create': 'write',
  'officers.update': 'write',
  'officers.setIdleLock': 'write',
  'officers.changeOwnPassphrase': 'read',
};

/** The field of a method's value that opens (a string) or ends (null) a session; hosts take it out and keep it. */
export const SESSION_TOKEN_FIELD = 'sessionToken';

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
export const BYTE_CAPS: Partial<Record<MethodName, number>> = { 'sync.upload': MAX_BUNDLE_BYTES, 'sync.upload.chunk': UPLOAD_CHUNK_BYTES + 64 * 1024, 'sheets.inspect': MAX_SHEET_BYTES, 'sheets.preview': MAX_SHEET_BYTES, 'sheets.apply': MAX_SHEET_BYTES };

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
