/**
 * Runs `task` on every item, at most `limit` at a time, in the items' order. After a failure
 * no new task starts; the ones running are let finish, then the first error is thrown.
 */
export async function runAtOnce<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const runner = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, runner));
  if (failure) throw failure.error;
}

/**
 * For tasks that arrive one by one: the function returned runs each task it is given, at most
 * `limit` at a time, the others waiting their turn in the order they came.
 */
export function atMostAtOnce(limit: number): <R>(task: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running < limit) running++;
    else await new Promise<void>((go) => waiting.push(go)); // the task that ends hands its place on
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
