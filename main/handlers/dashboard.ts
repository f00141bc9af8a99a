import type { dashboardMethods } from '../../shared/api/dashboard';
import { partnerDashboard, postDashboard } from '../../db/repositories/dashboard';
import type { HandlersFor } from './types';

/** A caller that does not say which day it is gets this machine's local calendar date (the officer's "today"). */
export function localToday(now = new Date()): string {
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const dashboardHandlers: HandlersFor<typeof dashboardMethods> = {
  'dashboard.partner': ({ partnerId, today }, { store }) => partnerDashboard(store, partnerId, today ?? localToday()),
  'dashboard.post': ({ today }, { store }) => postDashboard(store, today ?? localToday()),
};
