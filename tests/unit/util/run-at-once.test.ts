import { describe, expect, it } from 'vitest';
import { atMostAtOnce, runAtOnce } from '#src/util/run-at-once.ts';

const tick = () => new Promise((wake) => setTimeout(wake, 5));

describe('runAtOnce', () => {
  it('runs every item, never more than the limit at a time, starting them in order', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await runAtOnce([1, 2, 3, 4, 5], 2, async (item) => {
      started.push(item);
      most = Math.max(most, ++running);
      await tick();
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, lets the running task finish, throws the error', async () => {
    const finished: number[] = [];
    const run = runAtOnce([1, 2, 3, 4], 2, async (item) => {
      if (item === 1) throw new Error('part 1 failed');
      await tick();
      finished.push(item);
    });
    await expect(run).rejects.toThrow('part 1 failed');
    expect(finished).toEqual([2]);
  });

  it('does nothing for no items', async () => {
    let calls = 0;
    await runAtOnce([], 2, async () => void calls++);
    expect(calls).toBe(0);
  });
});

describe('atMostAtOnce', () => {
  it('runs tasks as they come, at most the limit at once, the waiting ones in order', async () => {
    const atOnce = atMostAtOnce(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const task = (item: number) => async () => {
      started.push(item);
      most = Math.max(most, ++running);
      await tick();
      running--;
      return item * 10;
    };
    const first = [atOnce(task(1)), atOnce(task(2)), atOnce(task(3))];
    await tick();
    const later = [atOnce(task(4)), atOnce(task(5))];
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('hands a failed task its error, and goes on with the others', async () => {
    const atOnce = atMostAtOnce(1);
    const failing = atOnce(async () => {
      throw new Error('part 1 failed');
    });
    const next = atOnce(async () => 'part 2');
    await expect(failing).rejects.toThrow('part 1 failed');
    expect(await next).toBe('part 2');
  });
});
