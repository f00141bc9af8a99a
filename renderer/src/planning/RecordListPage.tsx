import { message } from '../../../shared/i18n/message';
import { useEffect, useMemo, useState } from 'react';
import type { RecordListQuery, RecordRow } from '../../../shared/api/records';
import type { FieldSpec, RecordTypeSpec } from '../../../shared/records/spec';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTranslation } from '../i18n';
import { navigate } from '../router';
import { api, useUiStore } from '../store';
import { afterChange, LIST_PAGE_SIZE, usePagedList, useTitles, useTypeVersion } from './data';
import { RefPicker } from './Pickers';
import { displayValue, fieldLabel, optionLabel, recordTitle, typeLabel } from './labels';
import { recordPath } from './paths';
import { viewOf } from './views';
import { VirtualRows } from './VirtualRows';
import { CallPending } from './CallPending';
import { ListSheetActions } from '../sheets/ListSheetActions';

/** Drawing every row (virtualize=off, the benchmark's reference) reads them in pages this big. */
const ALL_ROWS_PAGE = 5_000;
const SEARCH_DELAY_MS = 250;

type Sort = { field: string; direction: 'asc' | 'desc' };

const filterable = (field: FieldSpec) => field.kind === 'enum' || field.kind === 'ref' || field.kind === 'boolean';

/** The list of one record type: sortable columns, filters for enum, link and yes/no fields, a search box. */
export function RecordListPage({ spec, virtualize }: { spec: RecordTypeSpec; virtualize: boolean }) {
  const { t, language } = useTranslation();
  const view = viewOf(spec.name);
  const extraColumns = view.columns ?? [];
  const columns = spec.fields.filter((field) => field.list || field.name === spec.titleField);
  const titleColumn = columns.find((field) => field.name === spec.titleField) ?? columns[0]!;
  const otherColumns = columns.filter((field) => field !== titleColumn);
  const filterFields = spec.fields.filter(filterable);
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<Record<string, string | boolean>>({});
  const [sort, setSort] = useState<Sort | undefined>(undefined);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(searchText.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const countIn = useMemo(() => extraColumns.flatMap((column) => (column.countIn ? [column.countIn] : [])), [extraColumns]);
  /** The rows this list shows, in its order: paged from the server, and what an export of the list works on. */
  const query: RecordListQuery = useMemo(() => ({ type: spec.name as RecordListQuery['type'], search, filter, sort, countIn }), [spec.name, search, filter, sort, countIn]);
  const version = useTypeVersion(spec.name);
  const list = usePagedList(query, version, virtualize ? LIST_PAGE_SIZE : ALL_ROWS_PAGE);
  const state = list.state;
  const [pendingDelete, setPendingDelete] = useState<RecordRow | null>(null);

  async function confirmDelete() {
    if (!pendingDelete) return;
    const result = await api.call('records.delete', { type: spec.name as never, id: pendingDelete.id });
    setPendingDelete(null);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    useUiStore.getState().showInfo(message('records.ui.deleted'));
    afterChange(spec.name);
  }
  const titleOf = useTitles(spec.fields.flatMap((field) => (field.kind === 'ref' ? [field.to] : [])));
  const yesNo = (value: boolean) => (value ? t('records.ui.yes') : t('records.ui.no'));

  function toggleSort(field: string) {
    setSort((current) => (current?.field !== field ? { field, direction: 'asc' } : current.direction === 'asc' ? { field, direction: 'desc' } : undefined));
  }

  function setFilterValue(name: string, value: string | boolean | undefined) {
    setFilter((current) => {
      const next = { ...current };
      if (value === undefined || value === '') delete next[name];
      else next[name] = value;
      return next;
    });
  }

  const heading = typeLabel(spec, 'many', language);
  const header = (
    <tr aria-rowindex={1}>
      {[titleColumn, ...otherColumns].map((field) => {
        const sorted = sort?.field === field.name ? sort.direction : undefined;
        return (
          <th key={field.name} scope="col" className={`col--${field.kind}`} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
            <button type="button" className="sort" onClick={() => toggleSort(field.name)}>
              {fieldLabel(spec, field.name, language)}
              <span aria-hidden="true" className="sort__mark">
                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
              </span>
            </button>
          </th>
        );
      })}
      {extraColumns.map((column) => (
        <th key={column.key} scope="col">
          {t(column.header)}
        </th>
      ))}
      {view.rowActions && (
        <th scope="col" className="col--actions">
          {t('records.list.actions')}
        </th>
      )}
    </tr>
  );

  return (
    <section aria-labelledby="list-heading" className="planning-list">
      <header className="page-header">
        <h1 id="list-heading">{heading}</h1>
        <a className="button primary" href={`#${recordPath(spec.name, 'new')}`}>
          {t('records.ui.newRecord', { type: typeLabel(spec, 'one', language) })}
        </a>
        {view.listLinks?.()}
        <ListSheetActions type={spec.name} search={search} filter={filter} />
      </header>
      <div className="toolbar" role="search">
        <label className="toolbar__item">
          <span>{t('records.ui.searchIn', { types: heading })}</span>
          <input type="search" value={searchText} onChange={(event) => setSearchText(event.target.value)} data-testid="list-search" />
        </label>
        {filterFields.map((field) => (
          <FilterSelect key={field.name} owner={spec} field={field} value={filter[field.name]} onChange={(value) => setFilterValue(field.name, value)} />
        ))}
      </div>
      {state.status !== 'ok' ? (
        <CallPending state={state} />
      ) : state.total === 0 ? (
        <p className="empty">{search || Object.keys(filter).length ? t('records.ui.noMatches') : view.empty ? t(view.empty) : t('records.ui.noRecordsYet', { types: heading })}</p>
      ) : (
        <>
          <p className="count" aria-live="polite" data-testid="list-count">
            {t('records.ui.recordCount', { n: state.total })}
          </p>
          <VirtualRows
            rowCount={state.total}
            rowAt={list.rowAt}
            onRange={list.show}
            columnCount={columns.length + extraColumns.length + (view.rowActions ? 1 : 0)}
            virtualize={virtualize}
            header={header}
            caption={heading}
            testId={view.listTestId ?? `${spec.name}-list`}
            renderRow={(row, index) => (
              <tr key={row.id} className="vrow" aria-rowindex={index + 2}>
                {/* dir=auto: an English title in the Arabic list (or the reverse) is cut off at its own end. */}
                <td dir="auto">
                  <a href={`#${recordPath(spec.name, row.id)}`}>{recordTitle(spec, row, language) || t('records.ui.untitled')}</a>
                </td>
                {otherColumns.map((field) => (
                  <td key={field.name} className={`cell--${field.kind}`} dir="auto">
                    {field.kind === 'enum' ? <span className={`status status--${String(row[field.name])}`}>{optionLabel(field, row[field.name], language)}</span> : displayValue(field, row, language, titleOf, yesNo)}
                  </td>
                ))}
                {extraColumns.map((column) => (
                  <td key={column.key}>{column.cell(row)}</td>
                ))}
                {view.rowActions && (
                  <td className="row-actions">
                    {view.rowLinks?.(row)}
                    <button type="button" onClick={() => navigate(recordPath(spec.name, row.id, 'edit'))} aria-label={t('records.list.editOf', { title: row.title })}>
                      {t('records.ui.edit')}
                    </button>
                    <button type="button" className="danger" onClick={() => setPendingDelete(row)} aria-label={t('records.list.deleteOf', { title: row.title })}>
                      {t('records.ui.delete')}
                    </button>
                  </td>
                )}
              </tr>
            )}
          />
        </>
      )}
      {pendingDelete && (
        <ConfirmDialog
          title={t('records.ui.confirmDeleteTitle')}
          message={t('records.ui.confirmDeleteRecord', { type: typeLabel(spec, 'one', language), title: pendingDelete.title })}
          confirmLabel={t('records.ui.delete')}
          onConfirm={confirmDelete}
          onCancel={() => setPendingDelete(null)}
        />
      )}
    </section>
  );
}

function FilterSelect({ owner, field, value, onChange }: { owner: RecordTypeSpec; field: FieldSpec; value: string | boolean | undefined; onChange(value: string | boolean | undefined): void }) {
  const { t, language } = useTranslation();
  const id = `filter-${field.name}`;
  if (field.kind === 'ref') {
    // The link picker: a plain select, or a search box in front of it when the linked type is too big to list whole.
    return (
      <label className="toolbar__item" htmlFor={id}>
        <span>{fieldLabel(owner, field.name, language)}</span>
        <RefPicker id={id} to={field.to} value={typeof value === 'string' ? value : ''} onChange={(chosen) => onChange(chosen || undefined)} onBlur={() => undefined} emptyLabel={t('records.ui.any')} />
      </label>
    );
  }
  let options: { value: string; label: string }[] = [];
  if (field.kind === 'enum') options = field.options.map((option) => ({ value: option, label: optionLabel(field, option, language) }));
  else if (field.kind === 'boolean') options = [{ value: 'true', label: t('records.ui.yes') }, { value: 'false', label: t('records.ui.no') }];
  return (
    <label className="toolbar__item" htmlFor={id}>
      <span>{fieldLabel(owner, field.name, language)}</span>
      <select
        id={id}
        value={value === undefined ? '' : String(value)}
        onChange={(event) => {
          const raw = event.target.value;
          onChange(field.kind === 'boolean' ? (raw === '' ? undefined : raw === 'true') : raw || undefined);
        }}
      >
        <option value="">{t('records.ui.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
