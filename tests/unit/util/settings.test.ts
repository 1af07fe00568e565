import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSiteAddress } from '#src/util/site-address.ts';
import { loadSettings } from '#src/util/settings.ts';

describe('SITE_URL', () => {
  it('gives the origin and the base path', () => {
    expect(parseSiteAddress('https://newsroom.github.io/archive')).toEqual({
      origin: 'https://newsroom.github.io',
      base: '/archive/',
      href: 'https://newsroom.github.io/archive/',
      local: false,
    });
    expect(parseSiteAddress('https://archive.example.org/')).toMatchObject({
      base: '/',
      href: 'https://archive.example.org/',
    });
    expect(parseSiteAddress('https://x.org/news/archive//')).toMatchObject({
      base: '/news/archive/',
    });
  });

  it('is this machine when unset or local, and says so', () => {
    expect(parseSiteAddress(undefined)).toMatchObject({
      href: 'http://localhost:4321/',
      local: true,
    });
    expect(parseSiteAddress(' ')).toMatchObject({ local: true });
    expect(parseSiteAddress('http://127.0.0.1:8080')).toMatchObject({ local: true });
    expect(parseSiteAddress('http://preview.localhost/')).toMatchObject({ local: true });
  });

  it('refuses what is not an absolute http(s) address, saying how to write one', () => {
    for (const bad of [
      'newsroom.github.io/archive',
      '/archive',
      'ftp://x.org/',
      'https://x.org/?a=1',
      'https://x.org/#top',
      'https://u:p@x.org/',
      'https://x.org/a//b',
      'https://x.org/a/../b',
    ]) {
      const result = parseSiteAddress(bad);
      expect(result, bad).toMatchObject({ error: expect.stringContaining(`SITE_URL "${bad}"`) });
    }
    expect(parseSiteAddress('newsroom.github.io/archive')).toMatchObject({
      error: expect.stringContaining('SITE_URL=https://newsroom.github.io/archive'),
    });
  });
});

describe('.env', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('fills in what the environment leaves unset, and the environment wins', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dateline-env-'));
    await writeFile(
      join(root, '.env'),
      'SITE_URL=https://env.example.org/news\nDATELINE_TEST_FROM_FILE=file\n',
    );
    await writeFile(join(root, '.env.production'), 'DATELINE_TEST_MODE=production\n');
    delete process.env.SITE_URL;
    process.env.DATELINE_TEST_FROM_FILE = 'environment';
    loadSettings(root, 'production');
    expect(process.env.SITE_URL).toBe('https://env.example.org/news');
    expect(process.env.DATELINE_TEST_FROM_FILE).toBe('environment');
    expect(process.env.DATELINE_TEST_MODE).toBe('production');
  });
});
