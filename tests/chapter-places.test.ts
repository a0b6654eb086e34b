/**
 * Every place a chapter's text names (its `places:`) that lies in the chapter's view is labelled on
 * the map in that chapter, in the reader's language, and not hidden by another label's collision:
 * checked on the symbols MapLibre actually placed (`queryRenderedFeatures` leaves out symbols
 * that lost a collision).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { parseStory } from '../src/story/parse.js';
import { BASEMAP_PLACES } from '../src/story/types.js';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const STORY_FILE = 'stories/gba-cooperation.md';
const root = resolve(import.meta.dirname, '..');
const story = parseStory(readFileSync(resolve(root, STORY_FILE), 'utf8'), STORY_FILE).story!;
/** Each file read once: the same layer is named by many chapters. */
const files = new Map<string, FeatureCollection<Point>>();
const read = (path: string): FeatureCollection<Point> => {
  if (!files.has(path)) files.set(path, JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Point>);
  return files.get(path)!;
};
const basemapLabels = read(resolve(root, 'geo/basemap/labels.geojson'));
/** Named points closer than this on screen (a short label's width) may give way to each other on a narrow map. */
const CROWDED_PX = 50;

/** The point a chapter names: a basemap label by `label_id`, or a feature of a story layer by id. */
function place(key: string, id: string | number): Feature<Point> {
  const data =
    key === BASEMAP_PLACES
      ? basemapLabels
      : read(resolve(root, 'stories', story.layers.find((l) => l.id === key)!.file));
  const f = data.features.find(
    (x) => String(key === BASEMAP_PLACES ? x.properties?.['label_id'] : x.id) === String(id),
  );
  if (!f) throw new Error(`no place ${key}/${id}`);
  return f;
}

describe('places named in a chapter are labelled on its map', () => {
  const withPage = useBrowser();

  it('every chapter of the default story names places', () => {
    const without = story.chapters.filter((c) => Object.keys(c.places).length === 0).map((c) => c.id);
    // The MiMEP chapter names no place; the map marks sites it does not name.
    expect(without).toEqual(['mimep']);
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    for (const lang of ['zh-Hant', 'en'] as const) {
      it(`labels them in every chapter, ${lang} at ${size.width}x${size.height}`, async () => {
        await withPage(`${inject('baseUrl')}index.html?lang=${lang}`, size, async ({ page, errors }) => {
          await waitReady(page);
          const nameKey = lang === 'en' ? 'name_en' : 'name_zh_hant';
          let labelled = 0;
          const dropped: string[] = [];
          for (const [index, chapter] of story.chapters.entries()) {
            await page.evaluate((i) => document.querySelector('geo-story')!.goTo(i), index);
            await waitSettled(page);
            const named = Object.entries(chapter.places).flatMap(([key, ids]) => ids.map((id) => place(key, id)));
            const seen = await page.evaluate(
              ({ points, nameKey, CROWDED_PX }) => {
                const map = document.querySelector('geo-story')!.map!;
                const canvas = map.getCanvas();
                const [w, h] = [canvas.clientWidth, canvas.clientHeight];
                const px = points.map(([x, y]) => map.project([x!, y!]));
                const inView = px.map((p) => p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h);
                // Named points this close on screen cannot both carry a readable label.
                const crowded = px.map((p, i) =>
                  px.some((q, j) => j !== i && Math.hypot(p.x - q.x, p.y - q.y) < CROWDED_PX),
                );
                const layers = map
                  .getStyle()
                  .layers.map((l) => l.id)
                  .filter((id) => id.startsWith('named-places::'));
                const rendered = map.queryRenderedFeatures({ layers }).map((f) => String(f.properties[nameKey] ?? ''));
                return { inView, crowded, rendered: [...new Set(rendered)].sort() };
              },
              { points: named.map((f) => f.geometry.coordinates), nameKey, CROWDED_PX },
            );
            const expected = named
              .filter((_, i) => seen.inView[i])
              .map((f) => String(f.properties?.[nameKey]))
              .sort();
            const crowded = new Set(
              named.filter((_, i) => seen.crowded[i]).map((f) => String(f.properties?.[nameKey])),
            );
            const missing = expected.filter((n) => !seen.rendered.includes(n));
            // A crowded place may give way, but not all of its crowd: one of them keeps a label.
            for (const n of missing.filter((m) => crowded.has(m))) {
              expected.splice(expected.indexOf(n), 1);
              missing.splice(missing.indexOf(n), 1);
              dropped.push(`${chapter.id}: ${n}`);
            }
            expect(seen.rendered.some((n) => crowded.has(n)) || crowded.size === 0, chapter.id).toBe(true);
            expect(missing, `${chapter.id}: named places in view without a label`).toEqual([]);
            // The named-places layers show the chapter's places and nothing else (a place just off
            // the edge may still show its label).
            const names = new Set(named.map((f) => String(f.properties?.[nameKey])));
            expect(
              seen.rendered.filter((n) => !names.has(n)),
              `${chapter.id}: labels not named`,
            ).toEqual([]);
            labelled += expected.length;
          }
          // Most named places are in view; a phone's narrow view may leave a few out.
          expect(labelled).toBeGreaterThan(size.width > 1000 ? 25 : 12);
          // On the desktop view no named place is crowded out.
          if (size.width > 1000) expect(dropped).toEqual([]);
          else if (dropped.length) console.log(`crowded out at ${size.width} px (${lang}): ${dropped.join('; ')}`);
          expect(errors).toEqual([]);
        });
      });
    }
});
