import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { renderMessage } from '../../../shared/i18n/format';
import { recordType, RECORD_TYPE_NAMES } from '../../../shared/records/registry';
import type { FieldSpec, RecordTypeSpec } from '../../../shared/records/spec';
import { errorText, type AppErrorShape } from '../../../shared/result';
import { useTranslation } from '../i18n';
import { afterChange, useTitles } from '../planning/data';
import { displayValue, fieldLabel, typeLabel } from '../planning/labels';
import { api } from '../store';
import { deliverSheet, followProgress } from './files';
import './sheets.css';

/**
 * A partner's spreadsheet into records, step by step: the file (and its sheet, and its text encoding when Accord
 * only guessed it) and the record type -> the column mapping (suggested from the headers, or the one saved for
 * them) -> a preview that writes nothing, row by row -> apply (all or nothing, or the valid rows only, with the
 * rejected rows back as a workbook) -> a report. The file's bytes stay here; each step sends them again.
 */

type Inspection = MethodOutput<'sheets.inspect'>;
type Preview = MethodOutput<'sheets.preview'>;
type Applied = MethodOutput<'sheets.apply'>;
type Outcome = Preview['rows'][number];
type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';
type Step = 'file' | 'mapping' | 'preview' | 'report';

const ENCODINGS: Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256'];
/** The preview table shows this many rows at a time (only the errors when asked), paged; the counts cover them all. */
const SHOWN_ROWS = 500;
const ISOLATE = (text: string) => `\u2068${text}\u2069`;

const newProgressId = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random()).slice(2));

export function SheetImportPage({ initialType }: { initialType?: string }) {
  const { t, language } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [type, setType] = useState<string>(initialType && (RECORD_TYPE_NAMES as readonly string[]).includes(initialType) ? initialType : 'partners');
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [encoding, setEncoding] = useState<Encoding | undefined>(undefined);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [remember, setRemember] = useState(true);
  const [dateOrder, setDateOrder] = useState<'' | 'dmy' | 'mdy'>('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const spec = recordType(type) as RecordTypeSpec;

  /** One call with the file's bytes, its progress followed while it runs. */
  async function run<T>(call: (progressId: string) => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorShape }>): Promise<T | null> {
    const progressId = newProgressId();
    setBusy(true);
    setError(null);
    setProgress(null);
    const stop = followProgress(progressId, (phase, done, total) => setProgress({ phase, done, total }));
    try {
      const result = await call(progressId);
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      return result.value;
    } finally {
      stop();
      setBusy(false);
      setProgress(null);
    }
  }

  const fileInput = (progressId: string) => ({ bytes: file!.bytes, fileName: file!.name, sheet, encoding, progressId });

  async function inspect(next: { type?: string; sheet?: string; encoding?: Encoding } = {}) {
    if (!file) return;
    const chosenType = next.type ?? type;
    const value = await run((progressId) => api.call('sheets.inspect', { ...fileInput(progressId), sheet: 'sheet' in next ? next.sheet : sheet, encoding: 'encoding' in next ? next.encoding : encoding, type: chosenType as never }));
    if (!value) return;
    setInspection(value);
    setSheet(value.sheet);
    setMapping(value.mapping ?? {});
    setRemember(!value.mappingSaved);
    setPreview(null);
    setStep('mapping');
  }

  async function chooseFile(chosen: File | undefined) {
    setInspection(null);
    setPreview(null);
    setApplied(null);
    setSheet(undefined);
    setEncoding(undefined);
    setError(null);
    setFile(chosen ? { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) } : null);
  }

  const importInput = (progressId: string) => ({ ...fileInput(progressId), type: type as never, mapping, ...(dateOrder ? { dateOrder } : {}) });

  async function runPreview() {
    if (!inspection) return;
    if (remember) await api.call('sheets.saveMapping', { type: type as never, headers: inspection.headers, mapping });
    const value = await run((progressId) => api.call('sheets.preview', importInput(progressId)));
    if (!value) return;
    setPreview(value);
    setValidRowsOnly(false);
    setStep('preview');
  }

  async function apply() {
    const value = await run((progressId) => api.call('sheets.apply', { ...importInput(progressId), validRowsOnly, language }));
    if (!value) return;
    setApplied(value);
    if (value.applied) afterChange(type);
    setStep('report');
  }

  function startOver() {
    setStep('file');
    setFile(null);
    setFileKey((key) => key + 1);
    setInspection(null);
    setPreview(null);
    setApplied(null);
    setSheet(undefined);
    setEncoding(undefined);
    setError(null);
  }

  const steps: Step[] = ['file', 'mapping', 'preview', 'report'];
  return (
    <section className="sheet-import" aria-labelledby="sheet-import-heading">
      <h1 id="sheet-import-heading">{t('sheets.ui.title')}</h1>
      <ol className="sheet-steps" aria-label={t('sheets.ui.steps')}>
        {steps.map((name) => (
          <li key={name} aria-current={step === name ? 'step' : undefined} className={step === name ? 'sheet-steps__current' : undefined}>
            {t(`sheets.ui.step.${name}`)}
          </li>
        ))}
      </ol>

      {step === 'file' && (
        <div className="panel">
          <div className="sheet-form">
            <div className="field">
              <label htmlFor="field-sheetFile">{t('sheets.ui.file')}</label>
              <input key={fileKey} id="field-sheetFile" type="file" accept=".xlsx,.csv,.txt,.tsv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(event) => void chooseFile(event.target.files?.[0])} />
            </div>
            <TypeSelect type={type} onChange={setType} />
            <div className="form__actions">
              <button type="button" className="primary" disabled={!file || busy} onClick={() => void inspect()}>
                {t('sheets.ui.read')}
              </button>
            </div>
          </div>
        </div>
      )}

      {step === 'mapping' && inspection && file && (
        <div className="panel">
          <p data-testid="sheet-summary">{t('sheets.ui.fileSummary', { file: ISOLATE(file.name), n: inspection.rowCount, sheet: ISOLATE(inspection.sheet) })}</p>
          <div className="sheet-options">
            {inspection.format === 'xlsx' && inspection.sheets.length > 1 && (
              <div className="field">
                <label htmlFor="field-sheetName">{t('sheets.ui.sheet')}</label>
                <select id="field-sheetName" value={inspection.sheet} disabled={busy} onChange={(event) => void inspect({ sheet: event.target.value })}>
                  {inspection.sheets.map((candidate) => (
                    <option key={candidate.name} value={candidate.name}>
                      {candidate.hidden ? t('sheets.ui.hiddenSheet', { name: candidate.name }) : candidate.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {inspection.format === 'csv' && (inspection.encodingGuessed || encoding !== undefined) && (
              <div className="field">
                <label htmlFor="field-sheetEncoding">{t('sheets.ui.encoding')}</label>
                <select
                  id="field-sheetEncoding"
                  value={encoding ?? inspection.encoding ?? 'utf-8'}
                  disabled={busy}
                  onChange={(event) => {
                    const chosen = event.target.value as Encoding;
                    setEncoding(chosen);
                    void inspect({ encoding: chosen });
                  }}
                >
                  {ENCODINGS.map((name) => (
                    <option key={name} value={name}>
                      {t(`sheets.ui.encoding.${name}`)}
                    </option>
                  ))}
                </select>
                {inspection.encodingGuessed && <p className="field__hint">{t('sheets.ui.encodingGuessed')}</p>}
              </div>
            )}
            <TypeSelect
              type={type}
              disabled={busy}
              onChange={(next) => {
                setType(next);
                void inspect({ type: next });
              }}
            />
            <div className="field">
              <label htmlFor="field-dateOrder">{t('sheets.ui.dateOrder')}</label>
              <select id="field-dateOrder" value={dateOrder} onChange={(event) => setDateOrder(event.target.value as '' | 'dmy' | 'mdy')}>
                <option value="">{t('sheets.ui.dateOrder.unset')}</option>
                <option value="dmy">{t('sheets.ui.dateOrder.dmy')}</option>
                <option value="mdy">{t('sheets.ui.dateOrder.mdy')}</option>
              </select>
            </div>
          </div>
          {inspection.sheets.find((candidate) => candidate.name === inspection.sheet)?.hidden && <p className="warning">{t('sheets.ui.hiddenChosen')}</p>}
          <p className="field__hint" data-testid="mapping-origin">
            {inspection.mappingSaved ? t('sheets.ui.mappingSaved') : t('sheets.ui.mappingSuggested')}
          </p>
          <MappingTable spec={spec} inspection={inspection} mapping={mapping} onChange={setMapping} />
          <label className="sheet-check">
            <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
            {t('sheets.ui.saveMapping')}
          </label>
          <div className="form__actions">
            <button type="button" onClick={() => setStep('file')} disabled={busy}>
              {t('sheets.ui.back')}
            </button>
            <button type="button" className="primary" onClick={() => void runPreview()} disabled={busy || !Object.values(mapping).some(Boolean)}>
              {t('sheets.ui.preview')}
            </button>
          </div>
        </div>
      )}

      {step === 'preview' && preview && (
        <div className="panel">
          <p className="sheet-note" role="status">
            {t('sheets.ui.nothingWritten')}
          </p>
          <Counts counts={preview.counts} />
          <OutcomeTable spec={spec} rows={preview.rows} />
          <fieldset className="sheet-mode">
            <legend>{t('sheets.ui.applyMode')}</legend>
            <label>
              <input type="radio" name="applyMode" checked={!validRowsOnly} onChange={() => setValidRowsOnly(false)} />
              {t('sheets.ui.applyAll')}
            </label>
            <label>
              <input type="radio" name="applyMode" checked={validRowsOnly} onChange={() => setValidRowsOnly(true)} />
              {t('sheets.ui.applyValid')}
            </label>
          </fieldset>
          <div className="form__actions">
            <button type="button" onClick={() => setStep('mapping')} disabled={busy}>
              {t('sheets.ui.back')}
            </button>
            <button type="button" className="primary" onClick={() => void apply()} disabled={busy}>
              {t('sheets.ui.apply')}
            </button>
          </div>
        </div>
      )}

      {step === 'report' && applied && (
        <div className="panel" data-testid="sheet-report">
          {applied.applied ? (
            <p className="sheet-done" role="status">
              {t('sheets.ui.applied', { type: typeLabel(spec, 'many', language), new: applied.counts.new, updated: applied.counts.updated, unchanged: applied.counts.unchanged })}
            </p>
          ) : (
            <p className="warning" role="alert">
              {t('sheets.ui.notApplied', { error: applied.counts.error })}
            </p>
          )}
          <Counts counts={applied.counts} />
          {applied.rejected && (
            <p className="sheet-rejected">
              <span>{t('sheets.ui.rejectedCount', { n: applied.rejected.rows })}</span>{' '}
              <button
                type="button"
                onClick={() =>
                  void deliverSheet({ kind: 'rejected', fileId: applied.rejected!.fileId }).then((result) => {
                    if (!result.ok) setError(result.error);
                  })
                }
              >
                {t('sheets.ui.downloadRejected')}
              </button>
            </p>
          )}
          {applied.applied && <p className="field__hint sheet-sha">{t('sheets.ui.audited', { sha: ISOLATE(applied.sha256) })}</p>}
          <OutcomeTable spec={spec} rows={applied.rows} />
          <div className="form__actions">
            {!applied.applied && (
              <button type="button" onClick={() => setStep('preview')}>
                {t('sheets.ui.back')}
              </button>
            )}
            <button type="button" className="primary" onClick={startOver}>
              {t('sheets.ui.startOver')}
            </button>
          </div>
        </div>
      )}

      {busy && (
        <p className="sheet-progress" role="status" data-testid="sheet-progress">
          {progress?.phase === 'rows' ? t('sheets.ui.progress.rows', { done: progress.done, total: progress.total }) : t('sheets.ui.progress.parse')}
          {progress && progress.total > 0 && <progress max={progress.total} value={progress.done} />}
        </p>
      )}
      {error && (
        <p className="notice notice--error sheet-error" role="alert" data-testid="sheet-error">
          {errorText(error, language)}
        </p>
      )}
    </section>
  );
}

function TypeSelect({ type, onChange, disabled }: { type: string; onChange(type: string): void; disabled?: boolean }) {
  const { t, language } = useTranslation();
  const options = useMemo(() => RECORD_TYPE_NAMES.map((name) => ({ name, label: typeLabel(recordType(name) as RecordTypeSpec, 'many', language) })), [language]);
  return (
    <div className="field">
      <label htmlFor="field-sheetType">{t('sheets.ui.type')}</label>
      <select id="field-sheetType" value={type} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.name} value={option.name}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function MappingTable({ spec, inspection, mapping, onChange }: { spec: RecordTypeSpec; inspection: Inspection; mapping: Record<string, string>; onChange(mapping: Record<string, string>): void }) {
  const { t, language } = useTranslation();
  const used = new Set(Object.values(mapping).filter(Boolean));
  return (
    <div className="sheet-scroll">
      <table className="records sheet-mapping" data-testid="sheet-mapping">
        <thead>
          <tr>
            <th scope="col">{t('sheets.ui.column')}</th>
            <th scope="col">{t('sheets.ui.sample')}</th>
            <th scope="col">{t('sheets.ui.field')}</th>
          </tr>
        </thead>
        <tbody>
          {inspection.headers.map((header, index) => {
            const samples = inspection.sample
              .map((row) => row[index])
              .filter((cell) => cell !== null && cell !== undefined && cell !== '')
              .slice(0, 3)
              .map(String);
            const value = mapping[header] ?? '';
            return (
              <tr key={header}>
                <th scope="row" dir="auto">
                  {header}
                </th>
                <td>
                  <span className="sheet-sample">
                    {samples.map((sample, at) => (
                      <bdi key={at}>{sample}</bdi>
                    ))}
                  </span>
                </td>
                <td>
                  <select aria-label={t('sheets.ui.fieldOf', { column: header })} value={value} onChange={(event) => onChange({ ...mapping, [header]: event.target.value })}>
                    <option value="">{t('sheets.ui.notImported')}</option>
                    <option value="id" disabled={used.has('id') && value !== 'id'}>
                      {t('sheets.ui.idField')}
                    </option>
                    {spec.fields.map((field) => (
                      <option key={field.name} value={field.name} disabled={used.has(field.name) && value !== field.name}>
                        {fieldLabel(spec, field.name, language)}
                        {field.required ? ' *' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Counts({ counts }: { counts: Preview['counts'] }) {
  const { t, number } = useTranslation();
  return (
    <dl className="sheet-counts" data-testid="sheet-counts">
      {(['new', 'updated', 'unchanged', 'error'] as const).map((name) => (
        <div key={name} className={`sheet-count sheet-count--${name}`} data-testid={`count-${name}`}>
          <dt>{t(`sheets.ui.count.${name}`)}</dt>
          <dd>{number(counts[name])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every row of a large preview can be reached, SHOWN_ROWS at a time: an officer checks a partner's whole file before applying it. */
function PreviewPager({ start, shown, total, onPage }: { start: number; shown: number; total: number; onPage(start: number): void }) {
  const { t } = useTranslation();
  return (
    <nav className="sheet-pager" aria-label={t('sheets.ui.pager')} data-testid="sheet-pager">
      <button type="button" disabled={start === 0} onClick={() => onPage(Math.max(0, start - SHOWN_ROWS))}>
        {t('sheets.ui.previousRows', { count: SHOWN_ROWS })}
      </button>
      <p className="count" role="status">
        {t('sheets.ui.shownOf', { first: start + 1, last: start + shown, total })}
      </p>
      <button type="button" disabled={start + shown >= total} onClick={() => onPage(start + SHOWN_ROWS)}>
        {t('sheets.ui.nextRows', { count: Math.min(SHOWN_ROWS, total - start - shown) || SHOWN_ROWS })}
      </button>
    </nav>
  );
}

function OutcomeTable({ spec, rows }: { spec: RecordTypeSpec; rows: Outcome[] }) {
  const { t, language } = useTranslation();
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [pageStart, setPageStart] = useState(0);
  const titleOf = useTitles(spec.fields.flatMap((field) => (field.kind === 'ref' || field.kind === 'refList' ? [field.to] : [])));
  const fields = useMemo(() => new Map(spec.fields.map((field) => [field.name, field])), [spec]);
  const chosen = onlyErrors ? rows.filter((row) => row.status === 'error') : rows;
  const shown = chosen.slice(pageStart, pageStart + SHOWN_ROWS);
  const yesNo = (value: boolean) => t(value ? 'records.ui.yes' : 'records.ui.no');
  const valueText = (field: FieldSpec | undefined, value: unknown, currency: string | undefined) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('sheets.ui.empty');
    if (!field) return String(value);
    const text = displayValue(field, { [field.name]: value, currency }, language, titleOf, yesNo);
    return text === '' ? t('sheets.ui.empty') : text;
  };
  const details = (row: Outcome) => {
    if (row.status === 'error') {
      return row.issues.map((issue, at) => (
        <li key={at}>{issue.column ? t('sheets.rejected.issue', { column: ISOLATE(issue.column), text: renderMessage(language, issue.message) }) : renderMessage(language, issue.message)}</li>
      ));
    }
    if (row.status === 'updated') {
      return row.cells.map((cell) => (
        <li key={cell.field}>
          {t('sheets.ui.change', {
            column: ISOLATE(cell.column || fieldLabel(spec, cell.field, language)),
            before: ISOLATE(valueText(fields.get(cell.field), cell.before, cell.currency)),
            after: ISOLATE(valueText(fields.get(cell.field), cell.after, cell.currency)),
          })}
        </li>
      ));
    }
    return null;
  };
  return (
    <>
      {rows.some((row) => row.status === 'error') && (
        <label className="sheet-check">
          <input
            type="checkbox"
            checked={onlyErrors}
            onChange={(event) => {
              setOnlyErrors(event.target.checked);
              setPageStart(0);
            }}
          />
          {t('sheets.ui.onlyErrors')}
        </label>
      )}
      {chosen.length > SHOWN_ROWS && <PreviewPager start={pageStart} shown={shown.length} total={chosen.length} onPage={setPageStart} />}
      <div className="sheet-scroll sheet-scroll--tall">
        <table className="records sheet-outcomes" data-testid="sheet-outcomes">
          <thead>
            <tr>
              <th scope="col" className="sheet-outcomes__row">
                {t('sheets.ui.row')}
              </th>
              <th scope="col" className="sheet-outcomes__status">
                {t('sheets.ui.result')}
              </th>
              <th scope="col">{t('sheets.ui.details')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.row} data-testid={`outcome-${row.row}`} className={`sheet-outcome--${row.status}`}>
                <td className="sheet-outcomes__row">{row.row}</td>
                <td>
                  <span className={`status sheet-status--${row.status}`}>{t(`sheets.ui.status.${row.status}`)}</span>
                </td>
                <td>
                  <ul className="sheet-details">{details(row)}</ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
