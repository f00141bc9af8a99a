import type { RecordRow } from '../../../shared/api/records';
import { RATINGS } from '../../../shared/records/registry';
import { asUnit } from '../../../shared/results/values';
import { DateInput } from '../components/DateInput';
import { useTranslation } from '../i18n';
import { optionLabel, recordTitle } from '../planning/labels';
import { recordType } from '../../../shared/records/registry';
import type { MeasuredEntry } from './assessment';

const ratingField = recordType('measurements').fields.find((field) => field.name === 'rating')!;

interface Props {
  /** The benchmarks the form currently assesses. */
  benchmarkIds: readonly string[];
  /** The check-in point's project's benchmarks (title, unit). */
  benchmarks: readonly RecordRow[];
  entries: readonly MeasuredEntry[];
  onChange(entries: MeasuredEntry[]): void;
  defaults: { measuredOn: string; rating: string };
}

/** At a check-in point: per benchmark assessed, the value measured (an input fitting the benchmark's unit), the date measured, the joint rating and a comment. */
export function MeasurementsEditor({ benchmarkIds, benchmarks, entries, onChange, defaults }: Props) {
  const { t, language } = useTranslation();
  if (benchmarkIds.length === 0) return <p className="field__hint">{t('records.ui.chooseBenchmarksFirst')}</p>;
  const entryOf = (benchmarkId: string): MeasuredEntry => entries.find((entry) => entry.benchmarkId === benchmarkId) ?? { benchmarkId, value: '', comment: '', ...defaults };
  const set = (benchmarkId: string, patch: Partial<MeasuredEntry>) => onChange([...entries.filter((entry) => entry.benchmarkId !== benchmarkId), { ...entryOf(benchmarkId), ...patch }]);
  return (
    <fieldset className="measurements" data-testid="measurements-editor">
      <legend>{t('results.assess.heading')}</legend>
      {benchmarkIds.map((benchmarkId) => {
        const benchmark = benchmarks.find((row) => row.id === benchmarkId);
        const name = benchmark ? recordTitle(recordType('benchmarks'), benchmark, language) : benchmarkId;
        const unit = asUnit(benchmark?.unit);
        const entry = entryOf(benchmarkId);
        const id = `measured-${benchmarkId}`;
        return (
          <div className="measurements__row" key={benchmarkId}>
            <label htmlFor={id}>{t('records.ui.measuredFor', { name })}</label>
            {unit === 'yes_no' ? (
              <select id={id} value={entry.value} onChange={(event) => set(benchmarkId, { value: event.target.value })}>
                <option value="">{t('results.assess.notMeasured')}</option>
                <option value="yes">{t('results.value.yes')}</option>
                <option value="no">{t('results.value.no')}</option>
              </select>
            ) : (
              <input id={id} type="text" dir="auto" inputMode={unit === 'text' ? 'text' : 'decimal'} value={entry.value} placeholder={t(`results.unitHint.${unit}`)} onChange={(event) => set(benchmarkId, { value: event.target.value })} />
            )}
            <DateInput aria-label={t('results.assess.dateFor', { name })} value={entry.measuredOn} onChange={(measuredOn) => set(benchmarkId, { measuredOn })} />
            <select aria-label={t('results.assess.ratingFor', { name })} value={entry.rating} onChange={(event) => set(benchmarkId, { rating: event.target.value })}>
              {RATINGS.map((rating) => (
                <option key={rating} value={rating}>
                  {optionLabel(ratingField, rating, language, 'measurements')}
                </option>
              ))}
            </select>
            <input type="text" dir="auto" aria-label={t('results.assess.commentFor', { name })} placeholder={t('records.field.measurements.comment')} value={entry.comment} onChange={(event) => set(benchmarkId, { comment: event.target.value })} />
          </div>
        );
      })}
    </fieldset>
  );
}
