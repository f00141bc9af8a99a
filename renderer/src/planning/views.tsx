import type { ReactElement, ReactNode } from 'react';
import type { RecordRow } from '../../../shared/api/records';
import type { MessageKey } from '../../../shared/i18n/message';
import type { RecordTypeName } from '../../../shared/records/registry';
import { MouDocumentsPanel } from '../documents/MouDocumentsPanel';
import { useTranslation } from '../i18n';
import { AttendeesEditor, PartiesEditor, type EditorProps } from './JsonEditors';
import { AttendeesValue, type JsonValueProps } from './JsonValues';
import { MouClauses, MouSignatories } from './MouClauses';
import { MouVersions } from './MouVersions';
import { assessPath, overviewPath } from './paths';
import { BenchmarkResultsPanel } from '../results/BenchmarkResultsPanel';
import { DueSoonPanel } from '../reminders/DueSoonPanel';

/**
 * What a record type shows beyond its registry declaration: extra list
 * columns and row actions, links beside the list, actions and panels on a
 * record's page, the editors and views of its JSON fields. The generic pages
 * read this map; no page tests a type's name.
 */
export interface ListColumn {
  key: string;
  header: MessageKey;
  /** The records of another type pointing at each row, counted by the list call (records.list countIn). */
  countIn?: { type: RecordTypeName; field: string };
  cell(row: RecordRow): ReactNode;
}

export interface TypeView {
  columns?: readonly ListColumn[];
  /** Links in each list row before the generic Edit and Delete (which every list shows when `rowActions` is set). */
  rowLinks?: (row: RecordRow) => ReactNode;
  rowActions?: boolean;
  /** Beside the list's "New" button. */
  listLinks?: () => ReactNode;
  /** Above the list (the partner list is the first screen: what is due soon goes there). */
  listIntro?: () => ReactNode;
  /** Shown when the list is empty, instead of the generic text. */
  empty?: MessageKey;
  /** The list's test id (the foundation's lists kept theirs). */
  listTestId?: string;
  /** Actions in a record page's header, before Edit and Delete. */
  detailActions?: (record: RecordRow) => ReactNode;
  /** Panels under a record's fields. */
  panels?: (props: { record: RecordRow; reload(): void }) => ReactNode;
  /** Per JSON field: its form editor and its read-only view. */
  json?: Record<string, { editor?: (props: EditorProps<never>) => ReactElement; value?: (props: JsonValueProps) => ReactNode }>;
  /** Record types whose titles the record page needs beyond its link fields (links inside JSON items). */
  titleTypes?: readonly RecordTypeName[];
}

function Text({ id }: { id: MessageKey }) {
  const { t } = useTranslation();
  return <>{t(id)}</>;
}

function OverviewLink({ row, inRow }: { row: RecordRow; inRow: boolean }) {
  const { t } = useTranslation();
  return (
    <a className="button" href={`#${overviewPath(row.id)}`} aria-label={inRow ? t('records.view.overviewOf', { name: row.title }) : undefined}>
      {t('records.view.overview')}
    </a>
  );
}

function AssessLink({ record }: { record: RecordRow }) {
  const { t } = useTranslation();
  return (
    <a className="button primary" href={`#${assessPath(record.id)}`}>
      {t('records.view.recordAssessment')}
    </a>
  );
}

export const views: Partial<Record<RecordTypeName, TypeView>> = {
  partners: {
    columns: [{ key: 'mouCount', header: 'records.view.mouCount', countIn: { type: 'mouDrafts', field: 'partnerId' }, cell: (row) => String((row.counts as Record<string, number> | undefined)?.['mouDrafts.partnerId'] ?? 0) }],
    rowLinks: (row) => <OverviewLink row={row} inRow />,
    rowActions: true,
    empty: 'records.view.noPartners',
    listTestId: 'partners-table',
    listIntro: () => <DueSoonPanel />,
    detailActions: (record) => <OverviewLink row={record} inRow={false} />,
  },
  mouDrafts: {
    rowActions: true,
    listLinks: () => (
      <a href="#/mou/import">
        <Text id="records.view.importSigned" />
      </a>
    ),
    empty: 'records.view.noMou',
    listTestId: 'mou-table',
    panels: ({ record, reload }) => (
      <>
        <MouClauses mouId={record.id} />
        <MouSignatories mouId={record.id} />
        <MouVersions mouId={record.id} />
        <MouDocumentsPanel mouId={record.id} status={String(record.status)} onChanged={reload} />
      </>
    ),
    json: { parties: { editor: PartiesEditor as never } },
  },
  benchmarks: { panels: ({ record }) => <BenchmarkResultsPanel record={record} /> },
  checkIns: {
    detailActions: (record) => <AssessLink record={record} />,
  },
  meetings: { json: { attendees: { editor: AttendeesEditor as never, value: AttendeesValue } }, titleTypes: ['people'] },
};

export const viewOf = (type: string): TypeView => views[type as RecordTypeName] ?? {};
