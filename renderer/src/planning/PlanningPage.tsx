import { useEffect, useRef } from 'react';
import { recordType, RECORD_TYPE_NAMES } from '../../../shared/records/registry';
import { useTranslation } from '../i18n';
import { useUiStore } from '../store';
import { AssessmentPage } from './AssessmentPage';
import { ALL_TYPES, typeLabel } from './labels';
import { PartnerOverviewPage } from './PartnerOverviewPage';
import { recordPath, searchPath } from './paths';
import { RecordDetailPage } from './RecordDetailPage';
import { RecordFormPage } from './RecordFormPage';
import { RecordListPage } from './RecordListPage';
import { SearchPage } from './SearchPage';
import { viewOf } from './views';
import './unsavedGuard';

const SECTIONS = new Set(['records', 'overview', 'search', 'assess']);

/** True for the hash routes the planning pages answer. */
export function isPlanningRoute(route: readonly string[]): boolean {
  return SECTIONS.has(route[0] ?? '');
}

/** "#/records/benchmarks?virtualize=off" -> path segments and query parameters. */
function splitRoute(route: readonly string[]): { segments: string[]; query: URLSearchParams } {
  const joined = route.join('/');
  const at = joined.indexOf('?');
  const path = at < 0 ? joined : joined.slice(0, at);
  return { segments: path.split('/').filter(Boolean), query: new URLSearchParams(at < 0 ? '' : joined.slice(at + 1)) };
}

export function PlanningPage({ route }: { route: readonly string[] }) {
  const { t } = useTranslation();
  const { segments, query } = splitRoute(route);
  useInfoNoticeFades(route.join('/'));
  const [section, first, second, third] = segments;
  if (section === 'overview' && first) return <PartnerOverviewPage key={first} partnerId={first} query={query.toString()} />;
  if (section === 'search') return <SearchPage query={first ?? ''} />;
  if (section === 'assess' && first) return <AssessmentPage checkInId={first} />;
  if (section === 'records' && first && (RECORD_TYPE_NAMES as readonly string[]).includes(first)) {
    const spec = recordType(first);
    if (second === 'new') return <RecordFormPage key={`${first}-new-${query.toString()}`} spec={spec} presets={Object.fromEntries(query)} />;
    if (second && third === 'edit') return <RecordFormPage key={`${first}-${second}-edit`} spec={spec} id={second} presets={{}} />;
    if (second) return <RecordDetailPage key={`${first}-${second}`} spec={spec} id={second} />;
    return (
      <>
        {viewOf(first).listIntro?.()}
        <RecordListPage key={first} spec={spec} virtualize={query.get('virtualize') !== 'off'} />
      </>
    );
  }
  return (
    <p className="empty" role="alert">
      {t('records.ui.pageNotFound')}
    </p>
  );
}

/**
 * The record types, in the order an officer plans. Partner nations and MOU
 * drafts have their own entries in the top bar; their generic lists are
 * reached from there and from links.
 */
const NAV_TYPES = ['sectorPriorities', 'stakeholders', 'people', 'objectives', 'projects', 'benchmarks', 'checkIns', 'mouClauses', 'mouSignatories', 'meetings', 'actionItems', 'resources', 'budgetDeadlines'];

export function PlanningNav({ route }: { route: readonly string[] }) {
  const { t, language } = useTranslation();
  const { segments } = splitRoute(route);
  const current = segments[0] === 'records' ? segments[1] : undefined;
  const types = ALL_TYPES.filter((spec) => NAV_TYPES.includes(spec.name));
  return (
    <nav className="sidebar" aria-label={t('records.ui.planningNav')}>
      <h2 className="sidebar__heading">{t('records.ui.planningNav')}</h2>
      <ul>
        {types.map((spec) => (
          <li key={spec.name}>
            <a href={`#${recordPath(spec.name)}`} aria-current={current === spec.name ? 'page' : undefined}>
              {typeLabel(spec, 'many', language)}
            </a>
          </li>
        ))}
        <li>
          <a href={`#${searchPath('')}`} aria-current={segments[0] === 'search' ? 'page' : undefined}>
            {t('records.ui.searchEverything')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/**
 * "Saved." belongs to the page a save lands on: an information notice that is
 * still there when the officer moves on again is dismissed. Errors stay until
 * dismissed.
 */
function useInfoNoticeFades(routeKey: string): void {
  const seenAtLastMove = useRef<unknown>(null);
  useEffect(() => {
    const { notice, dismissNotice } = useUiStore.getState();
    if (notice && notice.kind === 'info' && notice === seenAtLastMove.current) dismissNotice();
    seenAtLastMove.current = useUiStore.getState().notice;
  }, [routeKey]);
}
