import type { z } from 'zod';
import type { MouDraft, mouDraftInput } from '../../shared/domain/mou';
import { AppError } from '../../shared/result';
import type { Store } from '../store';
import { deleteRecord, insertRecord, updateRecord } from './records';

type MouDraftValues = z.output<typeof mouDraftInput>;
type MouDraftRow = Omit<MouDraft, 'parties'> & { parties: string };

const SELECT_DRAFT = `
  SELECT m.id, m.title, m.title_ar AS titleAr, m.partner_id AS partnerId, COALESCE(p.name, '') AS partnerName, m.sector, m.status,
         m.parties, m.summary, m.created_at AS createdAt, m.updated_at AS updatedAt
  FROM mou_drafts m LEFT JOIN partners p ON p.id = m.partner_id`;

const fromRow = (row: MouDraftRow): MouDraft => ({ ...row, parties: JSON.parse(row.parties) as string[] });

export function listMouDrafts(store: Store, filter: { partnerId?: string } = {}): MouDraft[] {
  const rows = filter.partnerId
    ? store.db.prepare(`${SELECT_DRAFT} WHERE m.partner_id = ? ORDER BY m.updated_at DESC, m.id`).all(filter.partnerId)
    : store.db.prepare(`${SELECT_DRAFT} ORDER BY m.updated_at DESC, m.id`).all();
  return (rows as MouDraftRow[]).map(fromRow);
}

export function getMouDraft(store: Store, id: string): MouDraft {
  const row = store.db.prepare(`${SELECT_DRAFT} WHERE m.id = ?`).get(id) as MouDraftRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No MOU draft with id ${id}.`, { id });
  return fromRow(row);
}

// Writes go through the generic repository: one place checks the partner link, status transitions and clauses.

export function createMouDraft(store: Store, values: MouDraftValues): MouDraft {
  return store.transaction(() => getMouDraft(store, insertRecord(store, 'mouDrafts', values)));
}

export function updateMouDraft(store: Store, id: string, values: MouDraftValues): MouDraft {
  return store.transaction(() => {
    updateRecord(store, 'mouDrafts', id, values);
    return getMouDraft(store, id);
  });
}

export function deleteMouDraft(store: Store, id: string): { id: string } {
  return deleteRecord(store, 'mouDrafts', id);
}
