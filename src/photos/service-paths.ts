// Where the photo service (service.ts) finds its worker's code and Astro's image cache, set by
// astro.config.mjs. Not in the service's config: Astro hashes its image settings into the key of
// its incremental build, and a machine's paths there would render every page again in another
// checkout. A global, since the build bundles its own copy of the service.
const KEY = Symbol.for('dateline.photo-service-paths');

export interface ServicePaths {
  /** The worker's code, `encoder.ts`. */
  encoder: string;
  /** Astro's image cache, `<cacheDir>/assets/`: renditions it holds are not made ahead. */
  cache: string;
}

type Holder = { [KEY]?: ServicePaths };

export function setServicePaths(paths: ServicePaths): void {
  (globalThis as Holder)[KEY] = paths;
}

export const servicePaths = (): ServicePaths | undefined => (globalThis as Holder)[KEY];
