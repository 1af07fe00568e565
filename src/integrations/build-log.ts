// Astro's log destination (`logger` in astro.config.mjs). Astro prints a line for every page it
// writes, 26,000 for the Reuters archive, and for every photo rendition it makes. Here those are
// counted instead, with a progress line
// every few seconds and one when the pages are done; everything else, warnings and errors above
// all, is printed as Astro prints it. DATELINE_VERBOSE=1 (`npm run build -- --verbose`) prints
// every line. If this file cannot be loaded, Astro uses its own destination: the tests check
// that the page lines are gone.
import nodeDestination from 'astro/logger/node';
import { progress, reportProgress, verbose } from '#src/util/progress.ts';

interface LogEvent {
  label: string | null;
  level: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  message: string;
  newLine: boolean;
}

/** `  ├─ /2019/…/index.html`, written without a line end, then ` (+12ms)`, ` (cached)`… */
const PAGE_START = /^\s*├─ /;
const PAGE_END = /^\s*\((?:\+[\d.]+m?s|cached|restored)\)/;
const BANNER = /^\s*(generating|prerendering) static routes\s*$/;
const PAGES_DONE = /^✓ Completed in (.+)$/;
/** `generating optimized images`, then `▶ /_astro/lead.Hash.webp (before: …) (+12ms) (3/26)`. */
const IMAGES_BANNER = /^\s*generating optimized images\s*$/;
const IMAGE = /^▶ \S+ .*\((\d+)\/(\d+)\)$/;

// eslint-disable-next-line no-control-regex -- colour codes are what is cut
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').trim();

export default function datelineLog(config?: { level?: LogEvent['level'] }) {
  // Astro's own logger filters by level before it calls a destination.
  const inner = nodeDestination({ level: config?.level ?? 'debug' });
  const line = (message: string) =>
    inner.write({ label: 'build', level: 'info', message, newLine: true });
  let pagesSeen = false;
  let images = 0;
  return {
    write(event: LogEvent) {
      if (verbose() || event.level !== 'info') return inner.write(event);
      const text = plain(event.message);
      if (event.label === null && PAGE_START.test(text)) return;
      const state = progress();
      if (event.label === 'SKIP_FORMAT' && PAGE_END.test(text)) {
        pagesSeen = true;
        reportProgress('pages written', ++state.pagesDone, state.pagesTotal, line);
        return;
      }
      if (event.label === 'SKIP_FORMAT' && BANNER.test(text)) return;
      if (IMAGES_BANNER.test(text)) return;
      const image = IMAGE.exec(text);
      if (image) {
        images = Number(image[1]);
        reportProgress('photo renditions made', images, Number(image[2]), line);
        return;
      }
      const imagesDone = images > 0 ? PAGES_DONE.exec(text) : null;
      if (imagesDone) {
        const made = images;
        images = 0;
        return line(`${made.toLocaleString('en')} photo renditions made in ${imagesDone[1]}`);
      }
      const done = event.label === null && pagesSeen ? PAGES_DONE.exec(text) : null;
      if (done) {
        pagesSeen = false;
        return line(
          `${state.pagesDone.toLocaleString('en')} pages and feeds written in ${done[1]}`,
        );
      }
      inner.write(event);
    },
  };
}
