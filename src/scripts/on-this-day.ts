/**
 * Points the home page's "On this day" link at today's page, in the reader's own calendar,
 * when the archive has stories for today. Without JavaScript the link goes to the index of days.
 */
export function linkToday(link: HTMLAnchorElement | null, now = new Date()): void {
  if (!link) return;
  // The key monthDayKey (src/domain/dates.ts) gives a day, and onThisDayUrl its address (Vite
  // writes the base in), written out: this script is inlined into the home page, and importing
  // a module would make it a file of its own.
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  const key = `${month}-${day}`;
  const days = new Set((link.dataset.days ?? '').split(' '));
  if (days.has(key)) {
    link.href = `${import.meta.env.BASE_URL}on-this-day/${key}/`;
    const today = now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long' });
    link.textContent = `On this day, ${today}`;
  }
}
