import { useEffect, useRef, useState } from 'react';
import { nameIn } from '../../../shared/i18n/format';
import { recordType } from '../../../shared/records/registry';
import { useTranslation } from '../i18n';
import { navigate } from '../router';
import { useCall } from './data';
import { typeLabel } from './labels';
import { recordPath, searchPath } from './paths';
import { CallPending } from './CallPending';

/** Results across every record type, grouped by type, each linking to its record. */
export function SearchPage({ query }: { query: string }) {
  const { t, language } = useTranslation();
  const [state] = useCall('search.global', query.trim() ? { query, limit: 200 } : null, [query]);
  const groups = new Map<string, { id: string; title: string; titleAr?: string; snippet: string }[]>();
  if (state.status === 'ok') for (const hit of state.value) groups.set(hit.type, [...(groups.get(hit.type) ?? []), hit]);
  return (
    <section aria-labelledby="search-heading" data-testid="search-results">
      <h1 id="search-heading">{query ? t('records.ui.resultsFor', { query }) : t('records.ui.searchEverything')}</h1>
      {!query.trim() ? null : state.status !== 'ok' ? (
        <CallPending state={state} />
      ) : state.value.length === 0 ? (
        <p className="empty">{t('records.ui.noMatches')}</p>
      ) : (
        [...groups].map(([type, hits]) => (
          <section key={type} className="panel" aria-label={typeLabel(recordType(type), 'many', language)}>
            <h2>
              {typeLabel(recordType(type), 'many', language)} ({hits.length})
            </h2>
            <ul className="plain-list">
              {hits.map((hit) => (
                <li key={hit.id} className="hit">
                  <a href={`#${recordPath(type, hit.id)}`} dir="auto">
                    {nameIn(language, hit.title, hit.titleAr) || t('records.ui.untitled')}
                  </a>
                  {hit.snippet && (
                    <p className="hit__snippet" dir="auto">
                      {hit.snippet}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

/** The search box in the top bar; "/" or Ctrl+K (Cmd+K) puts the cursor in it from anywhere. */
export function GlobalSearchBox() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey)) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <form
      role="search"
      className="global-search"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) navigate(searchPath(text.trim()));
      }}
    >
      <input ref={inputRef} type="search" aria-label={t('records.ui.searchEverything')} aria-keyshortcuts="/ Control+K" placeholder={t('records.ui.searchPlaceholder')} value={text} onChange={(event) => setText(event.target.value)} data-testid="global-search" />
    </form>
  );
}
