import { getCollection } from 'astro:content';
import { buildArchive } from '../lib/archive.ts';

/**
 * The archive, built once per build from the collection. Every page module imports this one
 * module, so the collection is read and ordered once, not once per page.
 */
const entries = await getCollection('articles');
export const archive = buildArchive(entries.map((entry) => ({ id: entry.id, data: entry.data })));

/** Newest first, for the home page. */
export const latestFirst = archive.stories.toReversed();

/** Story id → collection entry, for the article pages that render bodies. */
export const entriesById = new Map(entries.map((entry) => [entry.id, entry]));
