import { contract, isMethodName, type MethodName, type ParsedInput } from '../shared/contract';
import { formatMessage } from '../shared/i18n/format';
import { message } from '../shared/i18n/message';
import { AppError, type FieldIssue, type Result } from '../shared/result';
import { toFieldIssues } from '../shared/validation';
import { handlers, type HandlerContext } from './handlers/index';

/**
 * The single gate every host calls through: the method must exist, the input
 * must parse with its schema, and whatever the handler throws comes back as a
 * typed error envelope. Hosts carry calls; they never call handlers directly.
 */
export async function dispatch(method: unknown, input: unknown, context: HandlerContext): Promise<Result<unknown>> {
  try {
    if (!isMethodName(method)) {
      throw new AppError('UNKNOWN_METHOD', message('error.unknownMethod', { method: typeof method === 'string' ? method.slice(0, 80) : typeof method }));
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      throw invalidInput(method, issues);
    }
    const handler = handlers[method] as (input: ParsedInput<MethodName>, context: HandlerContext) => unknown;
    return { ok: true, value: await handler(parsed.data as ParsedInput<MethodName>, context) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    if (isDatabaseBusy(error)) return { ok: false, error: DATABASE_BUSY.toShape() };
    // Anything else is a bug or an environment failure: report it without leaking internals.
    console.error('[accord] handler failed', error);
    return { ok: false, error: new AppError('INTERNAL', message('error.internal')).toShape() };
  }
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
