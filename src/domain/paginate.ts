/** Stories per listing page: enough to scan, small enough to load fast on a phone. */
export const PAGE_SIZE = 25;

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Items on page `page` (1-based). */
export function pageSlice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}


/** The rest parameter of a paginated route: nothing for page 1, `page/N` after. */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : `page/${page}`;
}

/**
 * Paths for a paginated listing: one entry per page, with the page number as a prop and, when
 * `key` is given, the page's incremental-build key.
 */
export function pagePaths<P extends Record<string, string | undefined>, X extends object>(
  params: P,
  total: number,
  extra: X,
  key?: (page: number, pages: number) => string,
  size = PAGE_SIZE,
) {
  const pages = pageCount(total, size);
  return Array.from({ length: pages }, (_, i) => ({
    params: { ...params, page: pageParam(i + 1) },
    props: { ...extra, page: i + 1 },
    ...(key ? { cacheKey: key(i + 1, pages) } : {}),
  }));
}
