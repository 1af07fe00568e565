import { describe, expect, it } from 'vitest';
import {
  aliasPath,
  nginxRedirectMap,
  planRedirects,
  redirectsFile,
  type MovedStory,
} from '#src/domain/redirects.ts';

const story = (file: string, path: string, aliases: string[] = [], former: string[] = []) =>
  ({ file, path, title: file, aliases: aliases.map((p) => ({ path: p })), former }) as MovedStory;

describe('old addresses', () => {
  it('are site paths, and anything else is refused with the fix', () => {
    expect(aliasPath('/2019/11/18/old')).toEqual({ path: '/2019/11/18/old/' });
    expect(aliasPath(' /news/123.html ')).toEqual({ path: '/news/123.html/' });
    for (const [bad, why] of [
      ['https://example.org/old/', 'full URL'],
      ['//example.org/old/', 'full URL'],
      ['old/', 'site-relative'],
      ['/a/../b/', '".."'],
      ['/a//b/', 'empty'],
      ['/a?b', 'query'],
      ['/a#b', 'query'],
      ['/a b/', 'character'],
      ['/a$b/', 'character'],
      ['/a%zz/', '%'],
      ['/a%22b/', 'quote'],
      ['/', 'home page'],
    ] as const) {
      const result = aliasPath(bad);
      expect(result, bad).toMatchObject({ error: expect.stringContaining(why) });
      expect((result as { fix: string }).fix).toContain('/2019/11/18/old-slug/');
    }
  });

  it('redirect to the story from its aliases and from git, never to another redirect', () => {
    const { redirects, problems, lost } = planRedirects([
      story('a.md', '/2019/11/19/a/', ['/old/a/'], ['/2019/11/18/a/', '/2019/11/17/a/']),
      story('b.md', '/2019/11/19/b/'),
    ]);
    expect(problems).toEqual([]);
    expect(lost).toEqual([]);
    expect(redirects.map((r) => [r.from, r.to])).toEqual([
      ['/2019/11/17/a/', '/2019/11/19/a/'],
      ['/2019/11/18/a/', '/2019/11/19/a/'],
      ['/old/a/', '/2019/11/19/a/'],
    ]);
    const targets = new Set(redirects.map((r) => r.to));
    expect(redirects.some((r) => targets.has(r.from))).toBe(false);
  });

  it(
    'stop the build when an alias is a story’s address, its own (a loop), an archive page, or ' +
      'claimed twice',
    () => {
      const { problems } = planRedirects([
        story('a.md', '/2019/11/19/a/', [
          '/2019/11/19/b/',
          '/2019/11/19/a/',
          '/2019/11/',
          '/sources/trend/',
          '/shared/',
        ]),
        story('b.md', '/2019/11/19/b/', ['/shared/']),
      ]);
      expect(problems.map((p) => [p.file, p.field, p.message])).toEqual([
        ['a.md', 'aliases', expect.stringContaining('the address of b.md')],
        ['a.md', 'aliases', expect.stringContaining('own address: it would redirect to itself')],
        ['a.md', 'aliases', expect.stringContaining('the archive’s own pages')],
        ['a.md', 'aliases', expect.stringContaining('the archive’s own pages')],
        ['b.md', 'aliases', expect.stringContaining('also an alias of a.md')],
      ]);
      for (const problem of problems) expect(problem.fix).toBeTruthy();
    },
  );

  it('from git give way to a story or an alias that has the address now', () => {
    const { redirects, lost } = planRedirects([
      story('a.md', '/2019/11/19/a/', [], ['/2019/11/19/b/', '/2019/11/19/c/']),
      story('b.md', '/2019/11/19/b/'),
      story('c.md', '/2019/11/20/c/', ['/2019/11/19/c/']),
    ]);
    expect(redirects.map((r) => [r.from, r.to])).toEqual([['/2019/11/19/c/', '/2019/11/20/c/']]);
    expect(lost).toEqual([
      { from: '/2019/11/19/b/', file: 'a.md', reason: 'b.md is published there now' },
      { from: '/2019/11/19/c/', file: 'a.md', reason: 'it is an alias of c.md' },
    ]);
  });

  it('are written for Netlify, Cloudflare Pages and nginx as URLs', () => {
    const redirects = [{ from: '/archive/old/caf%C3%A9/', to: '/archive/2019/11/19/a/' }];
    expect(redirectsFile(redirects)).toBe('/archive/old/caf%C3%A9/ /archive/2019/11/19/a/ 301\n');
    expect(redirectsFile(redirects, true)).toBe(
      '/archive/old/caf%C3%A9/ /archive/2019/11/19/a/ 301!\n',
    );
    expect(nginxRedirectMap(redirects)).toBe(
      '"/archive/old/café/" "/archive/2019/11/19/a/";\n' +
        '"/archive/old/café" "/archive/2019/11/19/a/";\n',
    );
  });
});
