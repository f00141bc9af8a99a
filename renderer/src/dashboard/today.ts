import { localToday } from '../../../shared/results/today';

/** A fixed "today" for demonstrations and tests: ?today=yyyy-mm-dd in the route's query; else the officer's local date (shared/results/today.ts). */
export function todayFrom(query: string | undefined): string {
  const match = /(?:^|&)today=(\d{4}-\d{2}-\d{2})/.exec(query ?? '');
  return match ? match[1]! : localToday();
}
