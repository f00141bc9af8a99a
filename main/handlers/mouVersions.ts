import type { mouVersionsMethods } from '../../shared/api/mouVersions';
import { compareMouVersions, listMouVersions, saveMouVersion } from '../../db/repositories/mouVersions';
import type { HandlersFor } from './types';

export const mouVersionsHandlers: HandlersFor<typeof mouVersionsMethods> = {
  'mou.versions.save': ({ mouId, label }, { store }) => saveMouVersion(store, mouId, label),
  'mou.versions.list': ({ mouId }, { store }) => listMouVersions(store, mouId),
  'mou.versions.compare': ({ mouId, from, to }, { store }) => compareMouVersions(store, mouId, from, to),
};
