import { useMemo } from 'react';
import { recordType } from '../../../shared/records/registry';
import { useTranslation } from '../i18n';
import { useCall } from './data';
import { RecordForm } from './RecordFormPage';
import { CallPending } from './CallPending';

const ASSESSMENT_FIELDS = ['benchmarkIds', 'measuredValues', 'rating', 'status', 'evidenceNotes', 'assessedOn', 'partnerAcknowledgedBy', 'partnerAcknowledgedOn'] as const;
const NO_PRESETS = {};

/** The joint assessment at a check-in point: a value per benchmark, the rating, evidence, and the partner's acknowledgement. */
export function AssessmentPage({ checkInId }: { checkInId: string }) {
  const { t } = useTranslation();
  const spec = recordType('checkIns');
  const [state] = useCall('records.get', { type: 'checkIns', id: checkInId }, [checkInId]);
  const record = state.status === 'ok' ? state.value.record : undefined;
  const overrides = useMemo(
    () => (record && record.status === 'planned' ? { status: 'assessed', assessedOn: record.assessedOn || new Date().toISOString().slice(0, 10) } : {}),
    [record],
  );
  if (state.status !== 'ok') return <CallPending state={state} />;
  return (
    <RecordForm
      key={checkInId}
      spec={spec}
      loaded={state.value}
      presets={NO_PRESETS}
      only={ASSESSMENT_FIELDS}
      overrides={overrides}
      heading={t('records.ui.assessmentAt', { title: state.value.record.title })}
      intro={<p className="field__hint">{t('records.ui.assessmentIntro', { due: String(state.value.record.dueDate ?? '') })}</p>}
    />
  );
}
