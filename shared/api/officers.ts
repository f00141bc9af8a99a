import { z } from 'zod';
import { issueMessage } from '../i18n/message';
import type { MethodGroup } from './types';

/**
 * Officers and their sessions. Each person who works at a post signs in (a
 * passphrase; the desktop app may use the OS account); an editor may change
 * records and add officers, a read-only officer may only read. The methods
 * here are the ones a caller reaches before signing in (shared/contract.ts ACCESS).
 */

export const OFFICER_ROLES = ['editor', 'read-only'] as const;
export const officerRole = z.enum(OFFICER_ROLES);
export type OfficerRole = z.infer<typeof officerRole>;

/** What an officer's passphrase must be at least (main/officers.ts refuses shorter ones too). */
export const MIN_OFFICER_PASSPHRASE = 8;
export const MAX_OFFICER_NAME = 100;
/** The idle time after which the window locks, within these bounds (a post setting). */
export const IDLE_LOCK_BOUNDS = { min: 1, max: 480 } as const;

export const officerSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: officerRole,
  /** The operating-system account that signs in as this officer in the desktop app, if any. */
  osUser: z.string().nullable(),
});
export type OfficerInfo = z.infer<typeof officerSchema>;

const officerName = z.string().trim().min(1, { message: issueMessage('validation.required') }).max(MAX_OFFICER_NAME, { message: issueMessage('validation.tooLong', { max: MAX_OFFICER_NAME }) });
const passphrase = z.string().min(MIN_OFFICER_PASSPHRASE, { message: issueMessage('officers.passphraseTooShort', { min: MIN_OFFICER_PASSPHRASE }) }).max(1024);
const osUser = z.string().trim().max(256).nullable();

/**
 * A value carrying `sessionToken` opens a session (a string) or ends one (null): the hosts take it out of
 * the value and keep it themselves (an HttpOnly cookie, the window's own slot in the desktop shell, the CLI's memory).
 */
const opened = z.object({ officer: officerSchema, sessionToken: z.string() });

export const officersMethods = {
  'session.current': {
    input: z.object({}),
    output: z.object({
      postName: z.string(),
      handlingMarking: z.string(),
      /** The signed-in officer, or null. */
      officer: officerSchema.nullable(),
      /** The session is locked (idle): only unlocking or signing out is accepted. */
      locked: z.boolean(),
      /** No officer exists yet: first start creates one. */
      needsFirstOfficer: z.boolean(),
      /** Who may sign in (names only), for the sign-in screen. */
      officers: z.array(z.object({ id: z.string(), name: z.string() })),
      idleLockMinutes: z.number().int(),
      /** Desktop only: this computer's account, and the officer it signs in as (if an editor mapped one). */
      osUser: z.string().nullable(),
      osOfficer: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  },
  'session.signIn': {
    input: z.object({ officer: z.string().trim().min(1).max(MAX_OFFICER_NAME), passphrase: z.string().min(1).max(1024) }),
    output: opened,
  },
  'session.signInOs': { input: z.object({}), output: opened },
  'session.signOut': { input: z.object({}), output: z.object({ sessionToken: z.null() }) },
  'session.lock': { input: z.object({}), output: z.object({ locked: z.literal(true) }) },
  'session.unlock': { input: z.object({ passphrase: z.string().min(1).max(1024) }), output: z.object({ officer: officerSchema }) },
  'officers.first': {
    input: z.object({ name: officerName, passphrase, useOsAccount: z.boolean().default(false) }),
    output: opened,
  },
  'officers.list': { input: z.object({}), output: z.array(officerSchema) },
  'officers.create': {
    input: z.object({ name: officerName, role: officerRole, passphrase, osUser: osUser.default(null) }),
    output: officerSchema,
  },
  'officers.update': {
    input: z.object({ id: z.string().max(64), role: officerRole.optional(), passphrase: passphrase.optional(), osUser: osUser.optional() }),
    output: officerSchema,
  },
  /** Any signed-in officer, read-only ones too: their own passphrase, after the current one is checked. */
  'officers.changeOwnPassphrase': {
    input: z.object({ current: z.string().min(1).max(1024), next: passphrase }),
    output: z.object({ changed: z.literal(true) }),
  },
  'officers.setIdleLock': {
    input: z.object({ minutes: z.number().int().min(IDLE_LOCK_BOUNDS.min).max(IDLE_LOCK_BOUNDS.max) }),
    output: z.object({ idleLockMinutes: z.number().int() }),
  },
} as const satisfies MethodGroup;
