import type { MessageKey } from '../i18n/message';
import { recordTypes, type RecordTypeName } from './registry';
import type { FieldSpec, RecordTypeSpec } from './spec';

/**
 * Catalog keys of the registry's labels, derived by convention from names
 * (records.type.<type>.one|many, records.field.<type>.<field>,
 * records.option.<set>.<value>): the registry holds no text. The types below
 * make a key the registry implies but the catalog lacks a compile error;
 * tests/unit/records/labels.test.ts checks the same at run time.
 */

type Types = (typeof recordTypes)[number];
type FieldOf<T extends Types> = T['fields'][number];
type OptionKey<T extends Types, F> = F extends { kind: 'enum'; options: readonly (infer V extends string)[] }
  ? F extends { optionSet: infer S extends string }
    ? `records.option.${S}.${V}`
    : F extends { name: infer N extends string }
      ? `records.option.${T['name']}.${N}.${V}`
      : never
  : never;
type DerivedKey<T extends Types = Types> = T extends Types
  ? `records.type.${T['name']}.${'one' | 'many' | 'count'}` | `records.field.${T['name']}.${FieldOf<T>['name']}` | OptionKey<T, FieldOf<T>>
  : never;

/** Every key the registry implies; a key missing from the catalog fails here. */
export type RegistryKey = DerivedKey;
const _everyKeyInCatalog: RegistryKey extends MessageKey ? true : never = true;
void _everyKeyInCatalog;

/** 'count': "3 projects", the count inside its phrase ({n}). */
export function typeLabelKey(type: RecordTypeName | string, number: 'one' | 'many' | 'count'): MessageKey {
  return `records.type.${type}.${number}` as RegistryKey as MessageKey;
}

export function fieldLabelKey(type: RecordTypeName | string, field: string): MessageKey {
  return `records.field.${type}.${field}` as RegistryKey as MessageKey;
}

export function optionLabelKey(type: RecordTypeName | string, field: FieldSpec & { kind: 'enum' }, value: string): MessageKey {
  return (field.optionSet ? `records.option.${field.optionSet}.${value}` : `records.option.${type}.${field.name}.${value}`) as RegistryKey as MessageKey;
}

/** Every catalog key the registry implies, for the test that checks each exists. */
export function registryKeys(): string[] {
  return (recordTypes as readonly RecordTypeSpec[]).flatMap((spec) => [
    typeLabelKey(spec.name, 'one'),
    typeLabelKey(spec.name, 'many'),
    typeLabelKey(spec.name, 'count'),
    ...spec.fields.map((field) => fieldLabelKey(spec.name, field.name)),
    ...spec.fields.flatMap((field) => (field.kind === 'enum' ? field.options.map((value) => optionLabelKey(spec.name, field, value)) : [])),
  ]);
}
