import type { z } from 'zod';
import type { partnerInput, Partner } from '../../shared/domain/partner';
import { AppError } from '../../shared/result';
import type { Store } from '../store';
import { deleteRecord, insertRecord, updateRecord } from './records';

type PartnerValues = z.output<typeof partnerInput>;

const SELECT_PARTNER = `
  SELECT p.id, p.name, p.iso_code AS isoCode, p.notes, p.created_at AS createdAt, p.updated_at AS updatedAt,
         (SELECT COUNT(*) FROM mou_drafts m WHERE m.partner_id = p.id) AS mouCount
  FROM partners p`;

export function listPartners(store: Store): Partner[] {
  return store.db.prepare(`${SELECT_PARTNER} ORDER BY p.name COLLATE NOCASE, p.id`).all() as Partner[];
}

export function findPartner(store: Store, id: string): Partner | undefined {
  return store.db.prepare(`${SELECT_PARTNER} WHERE p.id = ?`).get(id) as Partner | undefined;
}

export function getPartner(store: Store, id: string): Partner {
  const partner = findPartner(store, id);
  if (!partner) throw new AppError('NOT_FOUND', `No partner nation with id ${id}.`, { id });
  return partner;
}

// Writes go through the generic repository: one place checks names, links and what still points at a partner.

export function createPartner(store: Store, values: PartnerValues): Partner {
  return store.transaction(() => getPartner(store, insertRecord(store, 'partners', values)));
}

export function updatePartner(store: Store, id: string, values: PartnerValues): Partner {
  return store.transaction(() => {
    updateRecord(store, 'partners', id, values);
    return getPartner(store, id);
  });
}

export function deletePartner(store: Store, id: string): { id: string } {
  return deleteRecord(store, 'partners', id);
}
