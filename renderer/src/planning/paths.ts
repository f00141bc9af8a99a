/** Hash routes of the planning pages. */
export const recordPath = (type: string, id?: string, action?: string): string => ['/records', type, id, action].filter(Boolean).join('/');
export const overviewPath = (partnerId: string): string => `/overview/${partnerId}`;
export const searchPath = (query: string): string => `/search/${encodeURIComponent(query)}`;
export const assessPath = (checkInId: string): string => `/assess/${checkInId}`;
/** Where a type's records are listed: the generic list, for every type. */
export const listPath = (type: string): string => recordPath(type);
