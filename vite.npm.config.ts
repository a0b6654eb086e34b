import { resolve } from 'node:path';
import license from 'rollup-plugin-license';
import { defineConfig, type UserConfig } from 'vite';
import { basemapTiles } from './scripts/vite/basemap-tiles.ts';
import { maplibreCss } from './scripts/vite/maplibre-css.ts';
import { LIT_OXC } from './vite.config.ts';

/** Lit and its own packages: left to the consumer's bundler in `lib/index.js`, bundled in `lib/geo-story.js`. */
export const LIT_PACKAGES = /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/ssr-dom-shim)(\/|$)/;

/**
 * The npm builds, both into `lib/` (run by `scripts/build-package.ts`, one per `--mode`):
 *
 * - `index` (`lib/index.js`, what `import 'geo-story'` loads): Lit stays an import, so a page with
 *   other Lit elements has one Lit, the public types (which extend `LitElement`) find it, and in
 *   Node the `node` export condition of Lit gives its DOM shim, so importing the module for
 *   server rendering does not throw. Everything else (MapLibre, marked, DOMPurify, yaml, zod,
 *   Turf) is bundled: none of it appears in the public types, and bundling spares a consumer
 *   the ~180 packages of their trees.
 * - `standalone` (`lib/geo-story.js`): the same with Lit bundled too, for a plain
 *   `<script type="module">` with no bundler and no import map.
 *
 * Not `build.lib`, which inlines every asset as a data: URL: MapLibre's worker and the basemap's
 * archive stay files beside the module, found with `new URL(file, import.meta.url)` (strict CSP:
 * `worker-src 'self'`, `connect-src 'self'`). The map chunk, the worker and the basemap are the
 * same in both builds, so their hashed names coincide and each ships once. No source maps: the
 * package ships built code only. geojson-validation (LGPL-3.0) is a chunk of its own, so the
 * combined work uses it as a separate, replaceable module (see NOTICE).
 */
export default defineConfig(({ mode }) => {
  const standalone = mode === 'standalone';
  return {
    base: './',
    publicDir: false,
    oxc: LIT_OXC,
    plugins: [
      // The basemap's land, one archive lib/assets/basemap-<hash>.pmtiles named by a literal
      // `new URL` in the map chunk, which a consumer's bundler copies (scripts/vite/basemap-tiles.ts).
      basemapTiles({ archive: 'assets/basemap' }),
      maplibreCss(),
      // Every bundled package with its licence text, from what the bundle really holds.
      license({
        thirdParty: {
          includePrivate: false,
          output: {
            file: resolve(import.meta.dirname, `lib/licenses/${standalone ? 'geo-story' : 'index'}.txt`),
            template: (deps) =>
              deps
                .map((d) => `${d.name}@${d.version} (${d.license})\n\n${d.licenseText ?? d.noticeText ?? ''}`.trim())
                .join('\n\n' + '-'.repeat(72) + '\n\n') + '\n',
          },
        },
      }),
    ],
    logLevel: 'warn',
    build: {
      outDir: 'lib',
      target: 'es2022',
      sourcemap: false,
      // The second build (standalone) adds its files beside the first.
      emptyOutDir: !standalone,
      copyPublicDir: false,
      chunkSizeWarningLimit: 1400,
      modulePreload: false,
      assetsInlineLimit: (file) => (file.endsWith('.geojson') || file.endsWith('.mjs') ? false : undefined),
      rolldownOptions: {
        input: { [standalone ? 'geo-story' : 'index']: resolve(import.meta.dirname, 'src/index.ts') },
        external: standalone ? [] : (id) => LIT_PACKAGES.test(id),
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
          // geojson-validation is LGPL-3.0: it stays a module of its own, a file a user can replace (NOTICE).
          codeSplitting: { groups: [{ name: 'geojson-validation', test: /node_modules[\\/]geojson-validation[\\/]/ }] },
        },
      },
    },
  } satisfies UserConfig;
});
