import { createRequire } from 'node:module';
import { link, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The parts of Astro's settings that its incremental cache reads. */
interface CacheSettings {
  config: { cacheDir: URL };
}

interface IncrementalCache {
  restoreOutputFile(settings: CacheSettings, outputFile: string, destination: URL): Promise<boolean>;
  writeOutputFile(settings: CacheSettings, outputFile: string, body: string | Uint8Array): Promise<void>;
}

/** Where Astro keeps its copy of a page it rendered (astro/dist/core/build/incremental.js). */
function storedCopy(settings: CacheSettings, outputFile: string): URL {
  return new URL(outputFile, new URL('dist/', settings.config.cacheDir));
}

/**
 * Makes Astro's incremental build restore an unchanged page by hard-linking its stored copy
 * into the new site instead of copying it. A warm build of the Reuters archive restores about
 * 30,000 pages and feeds; copying them was the largest part of its time (BENCHMARKS.md).
 *
 * A link is only safe if nothing ever writes into a stored copy in place: the live site and
 * the new one share those files. Astro writes a page it rendered again into its stored copy
 * with `writeFile`, which would change the page in the live site while the build runs. So the
 * stored copy is replaced instead: written beside it and renamed over it, leaving the old
 * file, still served, untouched. `tests/site/incremental.test.ts` checks that the replaced
 * site is byte for byte what it was.
 *
 * Both are methods of Astro's internal cache class, replaced for this process only. If a new
 * Astro no longer has them, the build warns and copies as before.
 */
export default function restoreByLinkIntegration(): AstroIntegration {
  return {
    name: 'dateline-restore-by-link',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const cache = await incrementalCacheClass();
        const prototype = cache?.prototype as Partial<IncrementalCache> | undefined;
        if (typeof prototype?.restoreOutputFile !== 'function' || typeof prototype.writeOutputFile !== 'function') {
          logger.warn('Astro\'s incremental cache has changed shape: unchanged pages are copied, not linked (src/integrations/restore-by-link.ts)');
          return;
        }
        const copy = prototype.restoreOutputFile;
        const folders = new Set<string>();
        prototype.restoreOutputFile = async function (settings, outputFile, destination) {
          const folder = new URL('./', destination).href;
          if (!folders.has(folder)) {
            await mkdir(new URL(folder), { recursive: true });
            folders.add(folder);
          }
          try {
            await link(storedCopy(settings, outputFile), destination);
            return true;
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT') return false;
            // Another file system (EXDEV), or one without hard links: copy, as Astro does.
            return copy.call(this, settings, outputFile, destination);
          }
        };
        prototype.writeOutputFile = async function (settings, outputFile, body) {
          const stored = storedCopy(settings, outputFile);
          const fresh = new URL(`${stored.href}.${process.pid}.new`);
          await mkdir(new URL('./', stored), { recursive: true });
          await writeFile(fresh, body);
          await rename(fresh, stored);
        };
      },
    },
  };
}

/** Astro's `IncrementalBuildCache`: the same module instance Astro's build imports. */
async function incrementalCacheClass(): Promise<{ prototype: object } | undefined> {
  try {
    const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
    const module = await import(pathToFileURL(join(astro, 'dist/core/build/incremental.js')).href);
    return module.IncrementalBuildCache;
  } catch {
    return undefined;
  }
}
