import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ASYNC_CONTEXT_FRAME, buildNodeOptions } from '../../src/lib/node-options.ts';

const knows = new Set([ASYNC_CONTEXT_FRAME]);

describe("the build process's Node options", () => {
  it('adds async context frames to what is already set', () => {
    expect(buildNodeOptions(undefined, knows)).toBe(ASYNC_CONTEXT_FRAME);
    expect(buildNodeOptions('--max-old-space-size=8192', knows)).toBe(`--max-old-space-size=8192 ${ASYNC_CONTEXT_FRAME}`);
  });

  it('leaves the options alone where Node does not know the option, or they already decide', () => {
    expect(buildNodeOptions('--max-old-space-size=8192', new Set())).toBe('--max-old-space-size=8192');
    expect(buildNodeOptions(undefined, new Set())).toBeUndefined();
    expect(buildNodeOptions(`  ${ASYNC_CONTEXT_FRAME}`, knows)).toBe(`  ${ASYNC_CONTEXT_FRAME}`);
    expect(buildNodeOptions('--no-async-context-frame', knows)).toBe('--no-async-context-frame');
  });

  it('gives a Node that keeps AsyncLocalStorage values across awaits without promise hooks', () => {
    // The promise-hook implementation of AsyncLocalStorage is the one with `_propagate`.
    const script = `
      const { AsyncLocalStorage } = require('node:async_hooks');
      const store = new AsyncLocalStorage();
      store.run('page', async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        console.log(JSON.stringify({ value: store.getStore(), hooks: typeof AsyncLocalStorage.prototype._propagate === 'function' }));
      });`;
    const run = (options: string | undefined) => {
      const { stdout, status } = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: options }, encoding: 'utf8' });
      expect(status).toBe(0);
      return JSON.parse(stdout) as { value: string; hooks: boolean };
    };
    expect(run(buildNodeOptions(undefined, process.allowedNodeEnvironmentFlags))).toEqual({ value: 'page', hooks: false });
    expect(run(undefined)).toEqual({ value: 'page', hooks: true });
  });
});
