/**
 * Builds the bench's baseline page: plain MapLibre on the same basemap and story layers as the
 * story page (scripts/bench/baseline-page.ts), built with Vite into `<outDir>/bench-baseline/`,
 * and its HTML, with the chapters' text and the page's config, served from memory.
 */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { build } from 'vite';
import { resolveFit } from '../../src/geo/fit-bounds.js';
import { localize } from '../../src/story/lang.js';
import { parseStory } from '../../src/story/parse.js';
import type { Lang } from '../../src/story/types.js';
import type { BaselineCamera, BaselineConfig } from './baseline-config.js';

/** Where the baseline page is served. */
export const BASELINE_PATH = '/bench/baseline.html';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Builds the baseline script into `<outDir>/bench-baseline/` and returns the page's HTML. */
export async function buildBaseline(root: string, outDir: string, storyFile: string, lang: Lang): Promise<string> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: './',
    publicDir: false,
    build: {
      outDir: resolve(outDir, 'bench-baseline'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      modulePreload: false,
      assetsInlineLimit: 0,
      rolldownOptions: {
        input: { baseline: resolve(import.meta.dirname, 'baseline-page.ts') },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: '[name]-[hash].js',
          assetFileNames: '[name]-[hash][extname]',
        },
      },
    },
  });
  const storyPath = resolve(root, storyFile);
  const { story } = parseStory(await readFile(storyPath, 'utf8'), storyFile);
  if (!story) throw new Error(`${storyFile}: not a story`);
  const url = (file: string) => `/${relative(root, file).split('\\').join('/')}`;
  const data = new Map<string, FeatureCollection>();
  for (const layer of story.layers)
    data.set(
      layer.id,
      JSON.parse(await readFile(resolve(dirname(storyPath), layer.file), 'utf8')) as FeatureCollection,
    );
  const chapters = story.chapters.map((chapter) => {
    const { camera } = chapter;
    let view: BaselineCamera;
    if (camera.kind === 'view')
      view = { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
    else {
      const { bounds } = resolveFit(camera.fit, (id) => data.get(id), [...data.keys()]);
      if (!bounds) throw new Error(`${storyFile}: chapter ${chapter.id}: nothing to fit`);
      view = { bounds, padding: camera.padding, maxZoom: camera.maxZoom, bearing: camera.bearing, pitch: camera.pitch };
    }
    return { camera: view, layers: chapter.layers };
  });
  const basemap = resolve(root, 'geo/basemap');
  const config: BaselineConfig = {
    lang,
    basemap: {
      land: url(resolve(basemap, 'land.geojson')),
      boundary: url(resolve(basemap, 'boundary.geojson')),
      labels: url(resolve(basemap, 'labels.geojson')),
    },
    layers: story.layers.map((layer) => ({ ...layer, url: url(resolve(dirname(storyPath), layer.file)) })),
    chapters,
  };
  const text = story.chapters
    .map(
      (c, i) => `<section class="chapter" data-chapter-id="${c.id}" data-index="${i}">
  <h2>${escapeHtml(localize(c.title, lang))}</h2>
  ${localize(c.body, lang)
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n  ')}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="data:," />
<title>Baseline: plain MapLibre</title>
<style>
  body { margin: 0; font-family: sans-serif; line-height: 1.6; }
  .layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
  .text { padding: 0 1.5rem 60vh; }
  .chapter { min-height: 60vh; padding: 1rem 0; }
  #map { position: sticky; top: 0; height: 100vh; }
</style>
<script type="application/json" id="baseline-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script type="module" src="/bench-baseline/baseline.js"></script>
</head>
<body>
<div class="layout">
<div class="text"><h1>${escapeHtml(localize(story.title, lang))}</h1>
${text}
</div>
<div id="map"></div>
</div>
</body>
</html>`;
}
