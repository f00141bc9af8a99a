import { useMemo } from 'react';
import type { RecordRow } from '../../../shared/api/records';
import { recordType } from '../../../shared/records/registry';
import { benchmarkProgress } from '../../../shared/results/series';
import type { Trend } from '../../../shared/results/trend';
import { useTranslation } from '../i18n';
import { useCall } from '../planning/data';
import { optionLabel, recordTitle } from '../planning/labels';
import { BenchmarkProgressChart } from './BenchmarkProgressChart';
import { useValueText } from './ProgressTable';

const ratingField = recordType('measurements').fields.find((field) => field.name === 'rating')!;

/** The trend status as words, with what it compared. */
export function TrendBadge({ trend, unitText }: { trend: Trend; unitText(value: string): string }) {
  const { t, date } = useTranslation();
  if (trend.status === 'none') {
    return (
      <span className="trend trend--none" data-testid="trend" data-status="none">
        {t(`results.trend.none.${trend.reason}`)}
      </span>
    );
  }
  return (
    <span className={`trend trend--${trend.status}`} data-testid="trend" data-status={trend.status}>
      <strong>{t(`results.trend.${trend.status}`)}</strong>{' '}
      <span className="field__hint">
        {t('results.trend.detail', { actual: unitText(String(trend.actual)), at: date(trend.date), expected: unitText(String(Math.round(trend.expected * 100) / 100)), band: unitText(String(Math.round(trend.band * 100) / 100)) })}
      </span>
    </span>
  );
}

/** On a benchmark's page: the latest joint rating with the computed trend beside it, the progress chart and its table. */
export function BenchmarkResultsPanel({ record }: { record: RecordRow }) {
  const { t, language } = useTranslation();
  const [targets] = useCall('records.list', { type: 'benchmarkTargets', filter: { benchmarkId: record.id }, limit: 500 }, [record.id, record.updatedAt]);
  const [measurements] = useCall('records.list', { type: 'measurements', filter: { benchmarkId: record.id }, limit: 2000 }, [record.id, record.updatedAt]);
  const progress = useMemo(
    () => (targets.status === 'ok' && measurements.status === 'ok' ? benchmarkProgress(record, targets.value.rows, measurements.value.rows) : null),
    [record, targets, measurements],
  );
  const unitText = useValueText(progress?.unit ?? 'number');
  if (!progress) return null;
  return (
    <section className="panel" aria-labelledby="results-heading" data-testid="benchmark-results">
      <h2 id="results-heading">{t('results.panel.heading')}</h2>
      <dl className="fields">
        <div className="fields__row">
          <dt>{t('results.panel.latestRating')}</dt>
          <dd data-testid="latest-rating">{progress.latest?.rating ? optionLabel(ratingField, progress.latest.rating, language, 'measurements') : '—'}</dd>
        </div>
        <div className="fields__row">
          <dt>{t('results.panel.trend')}</dt>
          <dd>
            <TrendBadge trend={progress.trend} unitText={unitText} />
          </dd>
        </div>
      </dl>
      <BenchmarkProgressChart progress={progress} name={recordTitle(recordType('benchmarks'), record, language)} />
    </section>
  );
}
