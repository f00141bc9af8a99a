import type { z } from 'zod';
import { parseIssueMessage } from './i18n/message';
import { isMessageKey, msg } from './messages';
import type { FieldIssue } from './result';

/**
 * zod issues as field issues. A catalog message (issueMessage) travels as its key and params, its `message` the
 * encoded form a form field reads; a legacy key text ("tooLong:200") as it is; zod's own English as 'invalid'.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const carried = parseIssueMessage(issue.message);
    if (carried) return { path, key: carried.key, ...(carried.params ? { params: carried.params } : {}), message: issue.message };
    return { path, message: isMessageKey(issue.message) ? issue.message : msg('invalid') };
  });
}
