// Lighthouse (mobile defaults) on the built site's article, home and search pages, in
// Debian's Chromium. Build first: `npm run build && npm run audit`.
//
//   npm run audit [-- --write]    --write records the scores in BENCHMARKS.md
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCommand } from '#src/cli/args.ts';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { writeSection } from './benchmarks-file.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startPreview } from '../support/serve.ts';

const root = resolve(import.meta.dirname, '../..');
const outDir = process.env.DATELINE_OUT || join(root, 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

async function firstArticle(): Promise<string> {
  const entries = await readdir(outDir, { recursive: true });
  const article = entries
    .map(String)
    .filter((path) => /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(path))
    .sort()[0];
  if (!article) throw new Error(`no article in ${outDir}`);
  return `/${article.replace(/index\.html$/, '')}`;
}

async function main() {
  const { values } = parseCommand({
    name: 'npm run audit',
    summary: "Lighthouse (mobile) on the built site's story, home and search pages.",
    usage: '[--write]',
    options: {
      write: { type: 'boolean', default: false, description: 'record the scores in BENCHMARKS.md' },
    },
  });
  if (!existsSync(join(outDir, 'index.html'))) {
    console.error(`There is no built site in ${outDir}: run "npm run build" first.`);
    process.exit(2);
  }
  const server = await startPreview(outDir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_FLAGS,
  });
  const pages: [string, string][] = [
    ['article', await firstArticle()],
    ['home', '/'],
    ['search', '/search/?q=migration'],
  ];
  const rows: string[] = [];
  let failed = false;
  try {
    for (const [name, path] of pages) {
      const result = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      const categories = result!.lhr.categories;
      const scores = CATEGORIES.map((id) => Math.round((categories[id]?.score ?? 0) * 100));
      failed ||= scores[0]! < 95 || scores.slice(1).some((score) => score < 100);
      rows.push(`| ${name} (\`${path}\`) | ${scores.join(' | ')} |`);
      const problems = Object.values(result!.lhr.audits).filter(
        (audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary',
      );
      for (const audit of problems) console.log(`  ${name}: ${audit.id}: ${audit.title}`);
    }
  } finally {
    chrome.kill();
    await server.stop();
  }
  const table = [
    '| page | performance | accessibility | best practices | SEO |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(table);
  if (values.write) {
    const when = new Date().toISOString().slice(0, 10);
    const intro = `\`npm run audit -- --write\`, Lighthouse's mobile defaults, ${when}:`;
    await writeSection('audit', `${intro}\n\n${table}`);
  }
  process.exit(failed ? 1 : 0);
}

await main();
