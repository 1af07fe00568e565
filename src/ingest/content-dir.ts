/** Where stories are read from: content/ unless DATELINE_CONTENT names another folder. */
export const contentDir = process.env.DATELINE_CONTENT || './content';
/** The build's cache folder, as astro.config.mjs sets it: DATELINE_CACHE, else Astro's own. */
export const cacheDir = process.env.DATELINE_CACHE || './node_modules/.astro';
