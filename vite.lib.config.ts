import { copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { basemapTiles } from './scripts/vite/basemap-tiles.ts';
import { maplibreCss } from './scripts/vite/maplibre-css.ts';
import { afterBuild, LIT_OXC } from './vite.config.ts';

/** Ships the custom elements manifest beside the library, so `dist/` is self-describing. */
function copyManifest(): Plugin {
  return afterBuild('geo-story:copy-manifest', (outDir) =>
    copyFile(resolve(import.meta.dirname, 'custom-elements.json'), resolve(outDir, 'custom-elements.json')),
  );
}

/**
 * The library build: `dist/geo-story.js`, one ES module that defines the elements when imported.
 * It is an ordinary (not `build.lib`) build with a JS entry, because library mode inlines every
 * asset as a data: URL, and the MapLibre worker and the basemap tiles must stay files beside the
 * module (strict CSP: `worker-src 'self'`, `connect-src 'self'`). With a relative base every
 * chunk and asset is found through `new URL(file, import.meta.url)`, so a static host needs
 * nothing but the files of dist/. Runs after the site build, into the same folder.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  // The basemap's land tiles go in a folder geo-story-basemap-<hash>/ beside geo-story.js.
  plugins: [copyManifest(), basemapTiles({ dir: 'geo-story-basemap' }), maplibreCss()],
  oxc: LIT_OXC,
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: false,
    // The map chunk is MapLibre itself (~1.2 MB raw, ~310 KB gzip), loaded lazily after the text.
    chunkSizeWarningLimit: 1400,
    // No <link rel=modulepreload> injected into the host page: the element keeps to itself.
    modulePreload: false,
    assetsInlineLimit: (file) => (file.endsWith('.geojson') || file.endsWith('.mjs') ? false : undefined),
    rolldownOptions: {
      input: { 'geo-story': resolve(import.meta.dirname, 'src/index.ts') },
      // Keep the entry's exports (GeoStory and friends) for users who import them.
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'geo-story-[name]-[hash].js',
        assetFileNames: 'geo-story-[name]-[hash][extname]',
      },
    },
  },
  // The layer-check worker (src/map/layer-check.ts), one file beside geo-story.js like the rest.
  worker: { rolldownOptions: { output: { entryFileNames: 'geo-story-[name]-[hash].js' } } },
});
