import { parseOffset } from './dates.ts';

/**
 * Who publishes the archive and under what name: what the header, page titles, Open Graph,
 * structured data, feeds and the Google News sitemap say. One value, in src/archive.config.ts.
 */
export interface ArchiveIdentity {
  /** The archive's name, as the header and every page title show it: `Dateline`. */
  name: string;
  /** One line saying what the archive is, for the home page and the footer. */
  description: string;
  /** Who publishes it: structured data's `publisher`. */
  publisher: {
    name: string;
    /** The publisher's own site; the archive's home page when not given. */
    url?: string;
    /** A square logo: a file of `public/` (`/logo.png`) or an absolute URL. */
    logo?: string;
  };
  /** The language of the site's own text (menus, feeds' channel), a BCP 47 tag: `en`. */
  language: string;
  /** The UTC offset `npm run new` dates a story in unless told otherwise: `+04:00`. */
  newStoryOffset?: string;
  /**
   * Hosts stories may take photos from, as URL prefixes (`https://photos.example.org/wire/`);
   * DATELINE_PHOTO_HOSTS replaces them when set. None by default.
   */
  photoHosts?: string[];
}

const FILE = 'src/archive.config.ts';

/**
 * The identity, checked: a missing name, a publisher URL that is not absolute, a language or
 * offset that cannot be read stops whatever loads it, naming the field and the fix.
 */
export function defineArchive(identity: ArchiveIdentity): ArchiveIdentity {
  const problems: string[] = [];
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  if (!text(identity.name)) problems.push('name: give the archive’s name, such as "Dateline"');
  if (!text(identity.description))
    problems.push('description: say in one line what the archive is');
  if (!text(identity.publisher?.name))
    problems.push('publisher.name: give the name of the newsroom that publishes the archive');
  const { url, logo } = identity.publisher ?? {};
  if (url !== undefined && !/^https?:\/\/[^/\s]+/.test(url))
    problems.push(`publisher.url: "${url}" is not an absolute http(s) address`);
  if (logo !== undefined && !/^(https?:\/\/[^/\s]+|\/(?!\/))\S*$/.test(logo))
    problems.push(`publisher.logo: "${logo}" is neither a file of public/ ("/logo.png") nor a URL`);
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(identity.language ?? ''))
    problems.push(`language: "${identity.language}" is not a BCP 47 tag such as en or ru`);
  if (identity.newStoryOffset !== undefined && parseOffset(identity.newStoryOffset) === null)
    problems.push(`newStoryOffset: "${identity.newStoryOffset}" is not an offset such as +04:00`);
  if (problems.length > 0)
    throw new Error(`${FILE} is not a valid archive identity:\n  ${problems.join('\n  ')}`);
  return identity;
}
