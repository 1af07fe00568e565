import { SITE_LANGUAGE } from '#src/domain/language.ts';
import type { Resolution, UnresolvedReason } from '#src/domain/places/resolve.ts';
import type { Problem } from '#src/domain/problems.ts';
import type { StoryFields } from '#src/domain/story.ts';
import { createPlaceBook } from './place-book.ts';
import { placeFieldProblems } from './story-places.ts';

/** Why a dateline gives no place, said for the editor. */
const WHY: Record<UnresolvedReason, string> = {
  empty: 'is empty',
  'date-only': 'gives a day and no place',
  'table-row': 'is a line of figures or a table, not a place',
  'not-a-place': 'is too long to be the name of a place',
  'unknown-place': 'names no place the gazetteer knows, and no country',
  weak: 'has no day, and names only a small place: it reads like a heading',
};

const WHERE_INSTEAD =
  'correct the dateline, or say where the story was filed with place: (e.g. place: ' +
  'Chicago, Ill.), or write place: false for none';

/**
 * What `npm run check` says of where the stories were filed, read exactly as the build reads it:
 * a `place:` field that names no known place is an error; a dateline read through a
 * misspelling, or one that gives no place, is a warning.
 */
export async function placeProblems(
  stories: { file: string; data: StoryFields; fieldLines: Record<string, number> }[],
  cacheDir: string,
): Promise<Problem[]> {
  const book = await createPlaceBook({ cacheDir, language: SITE_LANGUAGE });
  await book.prepare(stories.map((story) => story.data));
  const problems = placeFieldProblems(
    book,
    stories.map(({ file, data, fieldLines }) => ({
      file,
      place: data.place,
      line: () => fieldLines.place,
    })),
  );
  for (const { file, data, fieldLines } of stories) {
    // A `place:` field wins over the dateline: nothing to say of the dateline then.
    if (data.place !== undefined || data.dateline === undefined) continue;
    const problem = datelineProblem(data.dateline, book.datelineOf(data));
    if (problem) problems.push({ file, line: fieldLines.dateline, field: 'dateline', ...problem });
  }
  return problems;
}

/** A warning for a dateline read through a misspelling, or that gives no place. */
export function datelineProblem(
  dateline: string,
  result: Resolution,
): Omit<Problem, 'file'> | undefined {
  const severity = 'warning' as const;
  if (!result.place)
    return { severity, message: `"${dateline}" ${WHY[result.reason]}`, fix: WHERE_INSTEAD };
  if (result.place.match !== 'nearby') return undefined;
  return {
    severity,
    message: `"${dateline}" is read as ${result.place.label}, one letter from what it says`,
    fix: 'correct the spelling, or give the place meant with place:',
  };
}
