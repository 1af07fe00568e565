// Converts the Reuters-21578 corpus (JSON lines, gzipped) into a Dateline content folder, for
// benchmarks and search tests. Never publish the result: the corpus is for research only.
//
//   npm run corpus -- <reuters-21578.jsonl.gz> <out-dir> [--limit N] [--synthetic N]
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseCommand, refuse, type CommandSpec } from '#src/cli/args.ts';
import { reutersToMarkdown, type ReutersRecord } from './corpora/reuters.ts';
import { syntheticStories } from './corpora/synthetic.ts';

export async function* readCorpus(file: string): AsyncGenerator<ReutersRecord> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line.trim()) yield JSON.parse(line) as ReutersRecord;
}

/**
 * Writes stories as Markdown under `outDir`; returns how many, and the first file (for edits in
 * benchmarks).
 */
export async function writeStories(
  records: Iterable<ReutersRecord> | AsyncIterable<ReutersRecord>,
  outDir: string,
  limit = Infinity,
): Promise<{ count: number; first: string }> {
  let count = 0;
  let first = '';
  const folders = new Set<string>();
  for await (const record of records) {
    if (count >= limit) break;
    const { path, text } = reutersToMarkdown(record);
    const target = join(outDir, path);
    if (!folders.has(dirname(target))) {
      await mkdir(dirname(target), { recursive: true });
      folders.add(dirname(target));
    }
    await writeFile(target, text);
    first ||= target;
    count++;
  }
  return { count, first };
}

export async function convertCorpus(
  file: string,
  outDir: string,
  limit = Infinity,
): Promise<number> {
  return (await writeStories(readCorpus(file), outDir, limit)).count;
}

/**
 * Writes the synthetic archive of `count` stories that `npm run bench` builds (same seed), made
 * from the corpus's stories re-dated into 2010–2024.
 */
export async function writeSynthetic(file: string, outDir: string, count: number) {
  const records: ReutersRecord[] = [];
  for await (const record of readCorpus(file)) records.push(record);
  return (await writeStories(syntheticStories(records, count), outDir)).count;
}

if (import.meta.main) {
  const spec = {
    name: 'npm run corpus',
    summary:
      'Converts the Reuters-21578 corpus into a content folder, for benchmarks. Never publish it.',
    usage: '<reuters-21578.jsonl.gz> <out-dir> [--limit N] [--synthetic N]',
    positionals: true,
    options: {
      limit: { type: 'string', value: 'N', description: 'convert the first N stories only' },
      synthetic: {
        type: 'string',
        value: 'N',
        description: "write npm run bench's synthetic archive of N stories instead",
      },
    },
  } satisfies CommandSpec;
  const { positionals, values } = parseCommand(spec);
  const [file, outDir] = positionals;
  if (!file || !outDir) refuse(spec, 'name the corpus file and the folder to write');
  const synthetic = values.synthetic === undefined ? undefined : Number(values.synthetic);
  if (synthetic !== undefined && !(Number.isInteger(synthetic) && synthetic > 0))
    refuse(spec, '--synthetic takes a whole number of stories');
  const count =
    synthetic === undefined
      ? await convertCorpus(file, outDir, values.limit ? Number(values.limit) : Infinity)
      : await writeSynthetic(file, outDir, synthetic);
  console.log(`wrote ${count} stories to ${outDir}`);
}
