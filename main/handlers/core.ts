import type { coreMethods } from '../../shared/api/core';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
import { createMouDraft, deleteMouDraft, getMouDraft, listMouDrafts, updateMouDraft } from '../../db/repositories/mouDrafts';
import { createPartner, deletePartner, getPartner, listPartners, updatePartner } from '../../db/repositories/partners';
import type { HandlersFor } from './types';

export const coreHandlers: HandlersFor<typeof coreMethods> = {
  'app.info': (_input, { store, appVersion, handlingMarking, databasePath }) => ({
    appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    postId: store.post.id,
    postName: store.post.name,
    handlingMarking,
    databasePath,
  }),
  'partners.list': (_input, { store }) => listPartners(store),
  'partners.get': ({ id }, { store }) => getPartner(store, id),
  'partners.create': (values, { store }) => createPartner(store, values),
  'partners.update': ({ id, values }, { store }) => updatePartner(store, id, values),
  'partners.delete': ({ id }, { store }) => deletePartner(store, id),
  'mou.list': (filter, { store }) => listMouDrafts(store, filter),
  'mou.get': ({ id }, { store }) => getMouDraft(store, id),
  'mou.create': (values, { store }) => createMouDraft(store, values),
  'mou.update': ({ id, values }, { store }) => updateMouDraft(store, id, values),
  'mou.delete': ({ id }, { store }) => deleteMouDraft(store, id),
};
