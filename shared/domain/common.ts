import { z } from 'zod';
import { issueMessage } from '../i18n/message';
import { UUID_PATTERN } from '../uuid';

/** A record id as it travels: a UUID, checked before any query sees it. */
export const recordId = z.string().regex(UUID_PATTERN, issueMessage('validation.invalid'));

/** Required one-line text: trimmed, non-empty, bounded. */
export const requiredText = (max: number) => z.string().trim().min(1, issueMessage('validation.required')).max(max, issueMessage('validation.tooLong', { max: max }));

/** Optional text: trimmed, may be empty, bounded. */
export const optionalText = (max: number) => z.string().trim().max(max, issueMessage('validation.tooLong', { max: max }));

/** A closed list of choices with one message for a wrong one. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: issueMessage('validation.invalidChoice') });

export const isoTimestamp = z.string();

/** Fields every stored record carries. */
export const recordMeta = {
  id: recordId,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
};
