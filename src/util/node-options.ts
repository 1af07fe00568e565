/**
 * Keeps an AsyncLocalStorage's value without promise hooks: Node 24's default, an option on Node
 * 22.
 */
export const ASYNC_CONTEXT_FRAME = '--experimental-async-context-frame';

/**
 * The young generation's semi-space, in MB. A build allocates hundreds of short-lived objects
 * per page; with V8's default (16 MB on 64-bit) most of them outlive a scavenge and are copied
 * into the old generation, which the main thread then collects. 64 MB costs a few hundred MB of
 * memory, whatever the archive's size, and took a fifth off a cold build's CPU.
 */
export const SEMI_SPACE = '--max-semi-space-size';
export const SEMI_SPACE_MB = 64;

/**
 * `NODE_OPTIONS` for the `astro build` process. Astro renders every page inside an
 * AsyncLocalStorage. On Node 22 that installs promise hooks, which then run for each of the
 * many promises every page makes; with async context frames the value is carried without
 * them. The young generation is widened (`SEMI_SPACE`). Each option is added only where this
 * Node knows it (a Node that does not would refuse to start), and only where the options do
 * not already name it, either way and in either of Node's spellings (`-` or `_`).
 */
export function buildNodeOptions(
  current: string | undefined,
  known: ReadonlySet<string>,
): string | undefined {
  const named = (current ?? '').split(/\s+/).map((option) => option.replaceAll('_', '-'));
  const wanted = [
    { flag: ASYNC_CONTEXT_FRAME, option: ASYNC_CONTEXT_FRAME },
    { flag: SEMI_SPACE, option: `${SEMI_SPACE}=${SEMI_SPACE_MB}` },
  ];
  const added = wanted
    .filter(
      ({ flag }) => known.has(flag) && !named.some((option) => nameOf(option) === nameOf(flag)),
    )
    .map(({ option }) => option);
  if (added.length === 0) return current;
  // Appended, not split and joined again: NODE_OPTIONS may quote values with spaces in them.
  return [current?.trim() ? current : '', ...added].filter(Boolean).join(' ');
}

/** An option's name without dashes, `no-`, `experimental-` or its value. */
function nameOf(option: string): string {
  return option
    .replace(/^-+/, '')
    .split('=')[0]!
    .replace(/^no-/, '')
    .replace(/^experimental-/, '');
}
