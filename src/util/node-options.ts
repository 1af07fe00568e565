/**
 * Keeps an AsyncLocalStorage's value without promise hooks: Node 24's default, an option on Node
 * 22.
 */
export const ASYNC_CONTEXT_FRAME = '--experimental-async-context-frame';

/**
 * `NODE_OPTIONS` for the `astro build` process. Astro renders every page inside an
 * AsyncLocalStorage. On Node 22 that installs promise hooks, which then run for each of the
 * many promises every page makes; with async context frames the value is carried without
 * them. The option is added only where this Node knows it:
 * a Node that does not would refuse to start. Options that already name it, either way and
 * in either of Node's spellings (`-` or `_`), are left as they are.
 */
export function buildNodeOptions(
  current: string | undefined,
  known: ReadonlySet<string>,
): string | undefined {
  const named = (current ?? '')
    .split(/\s+/)
    .some((option) => option.replaceAll('_', '-').endsWith('async-context-frame'));
  if (!known.has(ASYNC_CONTEXT_FRAME) || named) return current;
  // Appended, not split and joined again: NODE_OPTIONS may quote values with spaces in them.
  return current?.trim() ? `${current} ${ASYNC_CONTEXT_FRAME}` : ASYNC_CONTEXT_FRAME;
}
