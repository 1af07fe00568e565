import { z } from 'astro/zod';
import { parseStoryDate } from '#src/domain/dates.ts';
import { aliasPath } from '#src/domain/redirects.ts';

/**
 * ISO 8601 date-time with offset, or a date alone; kept as canonical text so the offset survives.
 */
export const storyDateField = () =>
  z
    .union([z.string(), z.number()], { error: 'must be a date such as 2019-11-19T17:49:00+04:00' })
    .transform((value, ctx) => {
      const parsed = parseStoryDate(value);
      if (parsed.ok) return parsed.date.iso;
      ctx.addIssue({ code: 'custom', message: parsed.problem, params: { fix: parsed.fix } });
      return z.NEVER;
    });

/** Control characters: invisible, and some terminals and feeds choke on them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/**
 * Direction overrides and isolates, which can make text read backwards; plain marks (LRM, RLM) are
 * fine.
 */
const DIRECTION_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;

/** A non-empty line of text, with nothing invisible that could mislead a reader. */
export const textField = (what: string) =>
  z
    .string({ error: `must be ${what} written as text` })
    .trim()
    .min(1, { error: `must not be empty; give ${what}` })
    .refine((text) => !CONTROL.test(text), {
      error: 'contains a control character (invisible)',
      params: {
        fix:
          'retype the text, or delete the invisible character (it often comes from copying ' +
          'out of a wire terminal)',
      },
    })
    .refine((text) => !DIRECTION_OVERRIDE.test(text), {
      error:
        'contains an invisible text-direction override (U+202A–U+202E or U+2066–U+2069), which ' +
        'can make it read backwards',
      params: {
        fix:
          'delete the override; the page sets the direction from lang, and an RLM or LRM ' +
          'mark is enough for mixed text',
      },
    });

/** One name or a list of names, always read as a list. */
export const namesField = () =>
  z
    .union(
      [
        textField('a name'),
        z.array(textField('a name')).min(1, { error: 'must list at least one name' }),
      ],
      {
        error: 'must be a name, or a list of names ("- First Author" on separate lines)',
      },
    )
    .transform((value) => (Array.isArray(value) ? value : [value]));

/** A BCP 47 language tag such as `en`, `ru`, `tk-Arab`. */
export const languageField = () =>
  z
    .string({ error: 'must be a language tag such as en, ru or tk-Arab' })
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
      error: 'must be a BCP 47 language tag such as en, ru or tk-Arab',
    });

const latitude = z.number({ error: 'must be a latitude in degrees' }).min(-90).max(90);
const longitude = z.number({ error: 'must be a longitude in degrees' }).min(-180).max(180);

/**
 * Where the story was filed, when its dateline does not say it right: a place written like a
 * dateline, a GeoNames id, a place GeoNames lacks, or `false` for none. That it names a real
 * place is checked against the gazetteer (src/ingest/places/), not here.
 */
export const placeField = () =>
  z.union(
    [
      z.literal(false),
      textField('a place'),
      z.strictObject({
        geonames: z
          .number({ error: 'must be a GeoNames id, a whole number' })
          .int({ error: 'must be a GeoNames id, a whole number' })
          .positive({ error: 'must be a GeoNames id, a whole number' }),
      }),
      z
        .strictObject({
          city: textField('the city'),
          region: textField('the region').optional(),
          country: textField('the country'),
          lat: latitude.optional(),
          lon: longitude.optional(),
        })
        .refine((place) => (place.lat === undefined) === (place.lon === undefined), {
          error: 'needs both lat and lon, or neither',
        }),
    ],
    {
      error:
        'must be a place such as "Birmingham, Ala.", { geonames: 4049979 }, ' +
        '{ city, country, lat, lon }, or false',
    },
  );

/** An old address of the story, as a site path: `/2019/11/18/old-slug/`. */
export const aliasField = () =>
  z
    .string({ error: 'must be an old address such as /2019/11/18/old-slug/' })
    .transform((value, ctx) => {
      const parsed = aliasPath(value);
      if ('path' in parsed) return parsed.path;
      ctx.addIssue({ code: 'custom', message: parsed.error, params: { fix: parsed.fix } });
      return z.NEVER;
    });

/**
 * What turns a photo's path into the photo: Astro's `image()` in the collection; outside Astro
 * (workers, `npm run check`) `photoPathField`, which keeps the path as text. The schema is the
 * same either way, so a story is judged alike everywhere.
 */
export type ImageHelper = () => z.ZodType;

/** A photo's path as written: beside the story (`./photo.jpg`), or a photo host's URL. */
export const photoPathField = () =>
  z
    .string({ error: 'must be the path of the photo, e.g. ./photo.jpg' })
    .trim()
    .min(1, { error: 'must not be empty; give the path of the photo, e.g. ./photo.jpg' });

/**
 * The lead photo, `image: { src, alt, caption, credit, decorative }`. `alt` is required: a
 * reader who cannot see the photo is told what it shows. An empty `alt: ""` is allowed only with
 * `decorative: true`, which says the photo adds nothing the story does not.
 */
export const leadImageField = <I extends ImageHelper>(image: I) =>
  z
    .strictObject(
      {
        src: image() as ReturnType<I>,
        alt: z
          .string({
            error: 'is required: describe what the photo shows, for readers who cannot see it',
          })
          .trim(),
        caption: textField('a caption').optional(),
        credit: textField('a credit').optional(),
        decorative: z.boolean({ error: 'must be true or false' }).default(false),
      },
      { error: 'must be the photo’s fields, each on its own line: src:, alt:, caption:, credit:' },
    )
    .superRefine((value, ctx) => {
      if (value.alt === '' && !value.decorative)
        ctx.addIssue({
          code: 'custom',
          path: ['alt'],
          message: 'is empty: a lead photo needs a text alternative',
          params: {
            fix:
              'describe what the photo shows (alt: Pickers load cotton onto a truck), or add ' +
              'decorative: true if it adds nothing the story does not say',
          },
        });
      if (value.alt !== '' && value.decorative)
        ctx.addIssue({
          code: 'custom',
          path: ['decorative'],
          message: 'is true, but the photo has an alt text',
          params: {
            fix: 'remove decorative: true, or empty the alt if the photo really adds nothing',
          },
        });
    });
