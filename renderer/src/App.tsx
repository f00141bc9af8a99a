import { useEffect } from 'react';
import { DashboardPage } from './dashboard/DashboardPage';
import { PostDashboardPage } from './dashboard/PostDashboardPage';
import { SignedMouImportPage } from './documents/SignedMouImportPage';
import { useTranslation } from './i18n';
import { BackupButton, FirstStart, OpenedFiles } from './platform';
import { recordPath } from './planning/paths';
import { isPlanningRoute, PlanningNav, PlanningPage } from './planning/PlanningPage';
import { GlobalSearchBox } from './planning/SearchPage';
import { UnsavedChangesDialog } from './planning/unsavedGuard';
import { useRoute } from './router';
import { SyncPage } from './sync/SyncPage';
import { SheetImportPage } from './sheets/SheetImportPage';
import { importPath, importTypeOf, isSheetsRoute } from './sheets/paths';
import { OfficersPage } from './officers/OfficersPage';
import { SessionGate, SignedInOfficer } from './officers/SessionGate';
import { useSessionStore } from './officers/session';
import { noticeText, useDataStore, useUiStore } from './store';
import { DEFAULT_HANDLING_MARKING } from '../../shared/contract';

function Page({ route }: { route: string[] }) {
  const [section, id] = route;
  if (isPlanningRoute(route)) return <PlanningPage route={route} />;
  if (section === 'sync') return <SyncPage />;
  if (isSheetsRoute(route)) return <SheetImportPage key={importTypeOf(route) ?? ''} initialType={importTypeOf(route)} />;
  if (section === 'officers') return <OfficersPage />;
  if (section?.startsWith('dashboard')) {
    const [path, query] = route.join('/').split('?');
    const partnerId = path!.split('/')[1];
    return partnerId ? <DashboardPage partnerId={partnerId} query={query} /> : <PostDashboardPage query={query ?? section.split('?')[1]} />;
  }
  // The foundation's addresses (#/partners, #/mou) still open the generic lists.
  if (section === 'mou') return id === 'import' ? <SignedMouImportPage /> : <PlanningPage route={['records', 'mouDrafts']} />;
  return <PlanningPage route={['records', 'partners']} />;
}

/** The handling marking sits at the top and bottom of every screen. */
function MarkingBanner({ position }: { position: 'top' | 'bottom' }) {
  const marking = useDataStore((state) => state.info?.handlingMarking) ?? DEFAULT_HANDLING_MARKING;
  return (
    <div className={`marking marking--${position}`} role={position === 'top' ? 'banner' : undefined} data-testid={`marking-${position}`}>
      {marking}
    </div>
  );
}

/** The window: nothing but the sign-in (or first officer) screen until an officer is signed in. */
export function App() {
  const { language, t } = useTranslation();
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
    document.title = t('ui.appName');
  }, [language, t]);
  return (
    <SessionGate>
      <Workspace />
    </SessionGate>
  );
}

function Workspace() {
  const route = useRoute();
  const editor = useSessionStore((state) => state.state?.officer?.role === 'editor');
  const { t, language } = useTranslation();
  const { info, refresh } = useDataStore();
  const { notice, dismissNotice, setLanguage } = useUiStore();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const listed = route[0] === 'records' ? route[1]?.split('?')[0] : undefined;
  const section = route[0] === 'mou' || listed === 'mouDrafts' ? 'mou' : route[0] === 'sync' ? 'sync' : route[0] === 'officers' ? 'officers' : route[0]?.startsWith('dashboard') ? 'dashboard' : isSheetsRoute(route) ? 'sheets' : listed === 'partners' || !isPlanningRoute(route) ? 'partners' : 'planning';
  return (
    <div className="app">
      <MarkingBanner position="top" />
      <header className="topbar">
        <span className="brand">{t('ui.appName')}</span>
        <nav aria-label={t('ui.nav.main')}>
          <a href={`#${recordPath('partners')}`} aria-current={section === 'partners' ? 'page' : undefined}>
            {t('ui.nav.partners')}
          </a>
          <a href={`#${recordPath('mouDrafts')}`} aria-current={section === 'mou' ? 'page' : undefined}>
            {t('ui.nav.mou')}
          </a>
          <a href="#/dashboard" aria-current={section === 'dashboard' ? 'page' : undefined}>
            {t('dashboard.nav')}
          </a>
          <a href="#/sync" aria-current={section === 'sync' ? 'page' : undefined}>
            {t('ui.nav.sync')}
          </a>
          <a href={`#${importPath()}`} aria-current={section === 'sheets' ? 'page' : undefined}>
            {t('sheets.ui.nav')}
          </a>
          {editor && (
            <a href="#/officers" aria-current={route[0] === 'officers' ? 'page' : undefined}>
              {t('officers.page.nav')}
            </a>
          )}
        </nav>
        <GlobalSearchBox />
        <span className="post">{info ? t('ui.post', { name: `\u2068${info.postName}\u2069` }) : ''}</span>
        <SignedInOfficer />
        <BackupButton />
        <button type="button" className="language" aria-label={t('ui.otherLanguageLabel')} onClick={() => setLanguage(language === 'ar' ? 'en' : 'ar')}>
          {t('ui.otherLanguage')}
        </button>
      </header>
      {notice && (
        <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{noticeText(notice, language)}</span>
          <button type="button" onClick={dismissNotice}>
            {t('ui.dismiss')}
          </button>
        </div>
      )}
      <div className="workspace">
        <PlanningNav route={route} />
        <main className="content">
          <Page route={route} />
        </main>
      </div>
      <UnsavedChangesDialog />
      <FirstStart />
      <OpenedFiles />
      <MarkingBanner position="bottom" />
    </div>
  );
}
