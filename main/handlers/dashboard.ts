import type { dashboardMethods } from '../../shared/api/dashboard';
import { partnerDashboard, postDashboard } from '../../db/repositories/dashboard';
import { exportBrief, exportCommunique } from '../documents/brief';
import { todayOf } from './today';
import { asFile } from './savedFile';
import type { HandlersFor } from './types';



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
