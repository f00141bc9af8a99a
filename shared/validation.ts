import type { z } from 'zod';
import { issueMessage, parseIssueMessage } from './i18n/message';
import type { FieldIssue } from './result';

/**
 * zod issues as field issues carrying catalog messages: `{ path, key, params }`. A schema's message is an issueMessage() string; zod's own
 * English messages become validation.invalid.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const carried = parseIssueMessage(issue.message) ?? { key: 'validation.invalid' as const };
    return {
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      key: carried.key,
      ...(carried.params ? { params: carried.params } : {}),
    };
  });
}

/**
 * A field issue as one string for a form library that holds text (react-hook-form's
 * `message`): its catalog message encoded as issueMessage() does, which the
 * renderer's formatError renders with its arguments.
 */
export function issueText(issue: Pick<FieldIssue, 'key' | 'params'>): string {
  return issueMessage(issue.key, issue.params);
}
