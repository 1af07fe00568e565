/**
 * The story reader's version. A story found valid by the last build is not read again while
 * this, the installed packages and Node stay the same (see `validatorVersion` in loader.ts).
 *
 * Raise `version` whenever what reading a story accepts or produces changes: the frontmatter
 * reader, the schema and its fields, validation, the Markdown pipeline, the safe-HTML list.
 * `sources` is a digest of every module the story worker runs; tests/unit/ingest/version.test.ts
 * fails when they change and it does not, so a change to the reader is always a decision
 * about the version, never forgotten.
 */
export const STORY_READER = {
  version: 4,
  sources: 'I1GtDfHAFXMdAk_J',
};
