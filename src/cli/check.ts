// `npm run check`: every story before it is committed, then the code.
import './settings.ts';
import { spawnSync } from 'node:child_process';
import { count, formatCount } from '#src/domain/text.ts';
import { formatProblem } from '#src/domain/problems.ts';
import { checkStories, readStoryFiles } from '#src/ingest/check.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
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
    'The folder is DATELINE_CONTENT, else content/. The command exits non-zero on any problem.',
  ],
} satisfies CommandSpec;

const { positionals, values } = parseCommand(spec);
const dir = positionals[0] ?? contentDir;
const started = performance.now();
const { files, unreadable } = await readStoryFiles(dir);
const problems = checkStories(files, articleSchema);
const errors = problems.filter((p) => p.severity !== 'warning');
for (const line of [...unreadable, ...problems.map(formatProblem)]) console.log(`${line}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const total = errors.length + unreadable.length;
console.log(
  `${formatCount(files.length)} stories checked in ${seconds} s: ` +
    `${total === 0 ? 'no problems' : count(total, 'problem')}.`,
);
if (total > 0) process.exit(1);
// A folder named on the command line is checked for its stories alone, as before a commit
// elsewhere.
if (!values['stories-only'] && positionals.length === 0) {
  const code = spawnSync('astro', ['check'], { stdio: 'inherit' }).status;
  process.exit(code ?? 1);
}
