import { nameIn } from '../../../shared/i18n/format';
import { message } from '../../../shared/i18n/message';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, type ReactElement, type ReactNode } from 'react';
import { Controller, useForm, type Control, type ControllerRenderProps, type FieldErrors, type Resolver } from 'react-hook-form';
import type { MethodOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { inputSchema, type FieldSpec, type RecordTypeSpec } from '../../../shared/records/spec';
import { DateInput } from '../components/DateInput';
import { Field } from '../components/Field';
import { firstErrorMessage, reportSaveError } from '../forms';
import { useTranslation } from '../i18n';
import { api, useUiStore } from '../store';
import { toApiValues, toFormValues, type FormValues } from './convert';
import { amountExample, decimalsOf } from './money';
import { afterChange, useCall, useTitles } from './data';
import { ALL_TYPES, fieldLabel, optionLabel, typeLabel } from './labels';
import { listPath, recordPath } from './paths';
import { RefMultiPicker, RefPicker } from './Pickers';
import { navigateSaved, useUnsavedGuard } from './unsavedGuard';
import { CallPending } from './CallPending';
import { viewOf } from './views';

type Loaded = MethodOutput<'records.get'>;

/** Create or edit any record type, from its declaration. `presets` pre-fill links (from ?field=id). */
export function RecordFormPage({ spec, id, presets }: { spec: RecordTypeSpec; id?: string; presets: Record<string, string> }) {
  const [state] = useCall('records.get', id ? { type: spec.name as never, id } : null, [spec.name, id]);
  if (!id) return <RecordForm key={`${spec.name}-new`} spec={spec} presets={presets} />;
  if (state.status !== 'ok') return <CallPending state={state} />;
  return <RecordForm key={id} spec={spec} loaded={state.value} presets={presets} />;
}

/** The record type's own zod schema, run on the form's values after they are turned into API values. */
function planningResolver(spec: RecordTypeSpec): Resolver<FormValues, unknown, FormValues> {
  const schemaResolver = zodResolver(inputSchema(spec) as never) as unknown as Resolver<FormValues, unknown, FormValues>;
  return async (formValues, context, options) => {
    const { values, problems } = toApiValues(spec, formValues);
    const result = await schemaResolver(values, context, options);
    const errors: FieldErrors<FormValues> = { ...result.errors };
    for (const [name, message] of Object.entries(problems)) errors[name] = { type: 'format', message };
    if (Object.keys(errors).length > 0) return { values: {}, errors };
    return result;
  };
}

interface RecordFormProps {
  spec: RecordTypeSpec;
  loaded?: Loaded;
  presets: Record<string, string>;
  /** Show only these fields (the others keep their stored values), for focused views such as an assessment. */
  only?: readonly string[];
  /** Starting values that replace stored ones, e.g. status "assessed" on the assessment view. */
  overrides?: Record<string, unknown>;
  heading?: string;
  intro?: ReactNode;
  /** More of the form after its fields (the measured values of an assessment), drawn from the form's current values. */
  extra?: (form: FormValues) => ReactNode;
  /** Writes that go with the record's, after it is saved (an error keeps the page open and is shown). */
  afterSave?: (id: string, values: FormValues) => Promise<AppErrorShape | null>;
}

export function RecordForm({ spec, loaded, presets, only, overrides, heading, intro, extra, afterSave }: RecordFormProps) {
  const { t, language, formatError } = useTranslation();
  const record = loaded?.record;
  const resolver = useMemo(() => planningResolver(spec), [spec]);
  const defaultValues = useMemo(() => ({ ...toFormValues(spec, record, presets), ...overrides }), [spec, record, presets, overrides]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<FormValues, unknown, FormValues>({ resolver, defaultValues });
  useUnsavedGuard(isDirty && !isSubmitting);
  const formNow = watch();
  const linkTitles = useMemo(() => Object.fromEntries((loaded?.linksOut ?? []).map((link) => [link.id, nameIn(language, link.title, link.titleAr)])), [loaded, language]);
  const loadedTitle = useTitles(spec.fields.flatMap((field) => (field.kind === 'refList' ? [field.to] : [])));
  const titleOf = (type: string, id: string) => linkTitles[id] ?? loadedTitle(type, id);

  const onSubmit = handleSubmit(async (values) => {
    const result = record ? await api.call('records.update', { type: spec.name as never, id: record.id, values }) : await api.call('records.create', { type: spec.name as never, values });
    if (!result.ok) return reportSaveError(result.error, setError, spec.fields.map((field) => field.name));
    const failed = afterSave ? await afterSave(result.value.id, values) : null;
    if (failed) {
      afterChange(spec.name);
      return useUiStore.getState().showError(failed);
    }
    afterChange(spec.name);
    useUiStore.getState().showInfo(message('records.ui.saved'));
    navigateSaved(recordPath(spec.name, result.value.id));
  });

  const one = typeLabel(spec, 'one', language);
  const shown = only ? spec.fields.filter((field) => only.includes(field.name)) : spec.fields;
  const cancelTo = record ? recordPath(spec.name, record.id) : listPath(spec.name);

  /**
   * A picker lists only records that share this form's chosen links: the
   * benchmarks of the check-in point's project, the projects of the resource
   * line's partner. A link field of the target type with the same name and
   * target as a filled link field here narrows it.
   */
  function scopeOf(picker: FieldSpec & { to: string }): Record<string, string> | undefined {
    if (picker.to === spec.name) return undefined; // a record type linking to itself (goal -> objective) is not narrowed
    const target = ALL_TYPES.find((candidate) => candidate.name === picker.to);
    const scope: Record<string, string> = {};
    for (const own of spec.fields) {
      if (own.kind !== 'ref' || own === picker || !formNow[own.name]) continue;
      if (target?.fields.some((field) => field.kind === 'ref' && field.name === own.name && field.to === own.to)) scope[own.name] = String(formNow[own.name]);
    }
    return Object.keys(scope).length ? scope : undefined;
  }

  function input(field: FieldSpec) {
    const common = { autoFocus: field === shown[0] };
    switch (field.kind) {
      case 'text':
        return <input type="text" dir="auto" {...common} {...register(field.name)} />;
      case 'longText':
        return <textarea rows={field.max > 4000 ? 6 : 3} dir={field.dir ?? 'auto'} {...common} {...register(field.name)} />;
      case 'date':
        // The app's one date format ("2 Dec 2026" / its Arabic form), never the browser's picker; ISO and d/m/yyyy are read too.
        return (
          <Controlled
            control={control}
            name={field.name}
            render={(controlled, aria) => <DateInput {...aria} {...common} name={controlled.name} value={String(controlled.value ?? '')} onChange={controlled.onChange} onBlur={controlled.onBlur} />}
          />
        );
      case 'boolean':
        return <input type="checkbox" className="checkbox" {...common} {...register(field.name)} />;
      case 'integer':
        return <input type="text" inputMode="numeric" className="short" {...common} {...register(field.name)} />;
      case 'money':
        return <input type="text" inputMode="decimal" className="amount" {...common} {...register(field.name)} />;
      case 'enum': {
        const transitions = spec.transitions?.field === field.name && record ? spec.transitions.allowed : undefined;
        const current = typeof record?.[field.name] === 'string' ? (record[field.name] as string) : undefined;
        const options = transitions && current ? [current, ...(transitions[current] ?? [])] : field.options;
        return (
          <select {...common} {...register(field.name)}>
            {(field.required && field.default === undefined) || !options.includes(String(formNow[field.name])) ? <option value="">{t('records.ui.choose')}</option> : null}
            {options.map((option) => (
              <option key={option} value={option}>
                {optionLabel(field, option, language)}
              </option>
            ))}
          </select>
        );
      }
      case 'ref':
        return (
          <Controlled
            control={control}
            name={field.name}
            render={(controlled, aria) => (
              <RefPicker {...aria} to={field.to} scope={scopeOf(field)} required={field.required} value={String(controlled.value ?? '')} onChange={controlled.onChange} onBlur={controlled.onBlur} currentTitle={linkTitles[String(controlled.value)]} />
            )}
          />
        );
      case 'refList':
        return (
          <Controlled
            control={control}
            name={field.name}
            render={(controlled, aria) => (
              <RefMultiPicker {...aria} to={field.to} scope={scopeOf(field)} label={fieldLabel(spec, field.name, language)} value={(controlled.value as string[]) ?? []} onChange={controlled.onChange} onBlur={controlled.onBlur} titles={linkTitles} />
            )}
          />
        );
      case 'json': {
        const Editor = viewOf(spec.name).json?.[field.name]?.editor;
        return (
          <Controlled
            control={control}
            name={field.name}
            render={(controlled, aria) =>
              Editor ? (
                <Editor id={aria.id ?? `field-${field.name}`} value={(controlled.value as never[]) ?? []} onChange={controlled.onChange} form={formNow} titleOf={titleOf} />
              ) : (
                <textarea {...aria} readOnly value={JSON.stringify(controlled.value, null, 2)} />
              )
            }
          />
        );
      }
    }
  }

  return (
    <section aria-labelledby="record-form-heading">
      <h1 id="record-form-heading">{heading ?? (record ? t('records.ui.editRecord', { type: one, title: record.title }) : t('records.ui.newRecord', { type: one }))}</h1>
      {intro}
      <form onSubmit={onSubmit} noValidate className="form form--wide" data-testid="record-form">
        {shown.map((field) => (
          <Field
            key={field.name}
            name={field.name}
            label={fieldLabel(spec, field.name, language) + (field.required ? ' *' : '')}
            error={formatError(firstErrorMessage(errors[field.name]))}
            hint={field.kind === 'money' ? t('records.ui.amountHint', { decimals: decimalsOf(formNow.currency), example: amountExample(decimalsOf(formNow.currency)) }) : undefined}
          >
            {input(field)}
          </Field>
        ))}
        {extra?.(formNow)}
        <div className="form__actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('records.ui.saving') : t('records.ui.save')}
          </button>
          <a className="button" href={`#${cancelTo}`}>
            {t('records.ui.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

interface AriaProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A Controller that passes on the id and aria attributes <Field> gives its child, so labels and errors reach the real input. */
function Controlled({ control, name, render, ...aria }: AriaProps & { control: Control<FormValues, unknown, FormValues>; name: string; render(controlled: ControllerRenderProps<FormValues, string>, aria: AriaProps): ReactElement }) {
  return <Controller control={control} name={name} render={({ field }) => render(field, aria)} />;
}
