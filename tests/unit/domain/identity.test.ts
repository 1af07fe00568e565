import { describe, expect, it } from 'vitest';
import { defineArchive } from '#src/domain/identity.ts';
import archiveIdentity from '#src/archive.config.ts';

describe('the archive’s identity', () => {
  it('is the archive’s own file, checked', () => {
    expect(archiveIdentity).toMatchObject({ name: 'Dateline', language: 'en' });
  });

  it('stops with every field that is wrong, naming the file and the fix', () => {
    expect(() =>
      defineArchive({
        name: ' ',
        description: 'x',
        publisher: { name: 'N', url: 'newsroom.example', logo: 'logo.png' },
        language: 'English',
        newStoryOffset: 'Asia/Baku',
      }),
    ).toThrow(
      /^src\/archive\.config\.ts is not a valid archive identity:\n {2}name: .*\n {2}publisher\.url: .*\n {2}publisher\.logo: .*\n {2}language: .*\n {2}newStoryOffset: .*$/,
    );
  });
});
