import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { waitIdle } from './support/pixel-diff.js';
import { useBrowser } from './support/use-browser.js';

// The default story dashes the sea route of `mic-routes` and draws its road routes solid
// (style `dashWhere: {mode: sea}`): checked in the map's paint and in the pixels along the routes.

const root = resolve(import.meta.dirname, '..');
const routes = JSON.parse(readFileSync(resolve(root, 'geo/mic-routes.geojson'), 'utf8')) as FeatureCollection;
const route = (id: string) => routes.features.find((f) => f.id === id) as Feature<LineString>;
const ROUTE_COLOR = '#D55E00';

/** Along a route on screen: share of samples in the route colour, and how often that changes. */
interface Trace {
  samples: number;
  share: number;
  changes: number;
}

/**
 * Samples the screen every pixel along the middle 70% of a line (its ends carry factory and
 * crossing dots and labels), and classifies each sample as route colour or not.
 */
async function trace(page: Page, coordinates: number[][]): Promise<Trace> {
  const { box, points } = await page.evaluate((coords) => {
    const map = document.querySelector('geo-story')!.map!;
    const r = map.getCanvas().getBoundingClientRect();
    const screen = coords.map(([lng, lat]) => map.project([lng!, lat!]));
    const all: [number, number][] = [];
    for (let i = 1; i < screen.length; i++) {
      const a = screen[i - 1]!;
      const b = screen[i]!;
      const steps = Math.max(1, Math.round(Math.hypot(b.x - a.x, b.y - a.y)));
      for (let s = 0; s < steps; s++) all.push([a.x + ((b.x - a.x) * s) / steps, a.y + ((b.y - a.y) * s) / steps]);
    }
    const cut = Math.round(all.length * 0.15);
    const box = { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
    return { box, points: all.slice(cut, all.length - cut) };
  }, coordinates);
  const png = await page.screenshot({ clip: box });
  return page.evaluate(
    async ({ b64, points, color }) => {
      const bitmap = await createImageBitmap(
        new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data, width } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const n = parseInt(color.slice(1), 16);
      const target = [n >> 16, (n >> 8) & 255, n & 255];
      const on = points.map(([x, y]) => {
        const i = (Math.round(y) * width + Math.round(x)) * 4;
        return target.every((v, k) => Math.abs(data[i + k]! - v) <= 40);
      });
      const changes = on.filter((v, i) => i > 0 && v !== on[i - 1]).length;
      return { samples: on.length, share: on.filter(Boolean).length / on.length, changes };
    },
    { b64: png.toString('base64'), points, color: ROUTE_COLOR },
  );
}

describe('a layer that dashes only some features (dashWhere)', () => {
  const withPage = useBrowser();

  it('draws the barge route dashed and the road routes solid, in the paint and on screen', async () => {
    await withPage(
      `${inject('baseUrl')}index.html?lang=en`,
      {
        width: 1280,
        height: 800,
      },
      async ({ page, errors }) => {
        await waitReady(page);
        await page.evaluate(() => document.querySelector('geo-story')!.goTo('mic-supply'));
        expect((await waitSettled(page)).visible).toEqual(['boundary', 'mic-routes']);
        // The boundary crosses the road routes, and the chapter's place names lie over them; without
        // either every pixel along them is the route's.
        await page.evaluate(() => {
          const el = document.querySelector('geo-story')!;
          el.setLayerVisible('boundary', false);
          for (const l of el.map!.getStyle().layers)
            if (l.id.startsWith('named-places::')) el.map!.setLayoutProperty(l.id, 'visibility', 'none');
        });
        await waitIdle(page);

        const paint = await page.evaluate(() => {
          const map = document.querySelector('geo-story')!.map!;
          return ['line', 'hl-line'].map((p) => map.getPaintProperty(`mic-routes::${p}`, 'line-dasharray'));
        });
        expect(paint[0]).toEqual(['case', ['==', ['get', 'mode'], 'sea'], ['literal', [3, 2]], ['literal', [1, 0]]]);
        // The highlight (6 px wide) dashes the same 7.5 px on, 5 px off.
        expect(paint[1]).toEqual([
          'case',
          ['==', ['get', 'mode'], 'sea'],
          ['literal', [(3 * 2.5) / 6, (2 * 2.5) / 6]],
          ['literal', [1, 0]],
        ]);

        const sea = await trace(page, route('mic-jiangmen-barge').geometry.coordinates);
        expect(route('mic-jiangmen-barge').properties?.mode).toBe('sea');
        // Dashes of 7.5 px and gaps of 5 px: about 60% of the samples in the colour.
        expect(sea.samples).toBeGreaterThan(80);
        expect(sea.share).toBeGreaterThan(0.3);
        expect(sea.share).toBeLessThan(0.85);
        // The pattern changes every 5 or 7.5 px; where the road route crosses or runs beside it, less often.
        expect(sea.changes).toBeGreaterThan(sea.samples / 20);
        for (const id of ['mic-huizhou-hyw', 'mic-zhaoqing-szbay', 'mic-zhuhai-hzmb']) {
          expect(route(id).properties?.mode).toBe('road');
          const road = await trace(page, route(id).geometry.coordinates);
          expect(road.samples, id).toBeGreaterThan(40);
          expect(road.share, id).toBeGreaterThan(0.9);
          expect(road.changes, id).toBeLessThanOrEqual(4);
        }
        expect(errors).toEqual([]);
      },
    );
  });

  it('keys the dashed line in the chapter legend and the layer panel, in the reader’s language', async () => {
    await withPage(
      `${inject('baseUrl')}index.html?lang=zh-Hant`,
      {
        width: 1280,
        height: 800,
      },
      async ({ page, errors }) => {
        await waitReady(page);
        const keys = await page.evaluate(() => {
          const root = document.querySelector('geo-story')!.shadowRoot!;
          const chapter = root.querySelector('[data-chapter-id="mic-supply"] [part="legend"]')!;
          const panel = root.querySelector('geo-story-layers')!.shadowRoot!;
          const dashes = (el: ParentNode) =>
            [...el.querySelectorAll('.dash-key line, .dash-key rect')].map((s) => s.getAttribute('stroke-dasharray'));
          const box = panel.querySelector('input[data-layer="mic-routes"]')!.closest('label')!;
          return {
            chapter: [...chapter.querySelectorAll('li')].map((li) => li.textContent!.trim()),
            chapterDashes: dashes(chapter),
            solid: chapter.querySelector('li:not(.dash-key) line')?.getAttribute('stroke-dasharray'),
            panel: [...panel.querySelectorAll('.dash-key')].map((k) => k.textContent!.trim()),
            panelDashes: dashes(panel),
            checkbox: box.textContent!.trim(),
            panelFollowsBox: box.nextElementSibling?.classList.contains('dash-key'),
          };
        });
        expect(keys).toEqual({
          chapter: ['組裝合成廠房、口岸及運送路線（示意）', '躉船海路（示意）', '港深界線'],
          chapterDashes: ['7.5 5'],
          solid: 'none',
          panel: ['躉船海路（示意）'],
          panelDashes: ['7.5 5'],
          checkbox: '組裝合成廠房、口岸及運送路線（示意）',
          panelFollowsBox: true,
        });
        expect(errors).toEqual([]);
      },
    );
  });
});
