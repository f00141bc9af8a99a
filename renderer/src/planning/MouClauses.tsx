import { recordType } from '../../../shared/records/registry';
import { useTranslation } from '../i18n';
import { useCall, useTitles } from './data';
import { findField, optionLabel } from './labels';
import { recordPath } from './paths';
import { CallPending } from './CallPending';

/** An MOU draft's clauses in their numbered order, English beside Arabic, with what each cites. */
export function MouClauses({ mouId }: { mouId: string }) {
  const { t } = useTranslation();
  const [state] = useCall('records.list', { type: 'mouClauses', filter: { mouId }, sort: { field: 'position', direction: 'asc' }, limit: 2000 }, [mouId]);
  const titleOf = useTitles(['checkIns', 'objectives']);
  return (
    <section className="panel" aria-labelledby="clauses-heading" data-testid="mou-clauses">
      <header className="page-header">
        <h2 id="clauses-heading">{t('records.ui.clauses')}</h2>
        <a className="button" href={`#${recordPath('mouClauses', 'new')}?mouId=${mouId}`}>
          {t('records.ui.addClause')}
        </a>
      </header>
      {state.status !== 'ok' ? (
        <CallPending state={state} />
      ) : state.value.rows.length === 0 ? (
        <p className="empty">{t('records.ui.noClauses')}</p>
      ) : (
        <ol className="clauses">
          {state.value.rows.map((clause) => {
            const benchmarkIds = (clause.benchmarkIds as string[] | undefined) ?? [];
            const checkInIds = (clause.checkInIds as string[] | undefined) ?? [];
            return (
              <li key={clause.id} className="clause">
                <h3>
                  <a href={`#${recordPath('mouClauses', clause.id)}`}>
                    {t('records.ui.clauseNumber', { n: Number(clause.position) })} {String(clause.heading)}
                  </a>
                </h3>
                <div className="clause__texts">
                  <p lang="en" dir="ltr" className="clause__text">
                    {String(clause.textEn ?? '')}
                  </p>
                  <p lang="ar" dir="rtl" className="clause__text">
                    {String(clause.textAr ?? '')}
                  </p>
                </div>
                {(benchmarkIds.length > 0 || checkInIds.length > 0) && (
                  <p className="field__hint">
                    {t('records.ui.cites', { benchmarks: benchmarkIds.length, checkIns: checkInIds.length })}{' '}
                    {checkInIds.map((id) => (
                      <a key={id} className="cite" href={`#${recordPath('checkIns', id)}`}>
                        {titleOf('checkIns', id)}
                      </a>
                    ))}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Who signs an MOU draft, in signing order, with their side. */
export function MouSignatories({ mouId }: { mouId: string }) {
  const { t, language } = useTranslation();
  const [state] = useCall('records.list', { type: 'mouSignatories', filter: { mouId }, sort: { field: 'signingOrder', direction: 'asc' }, limit: 200 }, [mouId]);
  const side = findField(recordType('mouSignatories'), 'side')!;
  return (
    <section className="panel" aria-labelledby="signatories-heading" data-testid="mou-signatories">
      <header className="page-header">
        <h2 id="signatories-heading">{t('records.ui.signatories')}</h2>
        <a className="button" href={`#${recordPath('mouSignatories', 'new')}?mouId=${mouId}`}>
          {t('records.ui.addSignatory')}
        </a>
      </header>
      {state.status === 'ok' && state.value.rows.length > 0 ? (
        <ol className="plain-list">
          {state.value.rows.map((signatory) => (
            <li key={signatory.id}>
              <a href={`#${recordPath('mouSignatories', signatory.id)}`} dir="auto">
                {signatory.title}
              </a>
              {[String(signatory.organisation ?? ''), optionLabel(side, signatory.side, language)].filter(Boolean).map((part) => ` — ${part}`)}
            </li>
          ))}
        </ol>
      ) : (
        <p className="field__hint">{state.status === 'loading' ? t('records.ui.loading') : t('records.ui.noSignatories')}</p>
      )}
    </section>
  );
}
