import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childEnv, projectRoot } from '../support/build.ts';
import { corpusAvailable, corpusFile } from '../support/corpus.ts';

const hugoAvailable = spawnSync('hugo', ['version']).status === 0;

describe.skipIf(!corpusAvailable || !hugoAvailable)(
  'npm run bench, on a few hundred stories',
  () => {
    it(
      'builds Dateline, Hugo and Astro alone side by side and reports every figure',
      { timeout: 600_000 },
      () => {
        const run = spawnSync(
          'npm',
          [
            'run',
            '--silent',
            'bench',
            '--',
            '--corpus',
            corpusFile,
            '--stories',
            '150',
            '--synthetic',
            '250',
            '--no-write',
          ],
          {
            cwd: projectRoot,
            env: childEnv(),
            encoding: 'utf8',
          },
        );
        expect(run.status, run.stdout + run.stderr).toBe(0);
        const rows = run.stdout.split('\n').filter((line) => line.startsWith('| '));
        expect(rows[0]).toBe(
          '| archive | cold | warm | one story edited | peak memory | Pagefind cold / edit | ' +
            'search step cold / edit | pages / files | dist | vs Hugo: cold / warm / edit÷warm ' +
            '| cold per story |',
        );
        const cell = String.raw`[\d.,]+`;
        expect(rows[2]).toMatch(
          new RegExp(
            String.raw`^\| Reuters \(150\) \| ${cell} s \| ${cell} s \| ${cell} s \| ` +
              String.raw`${cell} MB \| ${cell} s / ${cell} s \| ${cell} s / ${cell} s \| ` +
              String.raw`${cell} / ${cell} \| ${cell} MB \| ${cell}× / ${cell}× / ${cell}× \| ` +
              String.raw`${cell} ms \|$`,
          ),
        );
        expect(rows[3]).toMatch(/^\| Synthetic \(250\) \| /);
        // Hugo, the yardstick, runs three times; each figure reported is the median of its three.
        const each =
          /Hugo: cold ([\d.]+) s, ([\d.]+) s, ([\d.]+) s; warm ([\d.]+) s, ([\d.]+) s, ([\d.]+) s; edit ([\d.]+) s, ([\d.]+) s, ([\d.]+) s/.exec(
            run.stdout,
          );
        const reported =
          /Hugo \(bare theme, 150 stories; median of 3 runs each\): cold ([\d.]+) s, warm ([\d.]+) s, one story edited ([\d.]+) s, peak \d+ MB, 150 pages\./.exec(
            run.stdout,
          );
        expect(each, run.stdout).not.toBeNull();
        expect(reported, run.stdout).not.toBeNull();
        const middle = (values: string[]) => values.map(Number).sort((a, b) => a - b)[1];
        expect(reported!.slice(1).map(Number)).toEqual([
          middle(each!.slice(1, 4)),
          middle(each!.slice(4, 7)),
          middle(each!.slice(7, 10)),
        ]);
        // Astro alone, one bare page per story, is built cold three times too, and writes every
        // page.
        const floorEach = /Astro alone: cold ([\d.]+) s, ([\d.]+) s, ([\d.]+) s/.exec(run.stdout);
        const floor =
          /Astro alone \(one page per story with its headline, no Markdown, listings or search; median of 3 cold runs\): ([\d.]+) s for 150 pages, [\d.]+× Hugo's cold build; Dateline's Reuters cold build is [\d.]+× it\./.exec(
            run.stdout,
          );
        expect(floorEach, run.stdout).not.toBeNull();
        expect(floor, run.stdout).not.toBeNull();
        expect(Number(floor![1])).toBe(middle(floorEach!.slice(1, 4)));
        expect(run.stdout).toMatch(/Time per story, synthetic ÷ Reuters \(cold\): [\d.]+\./);
      },
    );
  },
);
