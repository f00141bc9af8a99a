/** The officer's calendar date where this window runs (not UTC's): what "overdue" and "next deadline" are measured from. */
export function localToday(now = new Date()): string {
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A fixed "today" for demonstrations and tests: ?today=yyyy-mm-dd in the route's query. */
export function todayFrom(query: string | undefined): string {
  const match = /(?:^|&)today=(\d{4}-\d{2}-\d{2})/.exec(query ?? '');
  return match ? match[1]! : localToday();
}
