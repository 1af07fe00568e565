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
