import type { z } from 'zod';
import type { partnerInput, Partner } from '../../shared/domain/partner';
import { msg } from '../../shared/messages';
import { AppError, fieldError } from '../../shared/result';
import type { Store } from '../store';
import { syncedTables } from '../syncedTables';

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

export function createPartner(store: Store, values: PartnerValues): Partner {
  return store.transaction(() => {
    assertNameFree(store, values.name);
    const id = store.insert(syncedTables.partners, values);
    return getPartner(store, id);
  });
}

export function updatePartner(store: Store, id: string, values: PartnerValues): Partner {
  return store.transaction(() => {
    const before = getPartner(store, id);
    assertNameFree(store, values.name, id);
    store.update(syncedTables.partners, id, before, values);
    return getPartner(store, id);
  });
}

export function deletePartner(store: Store, id: string): { id: string } {
  return store.transaction(() => {
    const before = getPartner(store, id);
    if (before.mouCount > 0) {
      throw new AppError(
        'CONFLICT',
        `${before.name} still has ${before.mouCount} MOU draft(s). Delete or move them before deleting the partner.`,
        { mouCount: before.mouCount },
      );
    }
    store.delete(syncedTables.partners, id, before);
    return { id };
  });
}

function assertNameFree(store: Store, name: string, exceptId?: string): void {
  const clash = store.db
    .prepare('SELECT id FROM partners WHERE name = ? COLLATE NOCASE AND id IS NOT ?')
    .get(name, exceptId ?? null);
  if (clash) throw fieldError('name', msg('duplicateName'), `A partner nation named "${name}" already exists.`);
}
