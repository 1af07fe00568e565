// `npm run import`: wire copy (the format of the archive's first story) as Markdown stories.
import './settings.ts';
import { importWire } from '#src/authoring/import-wire.ts';
import { contentDir } from '#src/ingest/content-dir.ts';
import { parseCommand, refuse, type CommandSpec } from './args.ts';

const spec = {
  name: 'npm run import',
  summary:
    'Imports wire copy as stories: each file becomes content/YYYY/MM/<slug>.md. A folder ' +
    'imports every .txt in it.',
  usage: '<file or folder>... [--dry-run] [--force] [--into content]',
  positionals: true,
  options: {
    'dry-run': {
      type: 'boolean',
      default: false,
      description: 'show what would be written, write nothing',
    },
    force: { type: 'boolean', default: false, description: 'replace a story that exists already' },
    into: {
      type: 'string',
      default: contentDir,
      value: 'folder',
      description: 'the content folder (DATELINE_CONTENT, else content)',
    },
  },
} satisfies CommandSpec;

const { positionals, values } = parseCommand(spec);
if (positionals.length === 0) refuse(spec, 'name at least one wire file or folder');
const reports = await importWire(positionals, {
  into: values.into,
  force: values.force,
  dryRun: values['dry-run'],
}).catch((error: Error) => refuse(spec, error.message));
for (const report of reports) {
  const where = report.target ? ` → ${report.target} (${report.url})` : '';
  console.log(`${report.status.padEnd(11)} ${report.file}${where}`);
  for (const message of report.messages) console.log(`    ${message.replace(/\n/g, '\n    ')}`);
}
const failed = reports.filter((r) => r.status === 'failed' || r.status === 'exists').length;
const written = reports.filter((r) => r.status === 'written').length;
const wouldBe = reports.filter((r) => r.status === 'would write').length;
console.log(
  `\n${reports.length} file(s): ${written} written, ${wouldBe} would be written, ${failed} not ` +
    `imported.`,
);
process.exit(failed > 0 ? 1 : 0);
