/**
 * The demonstration layer of stories/hk-land-tiles.md (the Hong Kong 2 m land) read from its
 * PMTiles archive against the same data as one GeoJSON file: for each of the story's views (the
 * whole territory, the harbour at zoom 13, the waterfront at zoom 16), opened straight at that
 * chapter by its hash, the bytes of the layer's data the page fetched and the time from navigation
 * start to the map idle at that view with the layer drawn.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, newPage } from '../../tests/support/browser.js';
import { startStaticServer } from '../../tests/support/static-server.js';
import { kb, sizeOf } from './sizes.js';
import { spread, type Spread } from './stats.js';

const STORY = 'stories/hk-land-tiles.md';
const ARCHIVE = 'geo/tiles/hk-land-2m.pmtiles';
const GEOJSON = 'geo/reference/hk_terrestrial_2m.geojson';
/** The GeoJSON variant of the story, served from memory beside the original. */
const GEOJSON_STORY = '/stories/hk-land-geojson.md';
const VIEWS = ['whole', 'harbour', 'pier'] as const;
type Variant = 'pmtiles' | 'geojson';

/** One view of one variant, over its runs. */
export interface TileViewFigures {
  variant: Variant;
  chapter: (typeof VIEWS)[number];
  zoom: number;
  idleMs: Spread;
  /** Bytes of the layer's data received (response bodies, as sent), median of the runs. */
  layerBytes: Spread;
  /** Requests for the layer's data, median of the runs. */
  layerRequests: Spread;
}

/** What the tiles bench measured. */
export interface TileFigures {
  archiveBytes: number;
  geojsonBytes: number;
  geojsonGzipBytes: number;
  views: TileViewFigures[];
}

interface Load {
  idleMs: number;
  zoom: number;
  bytes: number;
  requests: number;
}

/** Opens `url` in a fresh context (no cache) and measures it until the map is idle at the chapter the hash names. */
async function load(browser: Browser, url: string, data: string): Promise<Load> {
  const { page, context } = await newPage(browser);
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const sizes: Promise<number>[] = [];
  context.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname.endsWith(data)) sizes.push(request.sizes().then((s) => s.responseBodySize));
  });
  try {
    await page.goto(url);
    const shown = await page.evaluate(async () => {
      await customElements.whenDefined('geo-story');
      const el = document.querySelector('geo-story')!;
      await el.ready;
      const map = el.map!;
      // The first idle is at the chapter the hash names; wait for another only if the map still moves or loads.
      while (map.isMoving() || !map.loaded() || !map.areTilesLoaded()) await new Promise((ok) => map.once('idle', ok));
      return { idleMs: performance.now(), zoom: map.getZoom(), chapter: el.chapterId };
    });
    const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    return { idleMs: shown.idleMs, zoom: shown.zoom, bytes, requests: sizes.length };
  } finally {
    await context.close();
  }
}

/** Runs the comparison `runs` times per view and variant, serving `roots` (the built site first). */
export async function tileFigures(roots: string[], root: string, runs: number): Promise<TileFigures> {
  const story = await readFile(resolve(root, STORY), 'utf8');
  const asGeoJson = story
    .replace(ARCHIVE, GEOJSON)
    .replace(/^\s+source-layer: .*\n/m, '')
    .replace(/^id: hk-land-tiles$/m, 'id: hk-land-geojson');
  if (!asGeoJson.includes(GEOJSON) || asGeoJson.includes('source-layer'))
    throw new Error(`${STORY}: its layer is no longer ${ARCHIVE} with a source-layer; update scripts/bench/tiles.ts`);
  const server = await startStaticServer(roots, { [GEOJSON_STORY]: asGeoJson });
  const browser = await launch();
  const pages: Record<Variant, { story: string; id: string; data: string }> = {
    pmtiles: { story: `/${STORY}`, id: 'hk-land-tiles', data: '.pmtiles' },
    geojson: { story: GEOJSON_STORY, id: 'hk-land-geojson', data: '.geojson' },
  };
  const loads = new Map<string, Load[]>();
  try {
    for (let i = 0; i < runs; i++)
      for (const chapter of VIEWS)
        // Alternating, so that a busy moment of the machine falls on both variants alike.
        for (const variant of ['pmtiles', 'geojson'] as const) {
          const p = pages[variant];
          const url = `${server.url}index.html?story=${encodeURIComponent(p.story)}&lang=en#${p.id}/${chapter}`;
          const run = await load(browser, url, p.data);
          const key = `${variant} ${chapter}`;
          loads.set(key, [...(loads.get(key) ?? []), run]);
          process.stdout.write(
            `  ${variant.padEnd(8)} ${chapter.padEnd(8)} run ${i + 1}: idle ${run.idleMs.toFixed(0)} ms at zoom ${run.zoom.toFixed(1)}, ${kb(run.bytes)} of layer data in ${run.requests} requests\n`,
          );
        }
  } finally {
    await browser.close();
    await server.close();
  }
  const geojson = (await sizeOf(resolve(root, GEOJSON)))!;
  const archive = (await sizeOf(resolve(root, ARCHIVE)))!;
  const views = VIEWS.flatMap((chapter) =>
    (['pmtiles', 'geojson'] as const).map((variant): TileViewFigures => {
      const list = loads.get(`${variant} ${chapter}`)!;
      return {
        variant,
        chapter,
        zoom: list[0]!.zoom,
        idleMs: spread(list.map((l) => l.idleMs)),
        layerBytes: spread(list.map((l) => l.bytes)),
        layerRequests: spread(list.map((l) => l.requests)),
      };
    }),
  );
  return { archiveBytes: archive.raw, geojsonBytes: geojson.raw, geojsonGzipBytes: geojson.gzip, views };
}

/** Prints the figures as a table, one row per view, the archive beside the GeoJSON file. */
export function printTileFigures(f: TileFigures, runs: number): void {
  console.log(
    `\nThe Hong Kong 2 m land (${STORY}): PMTiles archive (${kb(f.archiveBytes)}) vs one GeoJSON file (${kb(f.geojsonBytes)}, ${kb(f.geojsonGzipBytes)} gzip), median (min-max) of ${runs}:`,
  );
  console.log(
    `  ${'view'.padEnd(18)}${'archive: data'.padStart(16)}${'idle'.padStart(24)}${'GeoJSON: data'.padStart(16)}${'idle'.padStart(24)}`,
  );
  const ms = (s: Spread) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}-${s.max.toFixed(0)})`;
  for (const chapter of VIEWS) {
    const [t, g] = (['pmtiles', 'geojson'] as const).map((v) =>
      f.views.find((x) => x.chapter === chapter && x.variant === v),
    );
    console.log(
      `  ${`${chapter} (z${t!.zoom.toFixed(1)})`.padEnd(18)}${kb(t!.layerBytes.median).padStart(16)}${ms(t!.idleMs).padStart(24)}${kb(g!.layerBytes.median).padStart(16)}${ms(g!.idleMs).padStart(24)}`,
    );
  }
  console.log(
    '  (layer data as sent: the archive by range requests, its tiles gzip inside; the GeoJSON as served, uncompressed)',
  );
}
