import type { z } from 'zod';
import { isMessageKey, msg } from './messages';
import type { FieldIssue } from './result';

/** zod issues as field issues whose messages are always message keys. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: isMessageKey(issue.message) ? issue.message : msg('invalid'),
  }));
}
