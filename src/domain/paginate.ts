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

/** getStaticPaths entries for a paginated listing: one per page, with the page number as a prop. */
export function pageRoutes<P extends Record<string, string | undefined>, X extends object>(
  params: P,
  total: number,
  extra: X,
  size = PAGE_SIZE,
) {
  return Array.from({ length: pageCount(total, size) }, (_, i) => ({
    params: { ...params, page: pageParam(i + 1) },
    props: { ...extra, page: i + 1 },
  }));
}
