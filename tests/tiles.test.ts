import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, LineString, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tileGeoJson } from '../scripts/build-tiles.js';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

// Each run builds its own archive with the tiling script, into the git-ignored tests/.output/.
const DIR = 'tests/.output/tiles';
const base = inject('baseUrl');
const pageUrl = (story: string) => `${base}index.html?story=${encodeURIComponent(`/${DIR}/${story}`)}`;
const COLOR = '#c2185b';

/** Lots in a grid of GRID x GRID, SPACING degrees apart from 114.00 E, 22.20 N: lot-0 to lot-63. */
const GRID = 8;
const SPACING = 0.06;
const centre = (i: number): [number, number] => [114 + (i % GRID) * SPACING, 22.2 + Math.floor(i / GRID) * SPACING];

/** A lot: a many-sided polygon (so the archive is far bigger than what one view needs) with a text id. */
function lot(i: number): Feature<Polygon> {
  const [lon, lat] = centre(i);
  const ring = Array.from({ length: 1500 }, (_, k) => {
    const a = (k / 1500) * 2 * Math.PI;
    return [lon + 0.006 * Math.cos(a) * (1 + 0.05 * Math.sin(9 * a)), lat + 0.005 * Math.sin(a)];
  });
  return {
    type: 'Feature',
    id: `lot-${i}`,
    properties: { name_en: `Lot ${i}`, name_zh_hant: `地段${i}` },
    geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] },
  };
}

const LOTS: FeatureCollection = {
  type: 'FeatureCollection',
  features: Array.from({ length: GRID * GRID }, (_, i) => lot(i)),
};

/** A straight road between the first two rows of lots, inside one zoom 12 tile (114.258 to 114.346 E). */
const ROAD: [[number, number], [number, number]] = [
  [114.27, 22.215],
  [114.34, 22.215],
];
const ROADS: FeatureCollection<LineString> = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'road-1',
      properties: { name_en: 'Road 1', name_zh_hant: '一號路' },
      geometry: { type: 'LineString', coordinates: ROAD },
    },
  ],
};

const story = (id: string, layers: string, chapterLayers: string, highlight = '') => `---
id: ${id}
title: {zh-Hant: 圖塊地段, en: Tiled lots}
defaultLang: en
layers:
${layers}---

\`\`\`chapter
id: lots
title: {zh-Hant: 地段, en: Lots}
camera: {center: [${(centre(5)[0] + SPACING / 2).toFixed(3)}, ${centre(5)[1]}], zoom: 12}
layers: [${chapterLayers}]
${highlight}\`\`\`

:::zh-Hant
地段圖塊。
:::

:::en
The lots, from tiles.
:::
`;

const tiledLayer = (
  id: string,
  file: string,
  sourceLayer = 'lots',
  title = '{zh-Hant: 地段, en: Lots}',
  color = COLOR,
) =>
  `  - id: ${id}\n    file: ${file}\n    source-layer: ${sourceLayer}\n    title: ${title}\n    style: {color: '${color}', fillOpacity: 0.5}\n`;

let archiveSize = 0;

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  const archive = tileGeoJson(LOTS, { minZoom: 0, maxZoom: 14, layer: 'lots', attribution: 'Test lots' });
  archiveSize = archive.length;
  writeFileSync(resolve(DIR, 'lots.pmtiles'), archive);
  writeFileSync(resolve(DIR, 'norange.pmtiles'), archive);
  writeFileSync(
    resolve(DIR, 'roads.pmtiles'),
    tileGeoJson(ROADS, { minZoom: 0, maxZoom: 14, layer: 'roads', attribution: 'Test roads' }),
  );
  writeFileSync(
    resolve(DIR, 'lots.md'),
    story(
      'tiled-lots',
      tiledLayer('lots', 'lots.pmtiles') +
        tiledLayer('roads', 'roads.pmtiles', 'roads', '{zh-Hant: 道路, en: Roads}', '#1565c0'),
      'lots, roads',
      'highlight: {lots: [lot-5]}\n',
    ),
  );
  writeFileSync(
    resolve(DIR, 'broken.md'),
    story(
      'broken-tiles',
      tiledLayer('norange', 'norange.pmtiles') + tiledLayer('gone', 'gone.pmtiles'),
      'norange, gone',
    ),
  );
});

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** The average colour of a 6 x 6 px box of the page around the map point `lngLat`. */
async function colourAt(page: Page, lngLat: [number, number]): Promise<{ r: number; g: number; b: number }> {
  const at = await page.evaluate((p) => {
    const el = document.querySelector('geo-story')!;
    const rect = el.map!.getContainer().getBoundingClientRect();
    const { x, y } = el.map!.project(p);
    return { x: rect.x + x, y: rect.y + y };
  }, lngLat);
  const png = await page.screenshot({ clip: { x: at.x - 3, y: at.y - 3, width: 6, height: 6 } });
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const sum = { r: 0, g: 0, b: 0 };
    for (let i = 0; i < data.length; i += 4) {
      sum.r += data[i]!;
      sum.g += data[i + 1]!;
      sum.b += data[i + 2]!;
    }
    const n = data.length / 4;
    return { r: sum.r / n, g: sum.g / n, b: sum.b / n };
  }, png.toString('base64'));
}

/** How far a colour leans to the layer's magenta: red over green. */
const magenta = (c: { r: number; g: number }) => c.r - c.g;

describe('<geo-story> with a layer drawn from a PMTiles archive', () => {
  const withPage = useBrowser();

  it('draws the tiles in view from byte ranges of the archive, highlights a lot by its text id, and toggles from the panel', async () => {
    await withPage(pageUrl('lots.md'), async ({ page, errors }) => {
      const ranges: { range: string | undefined; status: number; bytes: number }[] = [];
      page.on('response', (response) => {
        if (!response.url().endsWith('/lots.pmtiles')) return;
        ranges.push({
          range: response.request().headers()['range'],
          status: response.status(),
          bytes: Number(response.headers()['content-length'] ?? Infinity),
        });
      });
      await waitReady(page);
      const state = await waitSettled(page);
      expect(state.visible).toEqual(['lots', 'roads']);

      // Pixels: both lots in view are drawn in the layer's colour, the highlighted one (lot-5) more strongly.
      const highlighted = await colourAt(page, centre(5));
      const plain = await colourAt(page, centre(6));
      const ground = await colourAt(page, [centre(5)[0] + SPACING / 2, centre(5)[1] + SPACING / 2]);
      expect(magenta(plain)).toBeGreaterThan(magenta(ground) + 40);
      expect(magenta(highlighted)).toBeGreaterThan(magenta(plain) + 10);

      // The highlight draws exactly the lot named by its text id.
      const shown = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const ids = (layer: string) =>
          el.map!.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties['__geo_story_id']));
        return {
          highlighted: [...new Set(ids('lots::hl-fill'))],
          drawn: new Set(ids('lots::fill')).size,
          geometry: el.layers.find((l) => l.id === 'lots')?.geometry,
          attribution: el.shadowRoot!.querySelector('.maplibregl-ctrl-attrib')!.textContent,
        };
      });
      expect(shown.highlighted).toEqual(['lot-5']);
      expect(shown.drawn).toBeGreaterThan(1);
      expect(shown.drawn).toBeLessThan(GRID * GRID);
      // The legend's kind comes from the archive's metadata: a polygon swatch.
      expect(shown.geometry).toEqual(['polygon']);
      expect(shown.attribution).toContain('Test lots');

      // Only byte ranges of the archive were fetched, each answered with 206, far less than the whole file.
      expect(ranges.length).toBeGreaterThan(2);
      for (const r of ranges) {
        expect(r.range).toMatch(/^bytes=\d+-\d+$/);
        expect(r.status).toBe(206);
      }
      const fetched = ranges.reduce((sum, r) => sum + r.bytes, 0);
      expect(fetched).toBeLessThan(archiveSize / 2);

      // Measuring snaps to a line of a tiled layer, taken from the tiles on show.
      await page.evaluate(() => {
        const w = window as unknown as { measured: unknown[] };
        w.measured = [];
        document.querySelector('geo-story')!.addEventListener('geo-story-measure', (e) => w.measured.push(e.detail));
      });
      await page.locator('geo-story [part="measure-toggle"]').click();
      for (const end of [
        [ROAD[0][0] + 0.005, ROAD[0][1]],
        [ROAD[1][0] - 0.005, ROAD[1][1]],
      ] as [number, number][]) {
        const at = await page.evaluate((p) => {
          const map = document.querySelector('geo-story')!.map!;
          const r = map.getCanvas().getBoundingClientRect();
          const xy = map.project(p);
          return { x: r.x + xy.x, y: r.y + xy.y };
        }, end);
        await page.mouse.click(at.x, at.y);
      }
      // The second click ends a path of two points: its figures arrive with an event.
      await page.waitForFunction(() => (window as unknown as { measured: unknown[] }).measured.length > 0);
      const measured = await page.evaluate(() => {
        const readout = document.querySelector('geo-story')!.shadowRoot!.querySelector('[part="measure-readout"]')!;
        return {
          lines: [...readout.querySelectorAll('p')].map((p) => p.textContent!),
          detail: (
            window as unknown as { measured: { straightMeters: number; alongMeters?: number; layer?: string }[] }
          ).measured,
        };
      });
      expect(measured.lines[1]).toMatch(/^Along Roads: [\d.]+ km$/);
      const last = measured.detail.at(-1)!;
      expect(last.layer).toBe('roads');
      expect(Math.abs(last.alongMeters! - last.straightMeters)).toBeLessThan(last.straightMeters * 0.01);
      await page.keyboard.press('Escape');
      await waitSettled(page);

      // The reader turns the layer off from the panel: the lots are gone from the pixels.
      await page.locator('geo-story').locator('geo-story-layers').locator('button.toggle').click();
      await page.locator('geo-story').locator('geo-story-layers').locator('input[data-layer="lots"]').click();
      await page.waitForFunction(
        () => document.querySelector('geo-story')!.map!.getLayoutProperty('lots::fill', 'visibility') === 'none',
      );
      await waitSettled(page);
      expect(magenta(await colourAt(page, centre(6)))).toBeLessThan(magenta(ground) + 10);
      expect(errors).toEqual([]);
    });
  });

  it('says why an archive cannot be read: a host without range requests, a missing file', async () => {
    const whole = readFileSync(resolve(DIR, 'norange.pmtiles'));
    await withPage(pageUrl('broken.md'), { httpErrors: false }, async ({ page }) => {
      // A host that ignores Range and sends the whole file with 200.
      await page.route('**/norange.pmtiles', (route) =>
        route.fulfill({ status: 200, body: whole, headers: { 'content-type': 'application/octet-stream' } }),
      );
      await page.reload();
      await waitReady(page);
      const shown = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return {
          problems: el.shadowRoot!.querySelector('[part="problems"]')?.textContent ?? '',
          summaries: el.layers.map((l) => ({ id: l.id, visible: l.visible, unavailable: l.unavailable ?? '' })),
        };
      });
      expect(shown.problems).toMatch(
        /broken\.md:\d+: error: layers\.norange\.file: norange\.pmtiles: the server sent the whole file instead of the part asked for; a PMTiles archive needs a host that answers HTTP range requests/,
      );
      expect(shown.problems).toMatch(/broken\.md:\d+: error: layers\.gone\.file: file not found: gone\.pmtiles/);
      expect(shown.summaries).toEqual([
        { id: 'norange', visible: false, unavailable: 'Unavailable: the layer file could not be loaded' },
        { id: 'gone', visible: false, unavailable: 'Unavailable: the layer file could not be loaded' },
      ]);
    });
  });
});
