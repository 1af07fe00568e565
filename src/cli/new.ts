// `npm run new`: starts a story with its frontmatter filled in, dated now in the given offset.
import './settings.ts';
import { newStory } from '#src/authoring/new-story.ts';
import { parseSiteAddress } from '#src/util/site-address.ts';
import { parseCommand, refuse, type CommandSpec } from './args.ts';

const spec = {
  name: 'npm run new',
  summary:
    'Starts a new story in content/YYYY/MM/<slug>.md, dated now, and prints its future address; ' +
    'with --image, a folder story with the photo beside it.',
  usage:
    '"Headline" --source Trend [--dateline "BAKU, Azerbaijan"] [--offset +04:00] [--author ' +
    '"Name"] [--topic x] [--lang ru] [--image photo.jpg --alt "What it shows"]',
  positionals: true,
  options: {
    source: { type: 'string', value: 'name', description: 'the agency or outlet (required)' },
    dateline: {
      type: 'string',
      value: 'text',
      description: 'the place line as printed: "BAKU, Azerbaijan"',
    },
    offset: {
      type: 'string',
      value: '+04:00',
      description:
        'the UTC offset the story is filed in; by default the archive’s (src/archive.config.ts)',
    },
    author: { type: 'string', multiple: true, value: 'name', description: 'a name in the byline' },
    topic: {
      type: 'string',
      multiple: true,
      value: 'topic',
      description: 'a subject the story is filed under',
    },
    lang: {
      type: 'string',
      value: 'tag',
      description: 'the language, as a BCP 47 tag: ru, tk, ar',
    },
    image: {
      type: 'string',
      value: 'file',
      description: 'a photo to copy beside the story as its lead photo',
    },
    alt: {
      type: 'string',
      value: 'text',
      description: 'what the photo shows, for readers who cannot see it (with --image)',
    },
    caption: { type: 'string', value: 'text', description: 'the photo’s caption (with --image)' },
    credit: {
      type: 'string',
      value: 'text',
      description: 'whose photo it is: "Photo: Jane Doe/Trend" (with --image)',
    },
  },
} satisfies CommandSpec;

const { positionals, values } = parseCommand(spec);
const title = positionals.join(' ').trim();
if (!title) refuse(spec, 'give the headline, in quotes');
if (!values.source) refuse(spec, 'give the source: --source Trend');
if (values.image && !values.alt?.trim())
  refuse(spec, 'say what the photo shows: --alt "Pickers load cotton onto a truck"');
for (const name of ['alt', 'caption', 'credit'] as const)
  if (values[name] !== undefined && !values.image) refuse(spec, `--${name} goes with --image`);
try {
  const created = await newStory({
    title,
    source: values.source,
    dateline: values.dateline,
    offset: values.offset,
    authors: values.author,
    topics: values.topic,
    lang: values.lang,
    image: values.image
      ? { path: values.image, alt: values.alt!, caption: values.caption, credit: values.credit }
      : undefined,
  });
  const address = parseSiteAddress(process.env.SITE_URL);
  const url = 'href' in address ? new URL(created.url.slice(1), address.href).href : created.url;
  console.log(`Wrote ${created.path}\nIt will be published at ${url}`);
} catch (error) {
  console.error(`npm run new: ${(error as Error).message}`);
  process.exit(1);
}
