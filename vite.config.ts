/// <reference types="vitest/config" />
import { cp } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { liveStories } from './scripts/vite/live-stories.ts';
import { basemapTiles } from './scripts/vite/basemap-tiles.ts';
import { maplibreCss } from './scripts/vite/maplibre-css.ts';
import { compileStories } from './scripts/vite/compile-stories.ts';
import { preloadMap } from './scripts/vite/preload-map.ts';
import { prerenderStories } from './scripts/vite/prerender-story.ts';
import { ships, siteStories } from './scripts/vite/site-stories.ts';

/** A plugin that runs `task` with the resolved output folder once a build has written its bundle. */
export function afterBuild(name: string, task: (outDir: string) => Promise<void>): Plugin {
  let outDir = 'dist';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: () => task(outDir),
  };
}

/** Copies stories/ and geo/ beside the built site, so story files resolve their layers by relative URL. */
function copyStoryData(): Plugin {
  return afterBuild('geo-story:copy-story-data', async (outDir) => {
    for (const dir of ['stories', 'geo']) {
      await cp(resolve(import.meta.dirname, dir), resolve(outDir, dir), {
        recursive: true,
        // geo/reference holds build inputs (the fact sheet, the 2 m land), not layers a story draws.
        filter: (src) =>
          (!src.endsWith('.md') || (dir === 'stories' && ships(import.meta.dirname, src))) &&
          src !== resolve(import.meta.dirname, 'geo/reference'),
      });
    }
  });
}

/**
 * Lit's legacy decorators need set semantics for fields (tsconfig useDefineForClassFields: false),
 * which Vite's Oxc transform only follows when told so explicitly. Shared with vite.lib.config.ts.
 */
export const LIT_OXC = {
  decorator: { legacy: true },
  assumptions: { setPublicClassFields: true },
  typescript: { removeClassFieldsWithoutInitializer: true },
} satisfies UserConfig['oxc'];

export default defineConfig({
  // Relative base: the built site works from any folder of any static server.
  base: './',
  plugins: [
    siteStories(),
    copyStoryData(),
    liveStories(),
    compileStories(),
    prerenderStories(),
    basemapTiles(),
    maplibreCss(),
    preloadMap(),
  ],
  oxc: LIT_OXC,
  // MapLibre 6 is ESM and loads its worker from a separate file; pre-bundling would break that.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The map chunk is MapLibre itself (~1.2 MB raw, ~310 KB gzip), loaded lazily after the text.
    chunkSizeWarningLimit: 1400,
    // GeoJSON is fetched by MapLibre; a data: URL would break under a strict connect-src, and a
    // data: image (the page's icon) under img-src 'self'.
    assetsInlineLimit: (file) => (file.endsWith('.geojson') || file.endsWith('.svg') ? false : undefined),
  },
  test: {
    // Vitest's default is one worker fewer than the cores: one on a two-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/geography.test.ts'],
          // Several unit tests read the basemap or build with Vite; 5 s (vitest's default) is
          // too short for them on a loaded two-core machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/package/**', 'tests/geography.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          // Two test files at a time, each with its own Chromium (see maxWorkers): much of a
          // browser test is waiting for the map, so two cores run two of them in about 80% of the
          // time one after the other takes.
          fileParallelism: true,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // npm run test:package: packs the package and tries it as consumers do (tests/package/).
          name: 'package',
          environment: 'node',
          include: ['tests/package/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
