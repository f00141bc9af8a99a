import type { coreMethods } from '../../shared/api/core';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations/index';
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
};
