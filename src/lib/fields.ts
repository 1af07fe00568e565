import { z } from 'astro/zod';
import { parseStoryDate } from './dates.ts';

/** ISO 8601 date-time with offset, or a date alone; kept as canonical text so the offset survives. */
export const storyDateField = () =>
  z.union([z.string(), z.number()], { error: 'must be a date such as 2019-11-19T17:49:00+04:00' }).transform((value, ctx) => {
    const parsed = parseStoryDate(value);
    if (parsed.ok) return parsed.date.iso;
    ctx.addIssue({ code: 'custom', message: parsed.problem, params: { fix: parsed.fix } });
    return z.NEVER;
  });

/** A non-empty line of text. */
export const textField = (what: string) =>
  z.string({ error: `must be ${what} written as text` }).trim().min(1, { error: `must not be empty; give ${what}` });

/** One name or a list of names, always read as a list. */
export const namesField = () =>
  z
    .union([textField('a name'), z.array(textField('a name')).min(1, { error: 'must list at least one name' })], {
      error: 'must be a name, or a list of names ("- First Author" on separate lines)',
    })
    .transform((value) => (Array.isArray(value) ? value : [value]));

/** A BCP 47 language tag such as `en`, `ru`, `tk-Arab`. */
export const languageField = () =>
  z
    .string({ error: 'must be a language tag such as en, ru or tk-Arab' })
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'must be a BCP 47 language tag such as en, ru or tk-Arab' });
