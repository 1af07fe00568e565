// Measures `npm run dev` as a writer meets it, on the Reuters archive kept in git: how long the
// server takes to answer, and to show a story; then, for a few saves of that story, the time
// from writing the file to the refreshed page in Chromium, each save `--pause` seconds after the
// last was shown.
//
//   npm run bench:dev -- [--corpus file] [--stories N] [--saves N] [--pause S]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { parseCommand } from '#src/cli/args.ts';
import { writeStories, readCorpus } from './corpus.ts';
import { childEnv, removeAll } from '../support/build.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, freePort } from '../support/serve.ts';
import { corpusOptions } from './corpus-options.ts';

const root = resolve(import.meta.dirname, '../..');

export interface DevFigures {
  stories: number;
  /** From starting `npm run dev` to its first answer. */
  readyMs: number;
  /** From starting it to a story's page. */
  firstStoryMs: number;
  /** From writing the story's file to the page showing the change, one per save. */
  saveToRefreshMs: number[];
}

export async function benchDev(
  corpus: string,
  limit: number,
  saves: number,
  pauseMs: number,
): Promise<DevFigures> {
  const work = await mkdtemp(join(tmpdir(), 'dateline-bench-dev-'));
  const content = join(work, 'content');
  try {
    const { count, first } = await writeStories(readCorpus(corpus), content, limit);
    // As a newsroom keeps it: in git, which every page's history is read from.
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: content,
        stdio: 'ignore',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'B',
          GIT_AUTHOR_EMAIL: 'b@example.org',
          GIT_COMMITTER_NAME: 'B',
          GIT_COMMITTER_EMAIL: 'b@example.org',
        },
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'The archive');
    const port = await freePort();
    const started = performance.now();
    const dev = spawn(
      'npm',
      ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: root,
        env: childEnv({
          DATELINE_CONTENT: content,
          DATELINE_CACHE: join(work, 'cache'),
          DATELINE_OUT: join(work, 'dist'),
        }),
        stdio: 'ignore',
        detached: true,
      },
    );
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    try {
      const url = `http://127.0.0.1:${port}`;
      let readyMs = 0;
      while (!readyMs) {
        if (
          await fetch(`${url}/favicon.svg`).then(
            (r) => r.ok,
            () => false,
          )
        )
          readyMs = performance.now() - started;
        else await new Promise((wait) => setTimeout(wait, 100));
      }
      const file = first;
      const original = await readFile(file, 'utf8');
      const date = /^date: (\d{4})-(\d{2})-(\d{2})/m.exec(original)!;
      const slug = basename(first, '.md');
      const page = await browser.newPage();
      await page.goto(`${url}/${date[1]}/${date[2]}/${date[3]}/${slug}/`, { timeout: 600_000 });
      const firstStoryMs = performance.now() - started;
      const saveToRefreshMs: number[] = [];
      for (let save = 1; save <= saves; save++) {
        if (save > 1) await new Promise((wait) => setTimeout(wait, pauseMs));
        const title = `Edited headline ${save}`;
        const saved = performance.now();
        await writeFile(file, original.replace(/^title: .*$/m, `title: ${title}`));
        await page.waitForFunction(
          (expected) => document.querySelector('h1')?.textContent === expected,
          title,
          { timeout: 600_000, polling: 50 },
        );
        saveToRefreshMs.push(performance.now() - saved);
      }
      return { stories: count, readyMs, firstStoryMs, saveToRefreshMs };
    } finally {
      await browser.close();
      process.kill(-dev.pid!, 'SIGTERM');
    }
  } finally {
    await removeAll(work);
  }
}

if (import.meta.main) {
  const { values } = parseCommand({
    name: 'npm run bench:dev',
    summary: 'Measures npm run dev on the Reuters archive: start-up, and saving a story.',
    usage: '[--corpus file] [--stories N] [--saves N] [--pause S]',
    options: {
      ...corpusOptions,
      saves: { type: 'string', default: '3', value: 'N', description: 'saves to time' },
      pause: {
        type: 'string',
        default: '5',
        value: 'S',
        description: 'seconds between a save shown and the next save',
      },
    },
  });
  const limit = values.stories ? Number(values.stories) : Infinity;
  const figures = await benchDev(
    values.corpus,
    limit,
    Number(values.saves),
    Number(values.pause) * 1000,
  );
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `| stories | pause | server answers | first story page | save → refreshed page |\n` +
      `| ------- | ----- | -------------- | ---------------- | --------------------- |\n` +
      `| ${figures.stories.toLocaleString('en')} | ${values.pause} s | ` +
      `${seconds(figures.readyMs)} | ` +
      `${seconds(figures.firstStoryMs)} | ${figures.saveToRefreshMs.map(seconds).join(', ')} |`,
  );
}
