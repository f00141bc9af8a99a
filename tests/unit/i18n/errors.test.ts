import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AccordApp } from '../../../main/app';
import { formatMessage } from '../../../shared/i18n/format';
import { issueMessage } from '../../../shared/i18n/message';
import { appErrorSchema, AppError, errorText, fieldIssueSchema, type AppErrorShape } from '../../../shared/result';
import { toFieldIssues } from '../../../shared/validation';
import { openTestApp, tempDirectory } from '../../helpers';

const dir = tempDirectory();
let app: AccordApp;
beforeAll(() => {
  app = openTestApp(`${dir.path}/errors.sqlite`);
});
afterAll(() => {
  app.close();
  dir.remove();
});

/** The envelope as a host carries it: JSON over IPC or HTTP, parsed with the contract's schema on arrival. */
async function refusal(method: string, input: unknown): Promise<AppErrorShape> {
  const result = await app.call(method, input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  return appErrorSchema.parse(JSON.parse(JSON.stringify(result.error)));
}

describe('an AppError crosses the gate as { code, key, params }', () => {
  it('a repository refusal keeps its catalog key and named arguments, and renders in English and Arabic', async () => {
    const error = await refusal('sync.conflicts.resolve', { id: 'c-404', keep: 'winner' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', key: 'sync.conflict.notFound', params: { id: 'c-404' }, details: { id: 'c-404' } });
    expect(error.details).not.toHaveProperty('localized');
    expect(errorText(error, 'en')).toBe('No conflict with id c-404.');
    expect(errorText(error, 'ar')).toBe('لا يوجد تعارض بالمعرّف c-404.');
    // `message` is the English text, for logs.
    expect(error.message).toBe('No conflict with id c-404.');
  });

  it('an unknown method is error.unknownMethod with the method named', async () => {
    const error = await refusal('partners.drop', {});
    expect(error).toMatchObject({ code: 'UNKNOWN_METHOD', key: 'error.unknownMethod', params: { method: 'partners.drop' } });
    expect(errorText(error, 'en')).toBe('Unknown method: partners.drop.');
    expect(errorText(error, 'ar')).toBe('طريقة غير معروفة: partners.drop.');
  });

  it('invalid input is error.invalidInput around the first issue’s own message; every issue carries key and params', async () => {
    const error = await refusal('mou.versions.save', { mouId: '0190a0a0-0000-7000-8000-000000000000', label: 'x'.repeat(101) });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      key: 'error.invalidInput',
      params: { issues: { key: 'validation.tooLong', params: { max: 100 } } },
      details: { issues: [{ path: ['label'], key: 'validation.tooLong', params: { max: 100 } }] },
    });
    expect(errorText(error, 'en')).toBe('The request was not valid: Use at most 100 characters.');
    expect(errorText(error, 'ar')).toBe('الطلب غير صالح: استخدم 100 حرف على الأكثر.');
    // The English log line names the field.
    expect(error.message).toBe('Invalid input for mou.versions.save: label: Use at most 100 characters.');
  });

  it('the envelope schema refuses a key the catalog does not have, and an envelope with no key (text alone)', () => {
    expect(appErrorSchema.safeParse({ code: 'INTERNAL', key: 'error.nope', message: 'x' }).success).toBe(false);
    expect(appErrorSchema.safeParse({ code: 'INTERNAL', message: 'Internal error.' }).success).toBe(false);
    expect(fieldIssueSchema.safeParse({ path: ['name'], message: 'Required.' }).success).toBe(false);
    expect(appErrorSchema.safeParse(new AppError('INTERNAL', { key: 'error.internal' }).toShape()).success).toBe(true);
  });
});

describe('field issues', () => {
  it('toFieldIssues carries a schema’s catalog message, and turns zod’s own English into validation.invalid', () => {
    const schema = z.object({
      catalog: z.string().max(3, issueMessage('validation.tooLong', { max: 3 })),
      plain: z.number(),
    });
    const issues = toFieldIssues(schema.safeParse({ catalog: 'abcd', plain: 'x' }).error!);
    expect(issues).toEqual([
      { path: ['catalog'], key: 'validation.tooLong', params: { max: 3 } },
      { path: ['plain'], key: 'validation.invalid' },
    ]);
    expect(formatMessage('ar', issues[0]!.key, issues[0]!.params)).toBe('استخدم 3 أحرف على الأكثر.');
  });
});
