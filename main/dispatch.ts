import { contract, isMethodName, type MethodName, type ParsedInput } from '../shared/contract';
import { formatMessage } from '../shared/messages';
import { AppError, type Result } from '../shared/result';
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
      throw new AppError('UNKNOWN_METHOD', `Unknown method: ${typeof method === 'string' ? method.slice(0, 80) : typeof method}.`);
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      throw new AppError('VALIDATION', `Invalid input for ${method}: ${describeIssues(issues)}`, { issues });
    }
    const handler = handlers[method] as (input: ParsedInput<MethodName>, context: HandlerContext) => unknown;
    return { ok: true, value: await handler(parsed.data as ParsedInput<MethodName>, context) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    if (isDatabaseBusy(error)) return { ok: false, error: DATABASE_BUSY.toShape() };
    // Anything else is a bug or an environment failure: report it without leaking internals.
    console.error('[accord] handler failed', error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Accord hit an internal error; nothing was saved. Details are in the log.' } };
  }
}

// An import on the sync worker holds the one write lock while it merges; a save that waited out the busy timeout
// (db/open.ts) was rolled back whole and can simply be tried again.
const DATABASE_BUSY = new AppError('CONFLICT', 'Another task (a bundle import) is writing to the database; nothing was saved. Try again in a moment.', {
  reason: 'busy',
  localized: {
    en: 'Another task (a bundle import) is writing to the database; nothing was saved. Try again in a moment.',
    ar: 'مهمة أخرى (استيراد حزمة) تكتب في قاعدة البيانات؛ لم يُحفظ شيء. حاول مرة أخرى بعد قليل.',
  },
});

function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_BUSY_TIMEOUT';
}

function describeIssues(issues: { path: (string | number)[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${formatMessage(issue.message, 'en')}`).join('; ');
}
