import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { usePeople } from './JsonEditors';
import { recordPath } from './paths';

/** Read-only views of the structured (json) fields, chosen per type and field by the view map (views.tsx). */

export interface JsonValueProps {
  value: Record<string, string>[];
  /** Names a linked record (the record's current links first, then the loaded lists). */
  linkTitle(type: string, id: string): string;
}

export function AttendeesValue({ value, linkTitle }: JsonValueProps): ReactNode {
  const { t } = useTranslation();
  const people = usePeople();
  if (value.length === 0) return '—';
  return (
    <ul className="inline-list" data-testid="attendees">
      {value.map((attendee, index) => {
        const person = people.find((candidate) => candidate.id === attendee.personId);
        return (
          <li key={index}>
            <a href={`#${recordPath('people', String(attendee.personId))}`}>{person?.title ?? linkTitle('people', String(attendee.personId))}</a>
            {attendee.role ? ` — ${attendee.role}` : ''}
            {person?.isResourceManager === true && <span className="badge">{t('records.ui.resourceManager')}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function PlainListValue({ value }: JsonValueProps): ReactNode {
  if (value.length === 0) return '—';
  return (
    <ul className="plain-list">
      {value.map((entry, index) => (
        <li key={index} dir="auto">
          {typeof entry === 'string' ? entry : JSON.stringify(entry)}
        </li>
      ))}
    </ul>
  );
}
