interface ImportMetaEnv {
  /** True under `astro dev` only: drafts show, marked. */
  readonly DATELINE_SHOW_DRAFTS: boolean;
  /** True under `astro dev` only: the preview's own notes show. */
  readonly DATELINE_DEV: boolean;
}

/**
 * Astro's getImage with the archive's image settings, as Astro's own content runtime imports it
 * (src/photos/pictures.ts says why not from `astro:assets`).
 */
declare module 'virtual:astro:get-image' {
  export const getImage: typeof import('astro:assets').getImage;
  export const imageConfig: import('astro').AstroConfig['image'];
}
