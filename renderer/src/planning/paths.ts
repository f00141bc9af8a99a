/** Hash routes of the planning pages. */
export const recordPath = (type: string, id?: string, action?: string): string => ['/records', type, id, action].filter(Boolean).join('/');
export const overviewPath = (partnerId: string): string => `/overview/${partnerId}`;
export const searchPath = (query: string): string => `/search/${encodeURIComponent(query)}`;
export const assessPath = (checkInId: string): string => `/assess/${checkInId}`;
/** Where a type's records are listed: partners and MOU drafts have their own lists in the top bar. */
const OWN_LISTS: Record<string, string> = { partners: '/partners', mouDrafts: '/mou' };
export const listPath = (type: string): string => OWN_LISTS[type] ?? recordPath(type);
