import type { RecordRow } from '../../../shared/api/records';
import { useTranslation } from '../i18n';
import { useCall, useTitles, useTypeVersion } from '../planning/data';

/** Briefs delivered, by the budget deadline they were for (one call for the readiness view). */
export function useBriefsByDeadline(): Map<string, RecordRow[]> {
  const version = useTypeVersion('briefDeliveries');
  const [state] = useCall('records.list', { type: 'briefDeliveries', sort: { field: 'deliveredOn', direction: 'desc' }, limit: 50_000 }, [version]);
  const byDeadline = new Map<string, RecordRow[]>();
  if (state.status === 'ok') for (const row of state.value.rows) byDeadline.set(String(row.deadlineId), [...(byDeadline.get(String(row.deadlineId)) ?? []), row]);
  return byDeadline;
}

/** Beside a deadline on the readiness view: whether a brief was delivered for it, to whom and when. */
export function BriefMark({ briefs }: { briefs: RecordRow[] | undefined }) {
  const { t } = useTranslation();
  const title = useTitles(['people']);
  const latest = briefs?.[0];
  return (
    <span className={latest ? 'status status--done' : 'status status--missed'} data-testid="brief-mark">
      {latest ? t('dashboard.brief.delivered', { name: title('people', String(latest.recipientId)), at: String(latest.deliveredOn) }) : t('dashboard.brief.notDelivered')}
    </span>
  );
}
