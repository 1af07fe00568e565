import { monthName } from '#src/domain/dates.ts';
import { dayUrl, monthUrl, yearUrl } from '#src/domain/urls.ts';

/** One step of a page's breadcrumbs; the page itself has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/**
 * Breadcrumbs down the calendar: the year, its month, the day, as far as `period` goes. The
 * last is the page itself, without a link, unless the page is below it (a story).
 */
export function calendarCrumbs(
  period: { year: number; month?: number; day?: number },
  below = false,
): Crumb[] {
  const { year, month, day } = period;
  const crumbs: Crumb[] = [{ label: String(year), href: yearUrl(year) }];
  if (month !== undefined) crumbs.push({ label: monthName(month), href: monthUrl(year, month) });
  if (month !== undefined && day !== undefined)
    crumbs.push({ label: String(day), href: dayUrl(year, month, day) });
  if (!below) delete crumbs.at(-1)!.href;
  return crumbs;
}
