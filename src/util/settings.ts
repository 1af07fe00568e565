import { loadEnv } from 'vite';
import { parseSiteAddress, type SiteAddress } from './site-address.ts';

/**
 * Settings come from the environment and, as in any Astro or Vite project, from `.env`,
 * `.env.local`, `.env.<mode>` and `.env.<mode>.local` in the project folder. Vite's own reader
 * reads the files, so they mean what Astro's documentation says; a variable set in the
 * environment wins over every file. The values go into `process.env`, where the config, the
 * content loader (DATELINE_CONTENT) and the commands read them.
 */
export function loadSettings(root: string, mode: 'production' | 'development'): void {
  for (const [key, value] of Object.entries(loadEnv(mode, root, ''))) process.env[key] ??= value;
}

/** The build's address from SITE_URL; a wrong SITE_URL throws, its message saying the fix. */
export function siteAddress(): SiteAddress {
  const address = parseSiteAddress(process.env.SITE_URL);
  if ('error' in address) throw new SettingsError(address.error);
  return address;
}

export class SettingsError extends Error {}
