import { readFileSync } from 'node:fs';
import { SITE_LANGUAGE } from '#src/domain/language.ts';
import type { PlaceField } from '#src/domain/places/field.ts';
import type { Problem } from '#src/domain/problems.ts';
import { buildRecord } from '#src/util/build-record.ts';
import { createPlaceBook, type PlaceBook } from './place-book.ts';
import { sharePlaceBook, sharedPlaceBookIfAny } from './shared-book.ts';

/** A story as the loader has it: where its file is, and the fields places are read from. */
export interface StoryPlaceEntry {
  file: string;
  path: string;
  data: { dateline?: string; source?: string; place?: PlaceField };
}

/** The line of a field in a story file's frontmatter, found again for a message. */
function fieldLine(path: string, field: string): number | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const index = lines.findIndex((line) => line.startsWith(`${field}:`));
  return index >= 0 ? index + 1 : undefined;
}

/** Problems with `place:` fields that name no place the gazetteer knows. */
export function placeFieldProblems(
  book: PlaceBook,
  stories: { file: string; place?: PlaceField; line: () => number | undefined }[],
): Problem[] {
  return stories.flatMap(({ file, place, line }) => {
    if (place === undefined) return [];
    const result = book.fieldOf(place);
    return result.ok ? [] : [{ file, line: line(), field: 'place', ...result }];
  });
}

/**
 * Reads where every story was filed into the build's place book, which the pages then read
 * (shared-book.ts), once per build; returns the `place:` fields that name no known place.
 */
export async function readStoryPlaces(
  stories: StoryPlaceEntry[],
  cacheDir: string,
): Promise<Problem[]> {
  const book =
    sharedPlaceBookIfAny() ?? (await createPlaceBook({ cacheDir, language: SITE_LANGUAGE }));
  buildRecord().places = await book.prepare(stories.map((story) => story.data));
  await book.save();
  sharePlaceBook(book);
  return placeFieldProblems(
    book,
    stories.map(({ file, path, data }) => ({
      file,
      place: data.place,
      line: () => fieldLine(path, 'place'),
    })),
  );
}
