import { useEffect, useMemo, useState } from 'react';
import { recordType } from '../../../shared/records/registry';
import type { AppErrorShape } from '../../../shared/result';
import { localToday } from '../../../shared/results/today';
import { useTranslation } from '../i18n';
import { api } from '../store';
import { entriesFor, measurementWrites, type MeasuredEntry } from '../results/assessment';
import { MeasurementsEditor } from '../results/MeasurementsEditor';
import { afterChange, useCall } from './data';
import { RecordForm } from './RecordFormPage';
import { CallPending } from './CallPending';
import { recordTitle } from './labels';

const ASSESSMENT_FIELDS = ['benchmarkIds', 'rating', 'status', 'evidenceNotes', 'assessedOn', 'partnerAcknowledgedBy', 'partnerAcknowledgedOn'] as const;
const NO_PRESETS = {};

/** The joint assessment at a check-in point: a measured value per benchmark, the rating, evidence, and the partner's acknowledgement. */
export function AssessmentPage({ checkInId }: { checkInId: string }) {
  const { t, language } = useTranslation();
  const spec = recordType('checkIns');
  const [state] = useCall('records.get', { type: 'checkIns', id: checkInId }, [checkInId]);
  const record = state.status === 'ok' ? state.value.record : undefined;
  const [storedState] = useCall('records.list', { type: 'measurements', filter: { checkInId }, limit: 500 }, [checkInId]);
  const projectId = record ? String(record.projectId ?? '') : '';
  const [benchmarksState] = useCall('records.list', projectId ? { type: 'benchmarks', filter: { projectId }, limit: 500 } : null, [projectId]);
  const stored = useMemo(() => (storedState.status === 'ok' ? storedState.value.rows : []), [storedState]);
  const benchmarks = benchmarksState.status === 'ok' ? benchmarksState.value.rows : [];
  const today = localToday();
  const defaults = useMemo(() => ({ measuredOn: String(record?.assessedOn || today), rating: String(record?.rating ?? 'not_rated') }), [record, today]);
  const [entries, setEntries] = useState<MeasuredEntry[]>([]);
  useEffect(() => {
    if (record && storedState.status === 'ok') setEntries(entriesFor((record.benchmarkIds as string[]) ?? [], stored, defaults));
  }, [record, stored, storedState.status, defaults]);
  const overrides = useMemo(() => (record && record.status === 'planned' ? { status: 'assessed', assessedOn: record.assessedOn || today } : {}), [record, today]);
  if (state.status !== 'ok') return <CallPending state={state} />;
  if (storedState.status !== 'ok') return <CallPending state={storedState} />;

  async function saveMeasurements(id: string, values: Record<string, unknown>): Promise<AppErrorShape | null> {
    const benchmarkIds = Array.isArray(values.benchmarkIds) ? (values.benchmarkIds as string[]) : [];
    for (const write of measurementWrites(id, benchmarkIds, entries, stored)) {
      const result = write.method === 'records.create' ? await api.call('records.create', { type: 'measurements', values: write.values }) : await api.call('records.update', { type: 'measurements', id: write.id, values: write.values });
      if (!result.ok) return result.error;
    }
    afterChange('measurements');
    return null;
  }

  return (
    <RecordForm
      key={checkInId}
      spec={spec}
      loaded={state.value}
      presets={NO_PRESETS}
      only={ASSESSMENT_FIELDS}
      overrides={overrides}
      heading={t('records.ui.assessmentAt', { title: recordTitle(spec, state.value.record, language) })}
      intro={<p className="field__hint">{t('records.ui.assessmentIntro', { due: String(state.value.record.dueDate ?? '') })}</p>}
      extra={(form) => <MeasurementsEditor benchmarkIds={Array.isArray(form.benchmarkIds) ? (form.benchmarkIds as string[]) : []} benchmarks={benchmarks} entries={entries} onChange={setEntries} defaults={defaults} />}
      afterSave={saveMeasurements}
    />
  );
}
