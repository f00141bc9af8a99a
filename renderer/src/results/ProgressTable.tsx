import type { BenchmarkProgress } from '../../../shared/results/series';
import type { UnitKind } from '../../../shared/results/values';
import { recordType } from '../../../shared/records/registry';
import { useTranslation } from '../i18n';
import { optionLabel } from '../planning/labels';
import { recordPath } from '../planning/paths';

const ratingField = recordType('measurements').fields.find((field) => field.name === 'rating')!;

/** A typed value as a person reads it: "72 %", "1,200", "Yes", the text; '' stays ''. */
export function useValueText(unit: UnitKind): (value: string) => string {
  const { t, number } = useTranslation();
  return (value) => {
    if (value === '') return '';
    if (unit === 'yes_no') return value === 'yes' ? t('results.value.yes') : value === 'no' ? t('results.value.no') : value;
    if (unit === 'number' || unit === 'percent') {
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      return unit === 'percent' ? t('results.percent', { value: number(n) }) : number(n);
    }
    return value;
  };
}

/** The chart's points as a table: date, what the point is, the value, the joint rating, and any words kept from before values were typed. */
export function ProgressTable({ progress, name }: { progress: BenchmarkProgress; name: string }) {
  const { t, language, date } = useTranslation();
  const valueText = useValueText(progress.unit);
  return (
    <table className="table progress-table" data-testid="progress-table">
      <caption>{t('results.table.caption', { name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('results.table.date')}</th>
          <th scope="col">{t('results.table.kind')}</th>
          <th scope="col">{t('results.table.value')}</th>
          <th scope="col">{t('results.table.rating')}</th>
        </tr>
      </thead>
      <tbody>
        {progress.points.map((point, index) => (
          <tr key={`${point.kind}-${point.date}-${point.measurementId ?? index}`} data-kind={point.kind}>
            <td>{date(point.date)}</td>
            <td>{point.checkInId ? <a href={`#${recordPath('checkIns', point.checkInId)}`}>{t(`results.kind.${point.kind}`)}</a> : t(`results.kind.${point.kind}`)}</td>
            <td dir="auto">
              {valueText(point.value) || '—'}
              {point.originalText && <span className="field__hint"> {t('results.table.original', { text: point.originalText })}</span>}
            </td>
            <td>{point.rating ? optionLabel(ratingField, point.rating, language, 'measurements') : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
