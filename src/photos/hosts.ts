import archive from '#src/archive.config.ts';

/** A photo host as Astro's `image.remotePatterns` names one. */
export interface PhotoHost {
  protocol?: string;
  hostname?: string;
  port?: string;
  pathname?: string;
}

/** Hosts a test may serve photos from over plain http, on the machine itself. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The hosts stories may take photos from: `photoHosts` in src/archive.config.ts, URL prefixes
 * such as `https://photos.example.org/wire/`, or DATELINE_PHOTO_HOSTS (the same, separated by
 * spaces or commas) when set, which replaces them. None by default: a photo from anywhere else
 * stops the build. Astro downloads and optimises these photos at build time.
 */
export function photoHosts(
  setting: string | readonly string[] = process.env.DATELINE_PHOTO_HOSTS ??
    archive.photoHosts ??
    [],
): PhotoHost[] {
  const from =
    typeof setting === 'string' ? 'DATELINE_PHOTO_HOSTS' : 'photoHosts in src/archive.config.ts';
  return (typeof setting === 'string' ? setting.split(/[\s,]+/) : setting)
    .filter(Boolean)
    .map((prefix) => {
      if (!URL.canParse(prefix))
        throw new Error(
          `${from}: ${prefix} is not a URL; write each photo host as a prefix ` +
            `such as https://photos.example.org/wire/`,
        );
      const url = new URL(prefix);
      if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname))
        throw new Error(`${from}: ${prefix} is not https; photos must come over https`);
      const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
      return {
        protocol: url.protocol.slice(0, -1),
        hostname: url.hostname,
        ...(url.port ? { port: url.port } : {}),
        pathname: `${path}**`,
      };
    });
}

/**
 * The photo hosts as Content-Security-Policy sources (`https://photos.example.org/wire/`): the
 * pages' img-src allows these and the site itself, no others.
 */
export function photoSources(hosts: readonly PhotoHost[]): string[] {
  return hosts.map(({ protocol = 'https', hostname = '', port, pathname = '/' }) => {
    const path = pathname.replace(/\*+$/, '');
    return `${protocol}://${hostname}${port ? `:${port}` : ''}${path}`;
  });
}
