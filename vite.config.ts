import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The favicon as a data: URL (the single file has no folder beside it). */
const inlineFavicon = (): Plugin => ({
  name: 'lmpv:inline-favicon',
  transformIndexHtml: (html) =>
    html.replace('href="./favicon.svg"', `href="data:image/svg+xml;base64,${readFileSync(new URL('./public/favicon.svg', import.meta.url)).toString('base64')}"`),
});

// `vite build --mode single` (npm run build:single): one self-contained index.html that works
// opened from disk (file://) with no network — scripts, styles, examples and the worker inlined.
export default defineConfig(({ mode }) => {
  const single = mode === 'single';
  return {
    plugins: [react(), ...(single ? [inlineFavicon(), viteSingleFile()] : [])],
    publicDir: single ? false : 'public',
    base: './',
    resolve: single
      ? {
          alias: [
            { find: /^\.\/startWorker$/, replacement: fileURLToPath(new URL('./src/ui/analysis/startWorker.single.ts', import.meta.url)) },
            { find: /^\.\/startDrainWorker$/, replacement: fileURLToPath(new URL('./src/ui/maintenance/startDrainWorker.single.ts', import.meta.url)) },
          ],
        }
      : {},
    build: {
      ...(single ? { outDir: 'dist-single', sourcemap: false, chunkSizeWarningLimit: 4000 } : { sourcemap: true, chunkSizeWarningLimit: 1500 }),
      // The engine is pure (lint-enforced): importing one of its modules does nothing but define
      // things, so a re-export the app does not use (the barrel's inventory parser, say) may be
      // dropped instead of being kept for its "side effects" — and fetched on a first visit.
      rolldownOptions: { treeshake: { moduleSideEffects: [{ test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false }] } },
    },
  };
});
