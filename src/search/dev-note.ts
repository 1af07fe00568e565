import { statSync } from 'node:fs';
import { join } from 'node:path';
import { devState } from '#src/ingest/dev-state.ts';

/**
 * `astro dev` searches the last build's index. A note for the search page when that index is
 * missing, or older than the stories; none when it is current.
 */
export function devSearchNote(): string | undefined {
  const { outDir, contentChangedAt } = devState();
  const manifest =
    outDir && statSync(join(outDir, 'pagefind', 'parts.json'), { throwIfNoEntry: false });
  if (!manifest)
    return (
      'Search has no index yet: a build makes it. Run "npm run build" (it can run while this ' +
      'server does), then reload this page.'
    );
  if (manifest.mtimeMs >= contentChangedAt) return undefined;
  const made = new Date(manifest.mtimeMs).toLocaleString('en-GB');
  return (
    `Search uses the index of the last build, made ${made}: stories changed since are found ` +
    'as they were then. Run "npm run build" to index them.'
  );
}
