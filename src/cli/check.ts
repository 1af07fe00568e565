// `npm run check`: every story before it is committed, then the code.
import './settings.ts';
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { count, formatCount } from '#src/domain/text.ts';
import { compareProblems, formatProblem } from '#src/domain/problems.ts';
import {
  checkArchive,
  checkStoryPhotos,
  readStoryFiles,
  type AddressHistory,
} from '#src/ingest/check.ts';
import { readHistory } from '#src/ingest/history.ts';
import { cacheDir, contentDir } from '#src/ingest/content-dir.ts';
import { articleSchema } from '#src/ingest/schema.ts';
import { parseCommand, type CommandSpec } from './args.ts';

const spec = {
  name: 'npm run check',
  summary:
    'Checks every story (all problems at once, each with its file, line and fix), then ' +
    'type-checks the code.',
  usage: '[folder] [--stories-only]',
  positionals: true,
  options: {
    'stories-only': {
      type: 'boolean',
      default: false,
      description: 'check the stories and not the code',
    },
  },
  notes: [
    "The folder is DATELINE_CONTENT, else content/. Places are read through the build's cache,",
    'DATELINE_CACHE (node_modules/.astro). The command exits non-zero on any error; warnings',
    'are shown and do not fail it.',
  ],
} satisfies CommandSpec;

const { positionals, values } = parseCommand(spec);
const dir = positionals[0] ?? contentDir;
const started = performance.now();
const { files, unreadable } = await readStoryFiles(dir);
const found = await checkArchive(files, articleSchema, {
  cacheDir,
  history: addressHistory(dir),
});
// Photos of the stories whose frontmatter is sound: the same checks as the build's.
const unsound = new Set(found.filter((p) => p.severity !== 'warning').map((p) => p.file));
const photoProblems = await checkStoryPhotos(
  files.filter((file) => !unsound.has(file.file)),
  dir,
  articleSchema,
);
const problems = [...found, ...photoProblems].sort(compareProblems);
const errors = problems.filter((p) => p.severity !== 'warning');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const line of [...unreadable, ...errors.map(formatProblem)]) console.log(`${line}\n`);
for (const warning of warnings) console.log(`${formatProblem(warning)}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const total = errors.length + unreadable.length;
console.log(
  `${formatCount(files.length)} stories checked in ${seconds} s: ` +
    `${total === 0 ? 'no problems' : count(total, 'problem')}` +
    `${warnings.length > 0 ? `, ${count(warnings.length, 'warning')}` : ''}.`,
);
if (total > 0) process.exit(1);
// A folder named on the command line is checked for its stories alone, as before a commit
// elsewhere.
if (!values['stories-only'] && positionals.length === 0) {
  const code = spawnSync('astro', ['check'], { stdio: 'inherit' }).status;
  process.exit(code ?? 1);
}

/** The stories' addresses as git knows them, by story id (the path in the folder, no `.md`). */
function addressHistory(folder: string): AddressHistory {
  const history = readHistory(folder);
  const id = (file: string) =>
    relative(resolve(folder), file).replace(/\.md$/, '').split('\\').join('/');
  const shown = (file: string) => relative(process.cwd(), file) || file;
  return {
    former: new Map([...history.former].map(([file, paths]) => [id(file), paths])),
    removed: history.removed.map((gone) => ({
      file: shown(gone.file),
      path: gone.path,
      commit: gone.revision.hash,
    })),
    shallow: history.shallow,
  };
}
