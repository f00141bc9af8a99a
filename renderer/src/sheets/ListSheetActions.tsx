import { useState } from 'react';
import { message } from '../../../shared/i18n/message';
import { useTranslation } from '../i18n';
import { useUiStore } from '../store';
import { deliverSheet, type SaveRequest } from './files';
import { importPath } from './paths';
import './sheets.css';

/**
 * A record list's spreadsheet actions: import a partner's file into this type, export the rows the list shows
 * (its search and filters applied) as XLSX or CSV, and a blank template, all in the reader's language.
 */
export function ListSheetActions({ type, search, filter }: { type: string; search: string; filter: Record<string, string | number | boolean | null> }) {
  const { t, language } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function save(request: SaveRequest) {
    setBusy(true);
    const result = await deliverSheet(request);
    setBusy(false);
    if (!result.ok) return useUiStore.getState().showError(result.error);
    if (result.fileName) useUiStore.getState().showInfo(message('sheets.ui.exported', { file: result.fileName }));
  }

  return (
    <div className="sheet-actions" role="group" aria-label={t('sheets.ui.actions')} data-testid="list-sheet-actions">
      <a className="button" href={`#${importPath(type)}`}>
        {t('sheets.ui.importFrom')}
      </a>
      <button type="button" disabled={busy} onClick={() => void save({ kind: 'export', type: type as never, format: 'xlsx', language, search, filter })}>
        {t('sheets.ui.exportXlsx')}
      </button>
      <button type="button" disabled={busy} onClick={() => void save({ kind: 'export', type: type as never, format: 'csv', language, search, filter })}>
        {t('sheets.ui.exportCsv')}
      </button>
      <button type="button" disabled={busy} onClick={() => void save({ kind: 'template', type: type as never, language })}>
        {t('sheets.ui.template')}
      </button>
    </div>
  );
}
