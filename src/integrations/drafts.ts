import type { AstroIntegration } from 'astro';

/**
 * Tells pages whether drafts may show: only under `astro dev`. The command itself decides,
 * not MODE, DEV or NODE_ENV, which the build machine's environment can override.
 */
export default function draftsIntegration(): AstroIntegration {
  return {
    name: 'dateline-drafts',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            define: { 'import.meta.env.DATELINE_SHOW_DRAFTS': JSON.stringify(command === 'dev') },
          },
        });
      },
    },
  };
}
