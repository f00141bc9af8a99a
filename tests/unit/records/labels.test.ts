import { describe, expect, expectTypeOf, it } from 'vitest';
import { ar } from '../../../shared/i18n/ar';
import { en } from '../../../shared/i18n/en';
import { formatMessage } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/message';
import { registryKeys, type RegistryKey } from '../../../shared/records/labels';

describe('registry labels in the catalog', () => {
  it('has every key the registry implies, in both languages', () => {
    const keys = registryKeys();
    expect(keys.length).toBeGreaterThan(200);
    expect(keys.filter((key) => !(key in en))).toEqual([]);
    expect(keys.filter((key) => !(key in ar))).toEqual([]);
  });

  it('derives the keys at the type level too', () => {
    expectTypeOf<'records.type.partners.one'>().toExtend<RegistryKey>();
    expectTypeOf<'records.field.mouDrafts.partnerId'>().toExtend<RegistryKey>();
    expectTypeOf<'records.option.sector.police'>().toExtend<RegistryKey>();
    expectTypeOf<'records.option.mouDrafts.status.signed'>().toExtend<RegistryKey>();
    expectTypeOf<RegistryKey>().toExtend<MessageKey>();
  });

  it('counts records inside their phrase, with the plural of each language', () => {
    expect(formatMessage('en', 'records.type.projects.count', { n: 1 })).toBe('1 project');
    expect(formatMessage('en', 'records.type.projects.count', { n: 3 })).toBe('3 projects');
    expect(formatMessage('ar', 'records.type.projects.count', { n: 3 })).toBe('المشاريع: 3');
  });
});
