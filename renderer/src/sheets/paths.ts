/** "#/sheets/import" (optionally for one record type: "#/sheets/import?type=benchmarks"). */
export function importPath(type?: string): string {
  return type ? `/sheets/import?type=${encodeURIComponent(type)}` : '/sheets/import';
}

/** The record type a route to the import page names, if any. */
export function importTypeOf(route: readonly string[]): string | undefined {
  const joined = route.join('/');
  const at = joined.indexOf('?');
  return at < 0 ? undefined : (new URLSearchParams(joined.slice(at + 1)).get('type') ?? undefined);
}

export function isSheetsRoute(route: readonly string[]): boolean {
  return route[0] === 'sheets';
}
