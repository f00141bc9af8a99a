import type { dashboardMethods } from '../../shared/api/dashboard';
import { partnerDashboard, postDashboard } from '../../db/repositories/dashboard';
import { exportBrief, exportCommunique, type DocumentFile } from '../documents/brief';
import { todayOf } from './today';
import type { HandlerContext, HandlersFor } from './types';


/** A browser gets the bytes to download; the desktop app saves them through its Save dialog (as MOU documents do). */
export async function asFile(context: HandlerContext, { fileName, mediaType, bytes }: DocumentFile) {
  const file = { fileName, mediaType, size: bytes.length };
  if (context.saveFile) return { ...file, bytes: new Uint8Array(0), savedWithDialog: true, savedTo: await context.saveFile(fileName, bytes) };
  return { ...file, bytes, savedWithDialog: false, savedTo: null };
}

export const dashboardHandlers: HandlersFor<typeof dashboardMethods> = {
  'dashboard.partner': ({ partnerId, today }, { store }) => partnerDashboard(store, partnerId, today ?? todayOf(store)),
  'dashboard.post': ({ today }, { store }) => postDashboard(store, today ?? todayOf(store)),
  'dashboard.brief': async ({ deadlineId, partnerId, format, lang, today }, context) =>
    asFile(context, await exportBrief(context.store, context.handlingMarking, { deadlineId, partnerId, format, lang, today: today ?? todayOf(context.store) })),
  'dashboard.communique': async ({ meetingId, checkInId, format, lang, today }, context) =>
    asFile(
      context,
      await exportCommunique(context.store, context.handlingMarking, { source: meetingId ? { meetingId } : { checkInId: checkInId! }, format, lang, today: today ?? todayOf(context.store), from: context.store.post.name }),
    ),
};
