// Measures what photos cost: the Reuters archive built with and without 1,000 photos (made here
// with sharp from seeds: a few sizes and formats, one a story), cold, unchanged, after editing a
// story with a photo and one without, and after replacing a photo; and what a reader's phone
// downloads for a story with a lead photo.
//
//   npm run bench:photos                         the full run, writes BENCHMARKS.md
//   npm run bench:photos -- --stories 300 --photos 60 --no-write     a small run
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { parseCommand } from '#src/cli/args.ts';
import { articleUrl } from '#src/domain/urls.ts';
import { runAtOnce } from '#src/util/run-at-once.ts';
import { RECORD_FILE, type BuildRecord } from '#src/util/build-record.ts';
import { readCorpus } from './corpus.ts';
import { reutersToMarkdown, type ReutersRecord } from './corpora/reuters.ts';
import { seededRandom } from './corpora/synthetic.ts';
import { countOutput, oldSitesDeleted, timed, type Run } from './bench.ts';
import { writeSection } from './benchmarks-file.ts';
import { photoPixels, photoSeries, type PhotoFormat } from '../support/photos.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startPreview } from '../support/serve.ts';
import { corpusOptions } from './corpus-options.ts';

/** Sizes and formats of wire photos, as often as an archive has them. */
const KINDS: { width: number; height: number; format: PhotoFormat; weight: number }[] = [
  { width: 3000, height: 2000, format: 'jpeg', weight: 30 },
  { width: 2048, height: 1365, format: 'jpeg', weight: 20 },
  { width: 4000, height: 2667, format: 'jpeg', weight: 10 },
  { width: 1600, height: 1067, format: 'jpeg', weight: 10 },
  { width: 1200, height: 1800, format: 'jpeg', weight: 10 },
  { width: 2400, height: 1600, format: 'webp', weight: 12 },
  { width: 1600, height: 1067, format: 'png', weight: 8 },
];
const EXTENSIONS: Record<PhotoFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

interface PhotoStory {
  /** The story's Markdown file in the archive with photos. */
  file: string;
  photo: string;
  url: string;
  lead: boolean;
}

/** A kind of photo, chosen by weight. */
function kindOf(random: () => number) {
  let pick = random() * KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  for (const kind of KINDS) if ((pick -= kind.weight) < 0) return kind;
  return KINDS[0]!;
}

/**
 * Writes the stories twice: as they are, and with `photos` of them (a seeded choice) made folder
 * stories with a photo beside them, three in four as the lead photo, the others as a figure in
 * the text.
 */
async function writeArchives(records: ReutersRecord[], photos: number, work: string) {
  const random = seededRandom(25);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(photos, records.length))
    chosen.add(Math.floor(random() * records.length));
  const [text, withPhotos] = [join(work, 'text'), join(work, 'photos')];
  const stories: PhotoStory[] = [];
  const jobs: { path: string; seed: number; kind: ReturnType<typeof kindOf> }[] = [];
  let plain = '';
  let firstText = '';
  for (const [index, record] of records.entries()) {
    const { path, text: markdown } = reutersToMarkdown(record);
    await mkdir(dirname(join(text, path)), { recursive: true });
    await writeFile(join(text, path), markdown);
    firstText ||= join(text, path);
    if (!chosen.has(index)) {
      await mkdir(dirname(join(withPhotos, path)), { recursive: true });
      await writeFile(join(withPhotos, path), markdown);
      plain ||= join(withPhotos, path);
      continue;
    }
    const kind = kindOf(random);
    const lead = stories.length % 4 !== 3;
    const folder = join(withPhotos, path.replace(/\.md$/, ''));
    const photo = join(folder, `photo.${EXTENSIONS[kind.format]}`);
    const src = `./photo.${EXTENSIONS[kind.format]}`;
    const alt = `A photograph for story ${record.id} of the archive`;
    const withPhoto = lead
      ? markdown.replace(
          /\n---\n/,
          `\nimage:\n  src: ${src}\n  alt: ${alt}\n  caption: The scene of ` +
            `the story.\n  credit: "Photo: Reuters"\n---\n`,
        )
      : `${markdown.trimEnd()}\n\n![${alt}](${src})\n*The scene of the story. Photo: Reuters*\n`;
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.md'), withPhoto);
    const url = articleUrl(path.replace(/\.md$/, ''), record.date);
    stories.push({ file: join(folder, 'index.md'), photo, url, lead });
    jobs.push({ path: photo, seed: 1000 + index, kind });
  }
  // A few large pictures to cut every photo from: drawing each photo whole took a second.
  const masters = await Promise.all([1, 2, 3, 4].map((seed) => photoPixels(seed, 4800, 3200)));
  const make = photoSeries(masters);
  let bytes = 0;
  await runAtOnce(jobs, availableParallelism() * 2, async ({ path, seed, kind }) => {
    const photo = await make({ seed, ...kind });
    bytes += photo.length;
    await writeFile(path, photo);
  });
  return { text, withPhotos, stories, plain, firstText, photoBytes: bytes, make };
}

/** One build: its run, and the record it wrote. */
async function build(env: Record<string, string>): Promise<{ run: Run; record: BuildRecord }> {
  const run = await timed(['npm', 'run', '--silent', 'build'], env);
  if (!run.ok) throw new Error(`The build failed:\n${run.output.slice(-4000)}`);
  const record = JSON.parse(
    await readFile(join(env.DATELINE_CACHE!, RECORD_FILE), 'utf8'),
  ) as BuildRecord;
  await oldSitesDeleted(env.DATELINE_OUT!);
  return { run, record };
}

const encoded = (record: BuildRecord) => record.photos?.encoded ?? [];
/** The photos whose renditions a build encoded. */
const photosEncoded = (record: BuildRecord) =>
  new Set(encoded(record).map((rendition) => rendition.photo)).size;

interface PageWeight {
  htmlGzip: number;
  cssGzip: number;
  /** The lead photo the phone downloaded, by device pixel ratio. */
  image: Record<number, { url: string; bytes: number }>;
}

/** What a 390-pixel-wide phone downloads for a story page: its HTML and CSS, and its lead photo. */
async function pageWeight(dist: string, url: string): Promise<PageWeight> {
  const file = join(dist, url, 'index.html');
  const html = await readFile(file);
  const styles = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)];
  let cssGzip = 0;
  for (const [, href] of styles) cssGzip += gzipSync(await readFile(join(dist, href!))).length;
  const server = await startPreview(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const image: PageWeight['image'] = {};
  try {
    for (const dpr of [2, 3]) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: dpr,
        isMobile: true,
      });
      const page = await context.newPage();
      await page.goto(server.url + url, { waitUntil: 'load' });
      const chosen = await page.evaluate(
        () => document.querySelector<HTMLImageElement>('.lead-photo img')?.currentSrc ?? '',
      );
      const path = new URL(chosen).pathname;
      image[dpr] = { url: path, bytes: (await stat(join(dist, path))).size };
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return { htmlGzip: gzipSync(html).length, cssGzip, image };
}

/** The phone's rendition of every lead photo: the one candidate of each page's phone source. */
async function phoneRenditions(dist: string, stories: PhotoStory[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const story of stories.filter((s) => s.lead)) {
    const html = await readFile(join(dist, story.url, 'index.html'), 'utf8');
    const phone =
      /<figure class="photo lead-photo"><picture><source [^>]*media="[^"]+" srcset="([^" ]+)/.exec(
        html,
      );
    const src =
      phone?.[1] ??
      /<figure class="photo lead-photo"><picture><source [^>]*srcset="([^" ]+)/.exec(html)![1]!;
    sizes.push((await stat(join(dist, src))).size);
  }
  return sizes.sort((a, b) => a - b);
}

const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const { values } = parseCommand({
    name: 'npm run bench:photos',
    summary:
      'Builds the Reuters archive with and without photos made with sharp, and measures what ' +
      'photos cost the build and a reader.',
    usage: '[--stories N] [--photos N] [--corpus file] [--no-write] [--keep]',
    options: {
      ...corpusOptions,
      photos: { type: 'string', default: '1000', value: 'N', description: 'stories with a photo' },
      'no-write': { type: 'boolean', default: false, description: 'leave BENCHMARKS.md as it is' },
      keep: { type: 'boolean', default: false, description: 'keep the folder the bench builds in' },
    },
  });
  const limit = values.stories ? Number(values.stories) : Infinity;
  const work = await mkdtemp(join(tmpdir(), 'dateline-bench-photos-'));
  console.log(`Working in ${work}`);
  const records: ReutersRecord[] = [];
  for await (const record of readCorpus(values.corpus)) {
    if (records.length >= limit) break;
    records.push(record);
  }
  const started = performance.now();
  const archives = await writeArchives(records, Number(values.photos), work);
  console.log(
    `  ${archives.stories.length} photos made (${Math.round(archives.photoBytes / 2 ** 20)} MB) ` +
      `in ${s((performance.now() - started) / 1000)}`,
  );
  const envFor = (name: string, content: string) => ({
    DATELINE_CONTENT: content,
    DATELINE_OUT: join(work, `${name}-dist`),
    DATELINE_CACHE: join(work, `${name}-cache`),
  });
  const textEnv = envFor('text', archives.text);
  const photoEnv = envFor('photos', archives.withPhotos);

  console.log('Without photos: cold, unchanged, a story edited…');
  const textCold = await build(textEnv);
  const textWarm = await build(textEnv);
  const edit = (file: string) =>
    readFile(file, 'utf8').then((text) =>
      writeFile(file, `${text.trimEnd()}\n\nAn editor added this sentence for the benchmark.\n`),
    );
  await edit(archives.firstText);
  const textEdit = await build(textEnv);
  console.log('With photos: cold, unchanged, edits…');
  const cold = await build(photoEnv);
  const warm = await build(photoEnv);
  const leadStory = archives.stories.find((story) => story.lead)!;
  await edit(leadStory.file);
  const editPhotoStory = await build(photoEnv);
  await edit(archives.plain);
  const editTextStory = await build(photoEnv);
  // The same photo, taken again: new bytes under the same name.
  const replacement = `${leadStory.photo}.new`;
  const kind = KINDS.find((k) => leadStory.photo.endsWith(EXTENSIONS[k.format]))!;
  await writeFile(replacement, await archives.make({ seed: 99_999, ...kind }));
  await rename(replacement, leadStory.photo);
  const replacePhoto = await build(photoEnv);

  const weight = await pageWeight(photoEnv.DATELINE_OUT, leadStory.url);
  const phones = await phoneRenditions(photoEnv.DATELINE_OUT, archives.stories);
  const out = await countOutput(photoEnv.DATELINE_OUT);
  const renditions = encoded(cold.record).length;

  const textRow = (name: string, run: Awaited<ReturnType<typeof build>>) =>
    [
      name,
      s(run.run.wallSeconds),
      s(run.run.cpuSeconds),
      '–',
      String(run.record.rendered.length),
    ] as [string, string, string, string, string];
  const rows: [string, string, string, string, string][] = [
    textRow('no photos, cold', textCold),
    textRow('no photos, unchanged', textWarm),
    textRow('no photos, a story edited', textEdit),
    [
      `${archives.stories.length.toLocaleString('en')} photos, cold`,
      s(cold.run.wallSeconds),
      s(cold.run.cpuSeconds),
      `${photosEncoded(cold.record)} (${renditions} renditions)`,
      String(cold.record.rendered.length),
    ],
    ...(
      [
        ['unchanged', warm],
        ['a story with a photo edited', editPhotoStory],
        ['a story without a photo edited', editTextStory],
        ['a photo replaced', replacePhoto],
      ] as const
    ).map(([name, run]): [string, string, string, string, string] => [
      name,
      s(run.run.wallSeconds),
      s(run.run.cpuSeconds),
      `${photosEncoded(run.record)} (${encoded(run.record).length} renditions)`,
      String(run.record.rendered.length),
    ]),
  ];
  const table = [
    '| build | wall | CPU (user + system) | photos encoded | pages rendered |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  const added = cold.run.wallSeconds - textCold.run.wallSeconds;
  const cpuPerPhoto =
    ((cold.run.cpuSeconds - textCold.run.cpuSeconds) / archives.stories.length) * 1000;
  const page = weight.htmlGzip + weight.cssGzip;
  const generation = cold.record.photos?.encoding ?? { ms: 0, cpuMs: 0 };
  const median = phones[Math.floor(phones.length / 2)] ?? 0;
  const report = [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ` +
      `${process.versions.node}: ${records.length.toLocaleString('en')} Reuters stories, ` +
      `${archives.stories.length.toLocaleString('en')} of them with a photo ` +
      `(${Math.round(archives.photoBytes / 2 ** 20)} MB of originals).`,
    '',
    table,
    '',
    `The cold build took ${s(cold.run.wallSeconds)} with photos, ${s(textCold.run.wallSeconds)} ` +
      `without (${s(added)} more, ${Math.round((added / textCold.run.wallSeconds) * 100)} % of ` +
      `the build without photos; wall times move with the machine's other work), and ` +
      `${s(cold.run.cpuSeconds - textCold.run.cpuSeconds)} more CPU, ` +
      `${cpuPerPhoto.toFixed(0)} ms a photo. Astro's image generation, after the pages, took ` +
      `${s(generation.ms / 1000)} (${s(generation.cpuMs / 1000)} of CPU, ` +
      `${(generation.cpuMs / archives.stories.length).toFixed(0)} ms a photo). Target: photos ` +
      `add at most 60 s to a cold build. The site has ${out.files.toLocaleString('en')} files.`,
    `A story page with a lead photo on a 390-pixel phone: HTML ${kb(weight.htmlGzip)} + CSS ` +
      `${kb(weight.cssGzip)} compressed = ${kb(page)} (target: 20 KB); ` +
      `its lead photo ${kb(weight.image[2]!.bytes)} at 2 device pixels per CSS pixel, ` +
      `${kb(weight.image[3]!.bytes)} at 3 (target: 120 KB). Every lead photo's phone rendition: ` +
      `median ${kb(median)}, largest ${kb(phones.at(-1) ?? 0)}.`,
  ].join('\n');
  console.log(`\n${report}`);
  if (!values['no-write']) {
    await writeSection('photos', report);
    console.log('Wrote BENCHMARKS.md');
  }
  if (!values.keep) await rm(work, { recursive: true, force: true });
}

if (import.meta.main) await main();
