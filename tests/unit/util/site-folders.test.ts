import { describe, expect, it } from 'vitest';
import { parseSiteFolder, siteFolder } from '#src/util/site-folders.ts';

describe('folders beside the site', () => {
  it('names a build’s folders and reads them back', () => {
    expect(siteFolder('/srv/dist', 'building', '42-0badc0de')).toBe(
      '/srv/dist.building-42-0badc0de',
    );
    expect(parseSiteFolder('/srv/dist', 'dist.building-42-0badc0de')).toEqual({
      kind: 'building',
      pid: 42,
    });
    expect(parseSiteFolder('/srv/dist', 'dist.previous-42-0badc0de')).toEqual({
      kind: 'previous',
      pid: 42,
    });
    // Named before the random part was added.
    expect(parseSiteFolder('/srv/dist', 'dist.previous-7')).toEqual({ kind: 'previous', pid: 7 });
  });

  it('leaves every other folder alone', () => {
    for (const name of [
      'dist',
      'dist.backup',
      'dist.previous-',
      'dist.previous-7-xyz',
      'site.previous-7',
      'dist.old.previous-7',
      'dist.previous-7/',
    ]) {
      expect(parseSiteFolder('/srv/dist', name)).toBeNull();
    }
    expect(parseSiteFolder('/srv/site', 'dist.previous-7')).toBeNull();
  });
});
