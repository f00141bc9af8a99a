import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n';
import { api } from '../store';
import { choiceOf, PICKER_LIMIT, useChoices, type Choice } from './data';

interface AriaProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * Records of a type matching a search: from the loaded choices, or from the API
 * for types too big to load and for pickers narrowed by `scope` (equality
 * filters, e.g. the benchmarks of the check-in point's project).
 */
function useMatches(to: string, query: string, limit: number, scope: Record<string, string> = {}): { matches: Choice[]; all: Choice[]; big: boolean; tooMany: boolean } {
  const choices = useChoices(to);
  const { language } = useTranslation();
  const scopeKey = JSON.stringify(scope);
  const tooMany = choices.loaded && choices.total > PICKER_LIMIT;
  const big = tooMany || scopeKey !== '{}';
  const [remote, setRemote] = useState<Choice[]>([]);
  useEffect(() => {
    if (!big) return;
    let current = true;
    void api.call('records.list', { type: to as never, search: query.trim(), filter: JSON.parse(scopeKey) as Record<string, string>, limit, sort: { field: 'title', direction: 'asc' } }).then((result) => {
      if (current && result.ok) setRemote(result.value.rows.map((row) => choiceOf(to, row, language)));
    });
    return () => {
      current = false;
    };
  }, [big, to, query, limit, scopeKey, language]);
  const matches = useMemo(() => {
    if (big) return remote;
    const needle = query.trim().toLocaleLowerCase();
    return (needle ? choices.rows.filter((row) => row.title.toLocaleLowerCase().includes(needle)) : choices.rows).slice(0, limit);
  }, [big, remote, choices.rows, query, limit]);
  return { matches, all: choices.rows, big, tooMany };
}

/** One linked record: a select, with a search box in front of it when the type has too many records to list. */
export function RefPicker({ to, value, onChange, onBlur, required, currentTitle, scope, emptyLabel, ...aria }: AriaProps & { to: string; value: string; onChange(value: string): void; onBlur(): void; required?: boolean; currentTitle?: string; scope?: Record<string, string>; emptyLabel?: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const { matches, all, big, tooMany } = useMatches(to, query, 50, scope);
  const options = big ? matches : all;
  const searchable = tooMany;
  const showCurrent = value && !options.some((option) => option.id === value);
  const select = (
    <select {...aria} id={searchable ? `${aria.id}-select` : aria.id} value={value} onChange={(event) => onChange(event.target.value)} onBlur={onBlur}>
      <option value="">{emptyLabel ?? (required ? t('records.ui.choose') : t('records.ui.none'))}</option>
      {showCurrent && <option value={value}>{currentTitle ?? value}</option>}
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.title}
        </option>
      ))}
    </select>
  );
  if (!searchable) return select;
  return (
    <div className="picker">
      <input type="search" id={aria.id} placeholder={t('records.ui.typeToSearch')} value={query} onChange={(event) => setQuery(event.target.value)} aria-describedby={aria['aria-describedby']} />
      {select}
    </div>
  );
}

/** Several linked records: chips for the chosen ones, a search box, and checkboxes for the matches. */
export function RefMultiPicker({ to, label, value, onChange, onBlur, titles, scope, ...aria }: AriaProps & { to: string; label: string; value: string[]; onChange(value: string[]): void; onBlur(): void; titles?: Record<string, string>; scope?: Record<string, string> }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const { matches, all } = useMatches(to, query, 100, scope);
  const titleOf = (id: string) => titles?.[id] ?? all.find((row) => row.id === id)?.title ?? matches.find((row) => row.id === id)?.title ?? id;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((chosen) => chosen !== id));
  return (
    <div className="multi" onBlur={onBlur}>
      {value.length > 0 && (
        <ul className="chips" aria-label={t('records.ui.chosen')}>
          {value.map((id) => (
            <li key={id} className="chip">
              <span>{titleOf(id)}</span>
              <button type="button" className="chip__remove" aria-label={t('records.ui.removeItem', { name: titleOf(id) })} onClick={() => toggle(id, false)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input type="search" {...aria} placeholder={t('records.ui.typeToSearch')} value={query} onChange={(event) => setQuery(event.target.value)} />
      <div className="multi__options" role="group" aria-label={label}>
        {matches.length === 0 ? (
          <p className="field__hint">{t('records.ui.noMatches')}</p>
        ) : (
          matches.map((option) => (
            <label key={option.id} className="multi__option">
              <input type="checkbox" checked={value.includes(option.id)} onChange={(event) => toggle(option.id, event.target.checked)} />
              <span>{option.title}</span>
            </label>
          ))
        )}
      </div>
    </div>
  );
}
