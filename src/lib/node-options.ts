/** Keeps an AsyncLocalStorage's value without promise hooks: Node 24's default, an option on Node 22. */
export const ASYNC_CONTEXT_FRAME = '--experimental-async-context-frame';

/**
 * `NODE_OPTIONS` for the `astro build` process. Astro renders every page inside an
 * AsyncLocalStorage. On Node 22 that installs promise hooks, which then run for each of the
 * many promises every page makes; with async context frames the value is carried without
 * them (BENCHMARKS.md, "Tenth pass"). The option is added only where this Node knows it:
 * a Node that does not would refuse to start. Options that already decide are left alone.
 */
export function buildNodeOptions(current: string | undefined, known: ReadonlySet<string>): string | undefined {
  const options = (current ?? '').split(/\s+/).filter(Boolean);
  if (!known.has(ASYNC_CONTEXT_FRAME) || options.some((option) => option.endsWith('async-context-frame'))) return current;
  return [...options, ASYNC_CONTEXT_FRAME].join(' ');
}
