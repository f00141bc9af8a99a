import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useTranslation } from '../i18n';
import { overviewPath, recordPath } from '../planning/paths';
import { navigate } from '../router';
import { api, useDataStore, useUiStore } from '../store';

export function PartnersPage() {
  const { legacyT: t } = useTranslation();
  const { partners, loaded, refresh } = useDataStore();
  const [pendingDelete, setPendingDelete] = useState<{ id: string; name: string } | null>(null);

  async function confirmDelete() {
    if (!pendingDelete) return;
    const result = await api.call('partners.delete', { id: pendingDelete.id });
    setPendingDelete(null);
    if (result.ok) useUiStore.getState().showInfo(t('deleted'));
    else useUiStore.getState().showError(result.error);
    await refresh();
  }

  return (
    <section aria-labelledby="partners-heading">
      <header className="page-header">
        <h1 id="partners-heading">{t('navPartners')}</h1>
        <button type="button" className="primary" onClick={() => navigate('/records/partners/new')}>
          {t('newPartner')}
        </button>
      </header>
      {!loaded ? (
        <p>{t('loading')}</p>
      ) : partners.length === 0 ? (
        <p className="empty">{t('noPartners')}</p>
      ) : (
        <table className="records" data-testid="partners-table">
          <thead>
            <tr>
              <th scope="col">{t('partnerName')}</th>
              <th scope="col">{t('isoCode')}</th>
              <th scope="col">{t('mouCount')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {partners.map((partner) => (
              <tr key={partner.id}>
                <td>
                  <a href={`#${recordPath('partners', partner.id)}`}>{partner.name}</a>
                </td>
                <td>{partner.isoCode}</td>
                <td>{partner.mouCount}</td>
                <td className="row-actions">
                  <a className="button" href={`#${overviewPath(partner.id)}`} aria-label={`${t('partnerOverview')}: ${partner.name}`}>
                    {t('partnerOverview')}
                  </a>
                  <button type="button" onClick={() => navigate(`/records/partners/${partner.id}/edit`)} aria-label={`${t('edit')} ${partner.name}`}>
                    {t('edit')}
                  </button>
                  <button type="button" className="danger" onClick={() => setPendingDelete(partner)} aria-label={`${t('delete')} ${partner.name}`}>
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
          message={t('confirmDeletePartner', pendingDelete.name)}
          confirmLabel={t('delete')}
          onConfirm={confirmDelete}
          onCancel={() => setPendingDelete(null)}
        />
      )}
    </section>
  );
}
