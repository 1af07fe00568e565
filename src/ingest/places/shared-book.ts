import { shared } from '#src/util/shared.ts';
import type { PlaceBook } from './place-book.ts';

/**
 * The place book the content loader prepared, for the pages: they are another module graph of
 * the same build (src/util/shared.ts).
 */
const slot = () => shared('place-book', () => ({ book: undefined as PlaceBook | undefined }));

export function sharePlaceBook(book: PlaceBook): void {
  slot().book = book;
}

export function sharedPlaceBook(): PlaceBook {
  const { book } = slot();
  if (!book) throw new Error('The stories’ places were not read: the content loader did not run');
  return book;
}

/** The book of an earlier load in this process (`astro dev`), if there was one. */
export const sharedPlaceBookIfAny = (): PlaceBook | undefined => slot().book;
