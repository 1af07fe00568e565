interface ImportMetaEnv {
  /** True under `astro dev` only: drafts show, marked. */
  readonly DATELINE_SHOW_DRAFTS: boolean;
}
