import type { ParsedInput, MethodName, MethodOutput } from '../shared/contract';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { createMouDraft, deleteMouDraft, getMouDraft, listMouDrafts, updateMouDraft } from '../db/repositories/mouDrafts';
import { createPartner, deletePartner, getPartner, listPartners, updatePartner } from '../db/repositories/partners';
import type { Store } from '../db/store';

export interface HandlerContext {
  store: Store;
  appVersion: string;
  handlingMarking: string;
  databasePath: string;
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, context: HandlerContext) => MethodOutput<M>;
};

/** The one implementation of the contract. Inputs arrive already parsed by the gate in dispatch.ts. */
export const handlers: Handlers = {
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
