import { link, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceFile } from '#src/util/replace-file.ts';

describe('replacing a file', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the new bytes, makes the folder, and leaves nothing beside the file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-replace-'));
    const path = join(dir, 'cache', 'record.json');
    await replaceFile(path, '{"a":1}');
    await replaceFile(path, '{"a":2}');
    expect(await readFile(path, 'utf8')).toBe('{"a":2}');
    expect(await readdir(join(dir, 'cache'))).toEqual(['record.json']);
  });

  it('leaves a hard link to the old file with the old bytes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'dateline-replace-'));
    const path = join(dir, 'index.html');
    await writeFile(path, 'old');
    await link(path, join(dir, 'served.html'));
    await replaceFile(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readFile(join(dir, 'served.html'), 'utf8')).toBe('old');
  });
});
