import type { Store } from '../../db/store';
import { localToday } from '../../shared/results/today';

/**
 * The "today" a call that names none is measured from: the officer's local calendar date (shared/results/today.ts)
 * at the store's clock, so overdue, upcoming, readiness and reminders agree with each other and with a test's clock.
 */
export function todayOf(store: Store): string {
  return localToday(new Date(store.now()));
}
