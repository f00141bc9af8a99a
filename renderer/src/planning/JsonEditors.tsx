import { useMemo } from 'react';
import { useTranslation } from '../i18n';
import { useCall } from './data';

/**
 * Editors for the structured (json) fields of the planning model; the view map
 * (views.tsx) says which field uses which. Each edits the array the API stores.
 */

export interface EditorProps<T> {
  id: string;
  value: T[];
  onChange(value: T[]): void;
  /** The other values of the form, for editors that depend on them. */
  form: Record<string, unknown>;
  /** Names linked records (the record's current links first, then the loaded lists). */
  titleOf(type: string, id: string): string;
  error?: unknown;
}

type Attendee = { personId: string; role: string };

export function PartiesEditor({ id, value, onChange }: EditorProps<string>) {
  const { t } = useTranslation();
  return <textarea id={id} rows={3} dir="auto" value={value.join('\n')} placeholder={t('records.ui.onePerLine')} onChange={(event) => onChange(event.target.value.split('\n'))} />;
}

/** People of the post's stakeholders, with their resource-manager flag. */
export function usePeople() {
  const [state] = useCall('records.list', { type: 'people', limit: 2000, sort: { field: 'name', direction: 'asc' } }, []);
  return state.status === 'ok' ? state.value.rows : [];
}

/** True when a meeting that decides resources has no resource manager among its attendees. */
function lacksResourceManager(decidesResources: unknown, attendees: readonly Attendee[], people: readonly Record<string, unknown>[]): boolean {
  if (!decidesResources) return false;
  const managers = new Set(people.filter((person) => person.isResourceManager === true).map((person) => person.id));
  return !attendees.some((attendee) => managers.has(attendee.personId));
}

/** The same words the detail page shows from the main side, live while the attendees are edited. */
function ResourceManagerWarning() {
  const { t } = useTranslation();
  return (
    <p className="warning" role="alert" data-testid="resource-manager-warning">
      {t('validation.noResourceManager')}
    </p>
  );
}

export function AttendeesEditor({ id, value, onChange, form }: EditorProps<Attendee>) {
  const { t } = useTranslation();
  const people = usePeople();
  const update = (index: number, patch: Partial<Attendee>) => onChange(value.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const warn = useMemo(() => lacksResourceManager(form.decidesResources, value, people), [form.decidesResources, value, people]);
  return (
    <div className="rows-editor" id={id} tabIndex={-1}>
      {value.map((row, index) => {
        const person = people.find((candidate) => candidate.id === row.personId);
        return (
          <div className="rows-editor__row" key={index}>
            <select aria-label={t('records.ui.attendeeN', { n: index + 1 })} value={row.personId} onChange={(event) => update(index, { personId: event.target.value })}>
              <option value="">{t('records.ui.choose')}</option>
              {people.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title}
                  {candidate.isResourceManager ? ` (${t('records.ui.resourceManager')})` : ''}
                </option>
              ))}
            </select>
            <input type="text" aria-label={t('records.ui.attendeeRoleN', { n: index + 1 })} placeholder={t('records.ui.roleInMeeting')} value={row.role} onChange={(event) => update(index, { role: event.target.value })} />
            {person?.isResourceManager === true && <span className="badge">{t('records.ui.resourceManager')}</span>}
            <button type="button" onClick={() => onChange(value.filter((_, at) => at !== index))}>
              {t('records.ui.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...value, { personId: '', role: '' }])}>
        {t('records.ui.addAttendee')}
      </button>
      {warn && <ResourceManagerWarning />}
    </div>
  );
}
