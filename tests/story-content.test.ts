import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { resolveFit } from '../src/geo/fit-bounds.js';
import { parseStory } from '../src/story/parse.js';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const STORY_FILE = 'stories/gba-cooperation.md';
const root = resolve(import.meta.dirname, '..');
const story = parseStory(readFileSync(resolve(root, STORY_FILE), 'utf8'), STORY_FILE).story!;

/** Edges of the coarse Mainland coast (OSM-derived basemap land) longer than 500 m: straight lines when close in. */
const coarseEdges = (
  JSON.parse(readFileSync(resolve(root, 'geo/basemap/land.geojson'), 'utf8')) as FeatureCollection
).features
  .filter((f) => f.properties?.['region'] === 'CN')
  .flatMap((f) => (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : []))
  .flatMap((ring) => ring.slice(1).map((b, i) => [ring[i]!, b] as const))
  .filter(([a, b]) => Math.hypot((a[0]! - b[0]!) * Math.cos((22.5 * Math.PI) / 180), a[1]! - b[1]!) * 111_195 > 500);

/** The corridor and Robin's Nest views (about zoom 13.3) take in one coastal edge near Yantian: a limit recorded in geo/README.md. */
const KNOWN_COARSE_EDGES: Record<string, number> = { corridor: 1, 'robins-nest': 1 };

function layerData(layerId: string): FeatureCollection {
  const layer = story.layers.find((l) => l.id === layerId)!;
  return JSON.parse(readFileSync(resolve(root, 'stories', layer.file), 'utf8')) as FeatureCollection;
}

describe('the default story in the browser', () => {
  const withPage = useBrowser();

  for (const lang of ['zh-Hant', 'en'] as const) {
    it(`reaches every chapter's camera and visible layers (${lang})`, async () => {
      await withPage(
        `${inject('baseUrl')}index.html?lang=${lang}`,
        {
          width: 1280,
          height: 800,
        },
        async ({ page, errors }) => {
          await waitReady(page);
          const titles = await page.evaluate(() => document.querySelector('geo-story')!.chapters.map((c) => c.title));
          expect(titles).toEqual(story.chapters.map((c) => c.title[lang]));
          for (const [index, chapter] of story.chapters.entries()) {
            await page.evaluate((i) => document.querySelector('geo-story')!.goTo(i), index);
            const state = await waitSettled(page);
            expect(state.chapterId, chapter.id).toBe(chapter.id);
            expect(state.visible, chapter.id).toEqual([...chapter.layers].sort());
            const view = await page.evaluate(() => {
              const map = document.querySelector('geo-story')!.map!;
              const b = map.getBounds();
              return { w: b.getWest(), s: b.getSouth(), e: b.getEast(), n: b.getNorth() };
            });
            // From zoom 13 a 500 m edge is over 50 px: the coarse Mainland coast stays out of such views.
            if (state.zoom >= 13) {
              const inView = coarseEdges.filter(([a, b]) =>
                [a, b].some(([x, y]) => x! >= view.w && x! <= view.e && y! >= view.s && y! <= view.n),
              );
              expect(inView.length, `${chapter.id}: coarse coast edges in view`).toBe(
                KNOWN_COARSE_EDGES[chapter.id] ?? 0,
              );
            }
            if (chapter.camera.kind === 'view') {
              expect(state.center[0], chapter.id).toBeCloseTo(chapter.camera.center[0], 4);
              expect(state.center[1], chapter.id).toBeCloseTo(chapter.camera.center[1], 4);
              expect(state.zoom, chapter.id).toBeCloseTo(chapter.camera.zoom, 2);
            } else {
              // A fitted chapter shows all of what it fits, and that fills a good part of the map.
              const [w, s, e, n] = resolveFit(chapter.camera.fit, layerData).bounds!;
              const slack = 1e-6;
              expect(view.w, chapter.id).toBeLessThanOrEqual(w + slack);
              expect(view.s, chapter.id).toBeLessThanOrEqual(s + slack);
              expect(view.e, chapter.id).toBeGreaterThanOrEqual(e - slack);
              expect(view.n, chapter.id).toBeGreaterThanOrEqual(n - slack);
              // ... unless the chapter caps the zoom, as it does for a small site.
              const capped =
                chapter.camera.maxZoom !== undefined && Math.abs(state.zoom - chapter.camera.maxZoom) < 0.01;
              const fill = Math.max((e - w) / (view.e - view.w), (n - s) / (view.n - view.s));
              if (!capped) expect(fill, chapter.id).toBeGreaterThan(0.3);
            }
          }
          expect(errors).toEqual([]);
        },
      );
    });
  }
});
