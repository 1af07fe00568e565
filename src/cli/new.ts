// `npm run new`: starts a story with its frontmatter filled in, dated now in the given offset.
import './settings.ts';
import { newStory } from '#src/authoring/new-story.ts';
import { parseSiteAddress } from '#src/util/site-address.ts';
import { parseCommand, refuse, type CommandSpec } from './args.ts';

const spec = {
  name: 'npm run new',
  summary:
    'Starts a new story in content/YYYY/MM/<slug>.md, dated now, and prints its future address.',
  usage:
    '"Headline" --source Trend [--dateline "BAKU, Azerbaijan"] [--offset +04:00] [--author ' +
    '"Name"] [--topic x] [--lang ru]',
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
  },
} satisfies CommandSpec;

const { positionals, values } = parseCommand(spec);
const title = positionals.join(' ').trim();
if (!title) refuse(spec, 'give the headline, in quotes');
if (!values.source) refuse(spec, 'give the source: --source Trend');
try {
  const created = await newStory({
    title,
    source: values.source,
    dateline: values.dateline,
    offset: values.offset,
    authors: values.author,
    topics: values.topic,
    lang: values.lang,
  });
  const address = parseSiteAddress(process.env.SITE_URL);
  const url = 'href' in address ? new URL(created.url.slice(1), address.href).href : created.url;
  console.log(`Wrote ${created.path}\nIt will be published at ${url}`);
} catch (error) {
  console.error(`npm run new: ${(error as Error).message}`);
  process.exit(1);
}
