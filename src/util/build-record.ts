import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shared } from './shared.ts';

/**
 * What a build did, written as JSON to `dateline-build.json` in the cache folder when the
 * build succeeds. The bench and the tests read it; nothing reads the wording of log lines.
 */
export interface BuildRecord {
  /** Set when `astro build` starts: pages rendered by `astro dev` are not recorded. */
  building?: boolean;
  /** Stories the content loader read (new or changed) and found unchanged since the last build. */
  stories: { read: number; unchanged: number };
  /** Pages and files the build wrote, rendered or reused. */
  pages: number;
  /** Stories the archive publishes (drafts left out). */
  published: number;
  /** Paths of the pages rendered in this build; a keyed page not among them was reused. */
  rendered: string[];
  /** Every keyed page's incremental-build key, by path. */
  keys: Record<string, string>;
  /** With DATELINE_RECORD_PAGES=1: a hash of each rendered page's bytes, by path. */
  hashes?: Record<string, string>;
  search?: SearchRecord;
  photos?: PhotoRecord;
  /** Reading where stories were filed: src/ingest/places/place-book.ts. */
  places?: PlacesRecord;
}

export interface PhotoRecord {
  /** Story pages that show a photo, as site paths (`/2019/11/19/slug/`, without the base). */
  pages: string[];
  /** Renditions this build encoded; one already in the cache is copied, not listed. */
  encoded: PhotoRendition[];
  /**
   * From the first encode to the last: milliseconds, and the CPU time of the whole process in
   * them (Astro encodes after every page is rendered, so little else runs then).
   */
  encoding?: { ms: number; cpuMs: number };
  /** Renditions removed from the cache after the build: the site holds them no more. */
  pruned?: number;
}

/** A rendition: its photo's built name (`/_astro/lead.Hash.jpg`), its width and format. */
export interface PhotoRendition {
  photo: string;
  width: number;
  format: string;
}

export interface PlacesRecord {
  /** Distinct datelines and `place:` fields in the stories. */
  distinct: number;
  /** Of those, how many were resolved in this build rather than read from the last one's. */
  resolved: number;
  /** Whether the gazetteer was read from the cache folder, built there first, or not needed. */
  gazetteer: 'read' | 'built' | 'not loaded';
  /** Wall time of reading the places, the gazetteer included. */
  ms: number;
}

export interface SearchRecord {
  stories: number;
  /** Milliseconds the search step took after the pages were built. */
  stepMs: number;
  parts: {
    id: string;
    stories: number;
    /**
     * Indexed while pages were rendered, indexed from the built site, or kept from the last build.
     */
    indexed: 'while-rendering' | 'from-site' | 'unchanged';
    /** Pagefind's time on the part, when it was indexed. */
    ms?: number;
  }[];
  /** The headline index's shards, and how many of them this build indexed. */
  headlineShards?: { total: number; indexed: number };
}

const emptyRecord = (): BuildRecord => ({
  stories: { read: 0, unchanged: 0 },
  pages: 0,
  published: 0,
  rendered: [],
  keys: {},
});

/**
 * This build's record, shared by the loader, the pages, the search step and the integration that
 * writes it.
 */
export const buildRecord = (): BuildRecord => shared('build-record', emptyRecord);

export const RECORD_FILE = 'dateline-build.json';

/** The last successful build's record in a cache folder, if there is one. */
export function readBuildRecord(cacheDir: string): BuildRecord | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, RECORD_FILE), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
}

/** This build's record of photos, started when first needed. */
export const photoRecord = (): PhotoRecord => (buildRecord().photos ??= { pages: [], encoded: [] });
