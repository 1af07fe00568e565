/**
 * State that parts of one `astro build` share across module graphs. Astro loads the
 * integrations (through the config), the content loader (through the content config) and the
 * pages with their middleware (through Vite's build) as separate module instances in the same
 * process, so a module-level variable in one is not the same variable in the others. Their
 * meeting point is the process's global object, under a name of Dateline's: this is the one
 * place that reaches it.
 */
export function shared<T>(name: string, make: () => T): T {
  const key = Symbol.for(`dateline.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= make());
}

/** Removes a shared value, for a build that starts afresh in the same process (astro dev). */
export function forget(name: string): void {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`dateline.${name}`)];
}
