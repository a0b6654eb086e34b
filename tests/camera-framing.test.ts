import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { resolveChapterMeasure } from '../src/geo/chapter-measure.js';
import { parseStory } from '../src/story/parse.js';
import { BASEMAP_PLACES, type Chapter, type Story } from '../src/story/types.js';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const root = resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(resolve(root, file), 'utf8');

function load(file: string): Story {
  return parseStory(read(file), file).story!;
}

/** Every position of a geometry. */
function positions(geometry: Geometry | null): Position[] {
  if (!geometry) return [];
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(positions);
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'LineString' || geometry.type === 'MultiPoint') return geometry.coordinates;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiLineString') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
}

/**
 * A chapter's subject, as the positions that must show: what its camera fits and its highlighted
 * features; when it has neither, the places its text names.
 */
function subject(story: Story, chapter: Chapter, storyFile: string): Position[] {
  const layerData = (id: string) =>
    JSON.parse(read(resolve(root, storyFile, '..', story.layers.find((l) => l.id === id)!.file))) as FeatureCollection;
  const features = (layer: string, ids?: readonly (string | number)[]) =>
    layerData(layer).features.filter(
      (f: Feature) => !ids || ids.some((id) => f.id === id || String(f.id) === String(id)),
    );
  const camera = chapter.camera;
  const highlighted = Object.entries(chapter.highlight).flatMap(([layer, ids]) =>
    features(layer, ids).flatMap((f) => positions(f.geometry)),
  );
  if (camera.kind === 'fit')
    return camera.fit
      .flatMap((target): Position[] => {
        if (target.kind === 'bbox') {
          const [w, s, e, n] = target.bbox;
          return [
            [w, s],
            [e, n],
          ];
        }
        if (target.kind === 'measure')
          return resolveChapterMeasure(target.measure, layerData(target.measure.layer))!.slice.coordinates.flat();
        return features(target.layer, target.feature === undefined ? undefined : [target.feature]).flatMap((f) =>
          positions(f.geometry),
        );
      })
      .concat(highlighted);
  if (highlighted.length > 0) return highlighted;
  const labels = JSON.parse(read('geo/basemap/labels.geojson')) as FeatureCollection;
  return Object.entries(chapter.places).flatMap(([layer, ids]) =>
    (layer === BASEMAP_PLACES
      ? labels.features.filter((f) => ids.includes(f.properties!['label_id'] as string))
      : features(layer, ids)
    ).flatMap((f) => positions(f.geometry)),
  );
}

interface Placement {
  map: { left: number; top: number; right: number; bottom: number };
  card: { left: number; top: number; right: number; bottom: number };
  /** The controls over the map: the chapter navigation, the layer panel's button, the credits when open. */
  controls: { left: number; top: number; right: number; bottom: number }[];
  /** Each subject position on the page, in CSS pixels. */
  points: [number, number][];
}

/** Where the map box, the current chapter's card and the subject's positions lie on the page. */
function placement(page: Page, index: number, lngLats: Position[]): Promise<Placement> {
  return page.evaluate(
    ([i, points]) => {
      const el = document.querySelector('geo-story')!;
      const map = el.map!;
      const box = el.shadowRoot!.querySelector('.map-box')!.getBoundingClientRect();
      const card = el.shadowRoot!.querySelectorAll('[data-chapter-id]')[i]!.getBoundingClientRect();
      const canvas = map.getContainer().getBoundingClientRect();
      const rect = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      const nav = el.shadowRoot!.querySelector('.overlay .story-nav')!;
      const toggle = el.shadowRoot!.querySelector('geo-story-layers')!.shadowRoot!.querySelector('.toggle')!;
      return {
        map: rect(box),
        card: rect(card),
        controls: [nav, toggle, el.shadowRoot!.querySelector('.maplibregl-ctrl-attrib[open]')]
          .filter((c) => !!c)
          .map((c) => rect(c.getBoundingClientRect())),
        points: points.map((p) => {
          const at = map.project([p[0]!, p[1]!]);
          return [canvas.left + at.x, canvas.top + at.y] as [number, number];
        }),
      };
    },
    [index, lngLats] as const,
  );
}

/** The subject positions that fall outside the map box, under the card or under a control. */
function misplaced({ map, card, controls, points }: Placement): string[] {
  const slack = 1;
  type Box = Placement['card'];
  const under = (x: number, y: number, b: Box) => x > b.left && x < b.right && y > b.top && y < b.bottom;
  return points.flatMap(([x, y]) => {
    const outside = x < map.left - slack || x > map.right + slack || y < map.top - slack || y > map.bottom + slack;
    const where = outside
      ? 'off the map'
      : under(x, y, card)
        ? 'under the card'
        : controls.some((c) => under(x, y, c))
          ? 'under a control'
          : '';
    return where ? [`${where} at (${x.toFixed(0)}, ${y.toFixed(0)})`] : [];
  });
}

const base = inject('baseUrl');
const SIZES = [
  { name: 'a phone, portrait', width: 390, height: 844 },
  { name: 'a phone, landscape', width: 844, height: 390 },
  { name: 'a laptop', width: 1280, height: 800 },
];

describe('the room the card takes follows the size of the map', () => {
  const withPage = useBrowser();
  const file = 'tests/fixtures/stories/framing.md';
  const story = load(file);

  it('frames the subject clear of the card again when a phone turns from landscape to portrait', async () => {
    const url = `${base}index.html?lang=en&story=${encodeURIComponent(`/${file}`)}`;
    await withPage(url, { width: 844, height: 390 }, async ({ page, errors }) => {
      await waitReady(page);
      const index = story.chapters.findIndex((c) => c.id === 'two-features');
      await page.evaluate((i) => document.querySelector('geo-story')!.goTo(i), index);
      await waitSettled(page);
      await page.setViewportSize({ width: 390, height: 844 });
      // The card now lies over a full-width map; wait for the camera to have moved for it.
      await page.waitForFunction(
        () => {
          const padding = document.querySelector('geo-story')!.map!.getPadding();
          return Math.max(padding.top ?? 0, padding.bottom ?? 0) > 100;
        },
        undefined,
        { timeout: 10_000 },
      );
      await page.evaluate((i) => document.querySelector('geo-story')!.goTo(i), index);
      await waitSettled(page);
      const found = misplaced(await placement(page, index, subject(story, story.chapters[index]!, file)));
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});

describe('each chapter frames its subject clear of the chapter card and the controls over the map', () => {
  const withPage = useBrowser();

  for (const [file, story] of [
    ['stories/gba-cooperation.md', load('stories/gba-cooperation.md')],
    ['tests/fixtures/stories/framing.md', load('tests/fixtures/stories/framing.md')],
  ] as const) {
    for (const size of SIZES) {
      it(`${story.id} on ${size.name} (${size.width}x${size.height})`, async () => {
        const url = `${base}index.html?lang=en&story=${encodeURIComponent(`/${file}`)}`;
        await withPage(url, { width: size.width, height: size.height }, async ({ page, errors }) => {
          await waitReady(page);
          const wrong: Record<string, string[]> = {};
          for (const [index, chapter] of story.chapters.entries()) {
            await page.evaluate((i) => document.querySelector('geo-story')!.goTo(i), index);
            await waitSettled(page);
            const found = misplaced(await placement(page, index, subject(story, chapter, file)));
            if (found.length > 0) wrong[chapter.id] = [`${found.length} positions`, ...found.slice(0, 3)];
          }
          expect(wrong).toEqual({});
          expect(errors).toEqual([]);
        });
      });
    }
  }
});
