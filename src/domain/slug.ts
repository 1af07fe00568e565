import { foldKey } from './text.ts';

/** A slug is lower-case ASCII letters and digits, in words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/** Cyrillic letters of the region's languages in a plain Latin transliteration, for URLs only. */
const CYRILLIC: Record<string, string> = Object.fromEntries(
  [
    'а a',
    'б b',
    'в v',
    'г g',
    'д d',
    'е e',
    'ж zh',
    'з z',
    'и i',
    'к k',
    'л l',
    'м m',
    'н n',
    'о o',
    'п p',
    'р r',
    'с s',
    'т t',
    'у u',
    'ф f',
    'х kh',
    'ц ts',
    'ч ch',
    'ш sh',
    'щ shch',
    'ы y',
    'э e',
    'ю yu',
    'я ya',
    'ә a',
    'ғ g',
    'қ k',
    'ң n',
    'ө o',
    'ұ u',
    'ү u',
    'һ h',
    'і i',
    'җ j',
    'ј j',
    'ї i',
    'є ye',
    'ў u',
    'ґ g',
  ].map((pair) => pair.split(' ') as [string, string]),
);

/**
 * Turns a headline or a name into a slug: `Turkmenistan developing co-op with Int’l Organization`
 * → `turkmenistan-developing-co-op-with-intl-organization`. Letters lose their diacritics
 * (`Türkmenabat` → `turkmenabat`); apostrophes vanish rather than split a word.
 */
export function slugify(text: string, maxLength = 80): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıİ]/g, 'i')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\u0400-\u04ff]/g, (letter) => CYRILLIC[letter] ?? '')
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (
    lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : ascii.slice(0, maxLength)
  ).replace(/-+$/, '');
}

/** A URL slug for a place, a source, an author or a topic, whatever its script. */
export function termSlug(label: string): string {
  const ascii = slugify(label);
  if (ascii) return ascii;
  // Scripts slugify cannot spell in ASCII (Arabic, Georgian…) get a short stable hash.
  let hash = 5381;
  for (const char of foldKey(label)) hash = ((hash * 33) ^ char.codePointAt(0)!) >>> 0;
  return `x-${hash.toString(36)}`;
}
