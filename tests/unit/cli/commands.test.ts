import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEnv, projectRoot } from '../../support/build.ts';

/** Every command of the README's table, as its npm script runs it. */
const COMMANDS: [string, string][] = [
  ['npm run build', 'src/cli/build.ts'],
  ['npm run check', 'src/cli/check.ts'],
  ['npm run new', 'src/cli/new.ts'],
  ['npm run import', 'src/cli/import.ts'],
  ['npm run corpus', 'tests/bench/corpus.ts'],
  ['npm run bench', 'tests/bench/bench.ts'],
  ['npm run bench:search', 'tests/bench/bench-search.ts'],
  ['npm run bench:index', 'tests/bench/search-index.ts'],
  ['npm run bench:places', 'tests/bench/bench-places.ts'],
  ['npm run bench:dev', 'tests/bench/bench-dev.ts'],
  ['npm run bench:photos', 'tests/bench/bench-photos.ts'],
  ['npm run audit', 'tests/bench/audit.ts'],
];

const run = (file: string, args: string[]) =>
  spawnSync(process.execPath, [join(projectRoot, file), ...args], {
    cwd: projectRoot,
    env: childEnv(),
    encoding: 'utf8',
  });

describe('every command', () => {
  for (const [name, file] of COMMANDS) {
    it(`${name} answers --help and refuses an unknown option in one line`, () => {
      const help = run(file, ['--help']);
      expect(help.status, help.stderr).toBe(0);
      expect(help.stdout).toContain(`usage: ${name}`);
      expect(help.stdout).toContain('--help');

      const wrong = run(file, ['--no-such-option']);
      expect(wrong.status).toBe(2);
      expect(wrong.stdout).toBe('');
      expect(wrong.stderr.trim().split('\n')).toEqual([
        `${name}: Unknown option '--no-such-option'. See ${name} -- --help`,
      ]);
    });
  }

  it('names what is missing in one line, never with a stack trace', () => {
    const noTitle = run('src/cli/new.ts', ['--source', 'Trend']);
    expect(noTitle.status).toBe(2);
    expect(noTitle.stderr.trim()).toBe(
      'npm run new: give the headline, in quotes. See npm run new -- --help',
    );
    const noFiles = run('src/cli/import.ts', []);
    expect(noFiles.status).toBe(2);
    expect(noFiles.stderr.trim().split('\n')).toHaveLength(1);
  });
});
