interface ImportMetaEnv {
  /** True under `astro dev` only: drafts show, marked. */
  readonly DATELINE_SHOW_DRAFTS: boolean;
  /** True under `astro dev` only: the preview's own notes show. */
  readonly DATELINE_DEV: boolean;
}
