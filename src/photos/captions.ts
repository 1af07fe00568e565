/**
 * Words that start a photo credit at the end of a caption: `… near Turkmenabat. Photo: Jane
 * Doe/Trend`. The credit keeps its word, so readers see whose photo it is; captions in other
 * languages use their own word.
 */
export const CREDIT_WORDS = [
  'Photo',
  'Photos',
  'Picture',
  'Image',
  'Credit',
  'Illustration',
  'Graphic',
  'Фото',
  'Foto',
  'Surat',
  'تصوير',
  'صورة',
];

const CREDIT = new RegExp(`(?<=^|\\s)(?:${CREDIT_WORDS.join('|')}) ?:\\s*\\S`, 'gu');

/**
 * Splits a caption's text at its credit: from the last credit word that starts the text or
 * follows a space, with a colon after it, to the end. A caption without one has no credit.
 */
export function splitCredit(text: string): { caption: string; credit?: string } {
  const start = [...text.matchAll(CREDIT)].at(-1)?.index;
  if (start === undefined) return { caption: text.trim() };
  return { caption: text.slice(0, start).trim(), credit: text.slice(start).trim() };
}
