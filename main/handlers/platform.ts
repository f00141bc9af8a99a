import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_BUNDLE_BYTES } from '../../shared/api/sync';
import { AppError } from '../../shared/result';
import { message } from '../../shared/i18n/message';
import { openedFileKind } from '../../shared/openedFiles';
import type { platformMethods } from '../../shared/api/platform';
import { backupDatabase, checkBackupFile, restoreDatabase } from '../../db/backup';
import { databaseKeyOf } from '../../db/open';
import type { HandlersFor } from './types';

/** The name db/store.ts gives a post before anyone names it. */
const UNNAMED_POST = 'Unnamed post';

/** Backups beside the database, in a folder of their own: what IT copies off the machine. */
export const backupDirectory = (databasePath: string) => join(dirname(databasePath), 'backups');

/** 2026-12-02T04-35-07Z: sorts by time and is a valid file name on every system. */
const stamp = (at: Date) => at.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');

export const platformHandlers: HandlersFor<typeof platformMethods> = {
  'platform.status': (_input, { store, databasePath }) => ({
    firstStart: store.post.name === UNNAMED_POST,
    databasePath,
    backupDirectory: backupDirectory(databasePath),
  }),
  'platform.backup': async ({ out }, { store, databasePath }) => {
    const takenAt = new Date(store.now());
    const path = out ?? join(backupDirectory(databasePath), `accord-${stamp(takenAt)}.sqlite`);
    const written = await backupDatabase(store.db, path);
    return { ...written, takenAt: takenAt.toISOString() };
  },
  'platform.restore': async ({ from, check }, { store, databasePath }) => {
    if (check) return { ...checkBackupFile(from, undefined, databaseKeyOf(store.db)), previousCopy: null };
    const keep = join(backupDirectory(databasePath), `accord-before-restore-${stamp(new Date(store.now()))}.sqlite`);
    const restored = await restoreDatabase(store.db, from, keep);
    // The open store now reads the restored post.
    store.post.id = restored.postId;
    store.post.name = restored.postName;
    return { path: restored.path, schemaVersion: restored.schemaVersion, postName: restored.postName, previousCopy: restored.previousCopy };
  },
  'platform.openedFile': (_input, context) => {
    const path = context.takeOpenedFile?.() ?? null;
    if (path === null) return null;
    const kind = openedFileKind(path);
    if (kind === null) return null;
    if (statSync(path).size > MAX_BUNDLE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', message('platform.openedTooLarge', { path }));
    return { kind, name: basename(path), data: readFileSync(path).toString('base64') };
  },
};
