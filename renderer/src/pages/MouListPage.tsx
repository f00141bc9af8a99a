import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTranslation } from '../i18n';
import { recordPath } from '../planning/paths';
import { navigate } from '../router';
import { api, useDataStore, useUiStore } from '../store';

export function MouListPage() {
  const { legacyT: t } = useTranslation();
  const { mouDrafts, partners, loaded, refresh } = useDataStore();
  const [pendingDelete, setPendingDelete] = useState<{ id: string; title: string } | null>(null);

  async function confirmDelete() {
    if (!pendingDelete) return;
    const result = await api.call('mou.delete', { id: pendingDelete.id });
    setPendingDelete(null);
    if (result.ok) useUiStore.getState().showInfo(t('deleted'));
    else useUiStore.getState().showError(result.error);
    await refresh();
  }

  return (
    <section aria-labelledby="mou-heading">
      <header className="page-header">
        <h1 id="mou-heading">{t('navMou')}</h1>
        <button type="button" className="primary" disabled={partners.length === 0} onClick={() => navigate('/records/mouDrafts/new')}>
          {t('newMou')}
        </button>
        <a href="#/mou/import">{t('docImportLink')}</a>
      </header>
      {!loaded ? (
        <p>{t('loading')}</p>
      ) : mouDrafts.length === 0 ? (
        <p className="empty">{partners.length === 0 ? t('noMouNeedsPartner') : t('noMou')}</p>
      ) : (
        <table className="records" data-testid="mou-table">
          <thead>
            <tr>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('partner')}</th>
              <th scope="col">{t('sector')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {mouDrafts.map((draft) => (
              <tr key={draft.id}>
                <td>
                  <a href={`#${recordPath('mouDrafts', draft.id)}`}>{draft.title}</a>
                </td>
                <td>{draft.partnerName}</td>
                <td>{t(`sector.${draft.sector}`)}</td>
                <td>
                  <span className={`status status--${draft.status}`}>{t(`status.${draft.status}`)}</span>
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => navigate(`/records/mouDrafts/${draft.id}/edit`)} aria-label={`${t('edit')} ${draft.title}`}>
                    {t('edit')}
                  </button>
                  <button type="button" className="danger" onClick={() => setPendingDelete(draft)} aria-label={`${t('delete')} ${draft.title}`}>
                    {t('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pendingDelete && (
        <ConfirmDialog
          title={t('confirmDeleteTitle')}
          message={t('confirmDeleteMou', pendingDelete.title)}
          confirmLabel={t('delete')}
          onConfirm={confirmDelete}
          onCancel={() => setPendingDelete(null)}
        />
      )}
    </section>
  );
}
