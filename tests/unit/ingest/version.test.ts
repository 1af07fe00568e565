import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORY_READER } from '#src/ingest/version.ts';
import { projectRoot } from '../../support/build.ts';

/** The project's own modules a module imports, followed to the end: what the story worker runs. */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
      if (spec!.startsWith('#src/')) visit(join(projectRoot, 'src', spec!.slice(5)));
      else if (spec!.startsWith('.')) visit(resolve(dirname(file), spec!));
    }
  };
  visit(entry);
  return [...seen].map((file) => relative(projectRoot, file)).sort();
}

describe('the story reader version', () => {
  it('is raised, or its digest updated, whenever the code that reads stories changes', () => {
    const files = moduleGraph(join(projectRoot, 'src/ingest/worker.ts'));
    expect(files).toContain('src/ingest/schema.ts');
    expect(files).toContain('src/ingest/frontmatter.ts');
    const hash = createHash('sha256');
    for (const file of files)
      hash
        .update(file)
        .update('\0')
        .update(readFileSync(join(projectRoot, file)))
        .update('\0');
    const digest = hash.digest('base64url').slice(0, 16);
    expect(
      STORY_READER.sources,
      `The story reader changed (${files.join(', ')}). In src/ingest/version.ts, raise version ` +
        `if what a story reads as changed, then set sources to '${digest}'.`,
    ).toBe(digest);
  });
});
