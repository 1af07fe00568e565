import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  ASYNC_CONTEXT_FRAME,
  SEMI_SPACE,
  SEMI_SPACE_MB,
  buildNodeOptions,
} from '#src/util/node-options.ts';

const knows = new Set([ASYNC_CONTEXT_FRAME]);

describe("the build process's Node options", () => {
  it('adds async context frames to what is already set, leaving it as written', () => {
    expect(buildNodeOptions(undefined, knows)).toBe(ASYNC_CONTEXT_FRAME);
    expect(buildNodeOptions('  ', knows)).toBe(ASYNC_CONTEXT_FRAME);
    expect(buildNodeOptions('--max-old-space-size=8192', knows)).toBe(
      `--max-old-space-size=8192 ${ASYNC_CONTEXT_FRAME}`,
    );
    expect(buildNodeOptions('--require "./a  b.js"', knows)).toBe(
      `--require "./a  b.js" ${ASYNC_CONTEXT_FRAME}`,
    );
  });

  it('leaves the options alone where Node lacks the option, or they name it', () => {
    expect(buildNodeOptions('--max-old-space-size=8192', new Set())).toBe(
      '--max-old-space-size=8192',
    );
    expect(buildNodeOptions(undefined, new Set())).toBeUndefined();
    for (const named of [
      `  ${ASYNC_CONTEXT_FRAME}`,
      '--no-experimental-async-context-frame',
      '--no-experimental_async_context_frame',
      '--no-async-context-frame',
    ]) {
      expect(buildNodeOptions(named, knows)).toBe(named);
    }
  });

  it('widens the young generation unless the options size it already', () => {
    const both = new Set([ASYNC_CONTEXT_FRAME, SEMI_SPACE]);
    const wide = `${SEMI_SPACE}=${SEMI_SPACE_MB}`;
    expect(buildNodeOptions(undefined, both)).toBe(`${ASYNC_CONTEXT_FRAME} ${wide}`);
    expect(buildNodeOptions('--max-old-space-size=8192', both)).toBe(
      `--max-old-space-size=8192 ${ASYNC_CONTEXT_FRAME} ${wide}`,
    );
    expect(buildNodeOptions('--max_semi_space_size=16', both)).toBe(
      `--max_semi_space_size=16 ${ASYNC_CONTEXT_FRAME}`,
    );
    expect(buildNodeOptions(`${ASYNC_CONTEXT_FRAME} --max-semi-space-size=8`, both)).toBe(
      `${ASYNC_CONTEXT_FRAME} --max-semi-space-size=8`,
    );
    // The Node the npm scripts run knows it: the build gets it.
    expect(process.allowedNodeEnvironmentFlags.has(SEMI_SPACE)).toBe(true);
  });

  // Where this Node has no such option (Node 20) there is nothing to add; on the Node that the
  // npm scripts run (22) it must take effect.
  it.skipIf(!process.allowedNodeEnvironmentFlags.has(ASYNC_CONTEXT_FRAME))(
    'gives a Node that keeps AsyncLocalStorage values across awaits without promise hooks',
    () => {
      // The promise-hook implementation of AsyncLocalStorage is the one with `_propagate`.
      const script = `
      const { AsyncLocalStorage } = require('node:async_hooks');
      const store = new AsyncLocalStorage();
      store.run('page', async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        const hooks = typeof AsyncLocalStorage.prototype._propagate === 'function';
        console.log(JSON.stringify({ value: store.getStore(), hooks }));
      });`;
      const options = buildNodeOptions(undefined, process.allowedNodeEnvironmentFlags);
      const { stdout, stderr, status } = spawnSync(process.execPath, ['-e', script], {
        env: { ...process.env, NODE_OPTIONS: options },
        encoding: 'utf8',
      });
      expect(status, stderr).toBe(0);
      expect(JSON.parse(stdout)).toEqual({ value: 'page', hooks: false });
    },
  );
});
