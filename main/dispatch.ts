import { AsyncLocalStorage } from 'node:async_hooks';
import { ACCESS, contract, isMethodName, type MethodName, type ParsedInput } from '../shared/contract';
import { findOfficer, type Officer } from '../db/officers';
import type { Session } from './officers';
import { formatMessage } from '../shared/i18n/format';
import { message } from '../shared/i18n/message';
import { AppError, type FieldIssue, type Result } from '../shared/result';
import { toFieldIssues } from '../shared/validation';
import { handlers, type HandlerContext } from './handlers/index';

/** What the gate resolved for the call under way: its session, token and officer (the context's getters read it: main/app.ts). */
export interface CallScope {
  session: Session | null;
  sessionToken: string | null;
  officer: Officer | null;
  /**
   * The call was let through without a session because no database exists yet (a CLI command that may never
   * need one: verifying a file). Reaching for the store then refuses it: there is no officer to sign in as.
   */
  storeRefused: boolean;
}
export const callScope = new AsyncLocalStorage<CallScope>();

/**
 * The single gate every host calls through: the method must exist, the caller
 * must be allowed it (its access in shared/contract.ts: a signed-in, unlocked
 * officer for reads, an editor for writes), the input must parse with its
 * schema, and whatever the handler throws comes back as a typed error
 * envelope. Hosts carry calls and the session token; they never call handlers directly.
 */
export async function dispatch(method: unknown, input: unknown, context: HandlerContext, sessionToken: string | null = null): Promise<Result<unknown>> {
  try {
    if (!isMethodName(method)) {
      throw new AppError('UNKNOWN_METHOD', message('error.unknownMethod', { method: typeof method === 'string' ? method.slice(0, 80) : typeof method }));
    }
    const session = context.sessions.get(sessionToken) ?? null;
    // A session exists only once the database is open (signing in reads it), so this never opens one.
    const officer = session ? (findOfficer(context.store.db, session.officerId) ?? null) : null;
    const storeRefused = !officer && ACCESS[method] === 'read' && context.databaseExists?.() === false;
    if (!storeRefused) checkAccess(method, session?.locked ?? false, officer);
    const scope: CallScope = { session: officer ? session : null, sessionToken: officer ? sessionToken : null, officer, storeRefused };
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      throw invalidInput(method, issues);
    }
    const handler = handlers[method] as (input: ParsedInput<MethodName>, context: HandlerContext) => unknown;
    return { ok: true, value: await callScope.run(scope, () => handler(parsed.data as ParsedInput<MethodName>, context)) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    if (isDatabaseBusy(error)) return { ok: false, error: DATABASE_BUSY.toShape() };
    // Anything else is a bug or an environment failure: report it without leaking internals.
    console.error('[accord] handler failed', error);
    return { ok: false, error: new AppError('INTERNAL', message('error.internal')).toShape() };
  }
}

export const signInNeeded = () => new AppError('UNAUTHORIZED', message('officers.signInNeeded'), { reason: 'sign-in' });

/** Refuses a call its caller may not make: no session (or a locked one) for a read, a read-only officer for a write. */
function checkAccess(method: MethodName, locked: boolean, officer: Officer | null): void {
  const access = ACCESS[method];
  if (access === 'open') return;
  if (!officer) throw signInNeeded();
  if (locked) throw new AppError('UNAUTHORIZED', message('officers.locked'), { reason: 'locked' });
  if (access === 'write' && officer.role !== 'editor') throw new AppError('FORBIDDEN', message('officers.readOnly', { name: officer.name }), { reason: 'read-only', method });
}

// An import on the sync worker holds the one write lock while it merges; a save that waited out the busy timeout
// (db/open.ts) was rolled back whole and can simply be tried again.
const DATABASE_BUSY = new AppError('CONFLICT', message('error.busy'), { reason: 'busy' });

function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_BUSY_TIMEOUT';
}

/**
 * Invalid input: the envelope carries error.invalidInput with the first issue's
 * own message as its argument (each client renders both in its language) and
 * every issue in details.issues; `message`, the English line for logs, lists
 * them all with their paths.
 */
function invalidInput(method: string, issues: FieldIssue[]): AppError {
  const first = issues[0];
  const error = new AppError('VALIDATION', message('error.invalidInput', { issues: first ? message(first.key, first.params) : message('validation.invalid') }), { issues });
  error.message = `Invalid input for ${method}: ${describeIssues(issues)}`;
  return error;
}

/** The issues in English, for the log line only. */
function describeIssues(issues: FieldIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${formatMessage('en', issue.key, issue.params)}`).join('; ');
}
