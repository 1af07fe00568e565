import { z } from 'astro/zod';
import {
  aliasField,
  languageField,
  leadImageField,
  namesField,
  photoPathField,
  placeField,
  storyDateField,
  textField,
  type ImageHelper,
} from './fields.ts';

/**
 * The frontmatter of a story. Unknown fields are an error, so a typo never passes silently.
 * `image` turns a photo's path into the photo (./fields.ts, `ImageHelper`).
 */
export const storySchema = <I extends ImageHelper>(image: I) =>
  z.strictObject({
    // The headline, as the story ran.
    title: textField('the headline'),
    // When the story was filed: 2019-11-19T17:49:00+04:00 (offset or Z required) or 2019-11-19.
    date: storyDateField(),
    // The agency or outlet that sent the story, e.g. Trend.
    source: textField('the agency or outlet'),
    // The byline: one name, or a list of names.
    author: namesField().optional(),
    // The place line as printed, e.g. ASHGABAT, Turkmenistan.
    dateline: textField('the place line').optional(),
    // Where the story was filed, when the dateline does not say it right; wins over the dateline.
    place: placeField().optional(),
    // Subjects the story is filed under.
    topics: z.array(textField('a topic'), { error: 'must be a list of topics' }).default([]),
    // One or two sentences for listings and previews.
    summary: textField('a summary').optional(),
    // The story's language as a BCP 47 tag.
    lang: languageField().default('en'),
    // When the story was last changed, in the same format as date; wins over the git history.
    updated: storyDateField().optional(),
    // Corrections, oldest first: when each was made and what was wrong.
    corrections: z
      .array(z.strictObject({ date: storyDateField(), text: textField('the correction') }), {
        error: 'must be a list of corrections, each with date: and text:',
      })
      .default([]),
    // Addresses the story had before (its date or file name corrected): each redirects here.
    aliases: z
      .array(aliasField(), {
        error: 'must be a list of old addresses, one "- /2019/11/18/old-slug/" per line',
      })
      .default([]),
    // Work in progress: `npm run dev` shows it marked as a draft; builds leave it out everywhere.
    draft: z.boolean({ error: 'must be true or false' }).default(false),
    // The lead photo under the headline: src (beside the story, or on a photo host), alt,
    // caption, credit.
    image: leadImageField(image).optional(),
  });

/** What stories are checked against outside Astro (workers, `npm run check`): paths stay paths. */
export const articleSchema = storySchema(photoPathField);
