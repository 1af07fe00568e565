/** The language of the archive's own pages: headings, navigation, country names. */
export const SITE_LANGUAGE = 'en';

/** Scripts written right to left, as BCP 47 script subtags. */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg']);
/** Languages whose default script is right to left. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ug', 'yi', 'dv', 'ckb', 'sd']);

/** `rtl` for Arabic, Persian, `tk-Arab` and other right-to-left tags, else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const [language = '', ...subtags] = lang.toLowerCase().split('-');
  const script = subtags.find((tag) => tag.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
