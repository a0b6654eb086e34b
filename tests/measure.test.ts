import { along, length, lineString } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { LngLat } from '../src/story/types.js';
import { waitReady, waitSettled } from './support/browser.js';
import { pixelShare } from './support/pixels.js';
import { waitIdle, type Box } from './support/pixel-diff.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const FIXTURE = '/tests/fixtures/stories/reader-controls.md';
const pageUrl = (lang = 'en') => `${base}index.html?story=${encodeURIComponent(FIXTURE)}&lang=${lang}`;

/** The corridor centreline as stored, and its length by Turf: what every figure is checked against. */
const corridor = JSON.parse(
  readFileSync(new URL('../geo/corridor.geojson', import.meta.url), 'utf8'),
) as FeatureCollection;
const centreline = corridor.features.find((f) => f.id === 'centreline') as Feature<LineString>;
const TURF_METERS = length(centreline, { units: 'meters' });
const [FIRST, LAST] = [centreline.geometry.coordinates[0]!, centreline.geometry.coordinates.at(-1)!] as [
  number,
  number,
][];

/** Colour of the measured stretch along a corridor (src/map/measure-layers.ts). */
const ALONG = '#c2185b';

/** Page coordinates of [lon, lat] on the story's map (map.project plus the canvas position). */
function onPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((p) => {
    const map = document.querySelector('geo-story')!.map!;
    const r = map.getCanvas().getBoundingClientRect();
    const xy = map.project(p);
    return { x: r.x + xy.x, y: r.y + xy.y };
  }, lngLat);
}

function mapBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const r = document.querySelector('geo-story')!.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** The readout, the toggle and what the reader's measure source holds. */
function measureState(page: Page) {
  return page.evaluate(async () => {
    const el = document.querySelector('geo-story')!;
    const root = el.shadowRoot!;
    const readout = root.querySelector<HTMLElement>('[part="measure-readout"]')!;
    const source = el.map!.getSource('geo-story-measure') as import('maplibre-gl').GeoJSONSource;
    const data = (await source.getData()) as { features?: unknown[] };
    return {
      measuring: el.measuring,
      pressed: root.querySelector('[part="measure-toggle"]')!.getAttribute('aria-pressed'),
      live: readout.getAttribute('aria-live'),
      hidden: readout.hidden,
      lines: [...readout.querySelectorAll('p')].map((p) => p.textContent!),
      drawn: (data.features ?? []).length,
    };
  });
}

async function recordMeasures(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { measures: unknown[] };
    w.measures = [];
    document.querySelector('geo-story')!.addEventListener('geo-story-measure', (e) => w.measures.push(e.detail));
  });
}

const measures = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          measures: {
            straightMeters: number;
            alongMeters?: number;
            chainageMeters?: [number, number];
            layer?: string;
          }[];
        }
      ).measures,
  );

/** The figures of a line in km, as hundredths (whole numbers): "From km 0.00 to km 5.55" gives [0, 555]. */
function hundredths(line: string): number[] {
  return [...line.matchAll(/[\d,]+\.\d\d/g)].map((m) => Math.round(parseFloat(m[0].replace(/,/g, '')) * 100));
}

/** A distance in a readout line, in metres: "5.38 km", "5.38 公里", "850 m". */
function metres(line: string): number {
  const m = /([\d.,]+)\s*(km|公里|m|米)/.exec(line);
  if (!m) throw new Error(`no distance in "${line}"`);
  const n = parseFloat(m[1]!.replace(/,/g, ''));
  return m[2] === 'km' || m[2] === '公里' ? n * 1000 : n;
}

describe('measuring', () => {
  const withPage = useBrowser();

  it('measures the corridor end to end by clicking its two ends, as long as Turf says, and Escape restores the story', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      const story = await waitSettled(page);
      await recordMeasures(page);
      const toggle = page.locator('geo-story [part="measure-toggle"]');
      expect(await toggle.getAttribute('aria-label')).toBe('Measure distance (M)');
      await toggle.click();
      let state = await measureState(page);
      expect(state).toMatchObject({ measuring: true, pressed: 'true', live: 'polite', hidden: false, drawn: 0 });
      expect(state.lines[0]).toMatch(/^Click two or more points/);

      for (const end of [FIRST, LAST]) {
        const { x, y } = await onPage(page, end);
        await page.mouse.click(x, y);
      }
      await waitIdle(page);
      state = await measureState(page);
      expect(state.lines).toHaveLength(3);
      expect(state.lines[0]).toMatch(/^Straight line: [\d.]+ km$/);
      expect(state.lines[1]).toMatch(/^Along Ecological corridor: [\d.]+ km$/);
      expect(state.lines[2]).toMatch(/^From km [\d.]+ to km [\d.]+$/);
      // One rounding rule: the distance along is the difference of the two chainages as shown.
      const [along] = hundredths(state.lines[1]!);
      const [from, to] = hundredths(state.lines[2]!);
      expect(along, state.lines.join(' / ')).toBe(Math.abs(to! - from!));
      const shownAlong = metres(state.lines[1]!);
      console.log(`corridor: readout ${state.lines[1]} (${shownAlong} m), Turf ${TURF_METERS.toFixed(1)} m`);
      expect(Math.abs(shownAlong - TURF_METERS) / TURF_METERS).toBeLessThan(0.01);
      // The event carries the figures unrounded.
      const [detail] = await measures(page);
      expect(detail!.layer).toBe('corridor');
      expect(Math.abs(detail!.alongMeters! - TURF_METERS) / TURF_METERS).toBeLessThan(0.01);
      expect(detail!.chainageMeters![0]).toBeLessThan(TURF_METERS * 0.01);
      expect(detail!.chainageMeters![1]).toBeGreaterThan(TURF_METERS * 0.99);
      expect(detail!.straightMeters).toBeLessThan(detail!.alongMeters!);
      // Drawn: the path, the stretch along the corridor, its two ends and both handles; pink on the map.
      expect(state.drawn).toBe(6);
      const box = await mapBox(page);
      expect((await pixelShare(page, box, { along: ALONG }, 10)).along).toBeGreaterThan(0.002);

      // The reader wanders off; Escape ends measuring and gives the map back to the story.
      await page.evaluate(() => document.querySelector('geo-story')!.map!.jumpTo({ center: [114.4, 22.4], zoom: 11 }));
      await page.keyboard.press('Escape');
      state = await measureState(page);
      expect(state).toMatchObject({ measuring: false, pressed: 'false', hidden: true, drawn: 0 });
      const back = await waitSettled(page);
      expect(back.center[0]).toBeCloseTo(story.center[0], 4);
      expect(back.center[1]).toBeCloseTo(story.center[1], 4);
      expect(back.zoom).toBeCloseTo(story.zoom, 2);
      expect(back.visible).toEqual(story.visible);
      expect(errors).toEqual([]);
    });
  });

  it('gives only the straight distance off the corridor, and leaves with the toggle', async () => {
    await withPage(pageUrl('zh-Hant'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const toggle = page.locator('geo-story [part="measure-toggle"]');
      expect(await toggle.getAttribute('aria-label')).toBe('量度距離（M）');
      await toggle.click();
      const box = await mapBox(page);
      // Two points well away from every line: the sea corner of the map and a point near it.
      await page.mouse.click(box.x + box.width - 80, box.y + box.height - 120);
      await page.mouse.click(box.x + box.width - 200, box.y + box.height - 120);
      const state = await measureState(page);
      expect(state.lines).toHaveLength(1);
      expect(state.lines[0]).toMatch(/^直線距離：[\d.,]+ (公里|米)$/);
      await toggle.click();
      expect(await measureState(page)).toMatchObject({ measuring: false, pressed: 'false', hidden: true, drawn: 0 });
      expect(errors).toEqual([]);
    });
  });

  it('works from the keyboard: M enters, Enter adds the map centre, Backspace removes, Escape leaves', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      await page.evaluate(() => document.querySelector('geo-story')!.map!.getCanvas().focus());
      await page.keyboard.press('m');
      expect((await measureState(page)).measuring).toBe(true);
      await page.evaluate(
        ([lng, lat]) => document.querySelector('geo-story')!.map!.jumpTo({ center: [lng!, lat!] }),
        FIRST,
      );
      await page.keyboard.press('Enter');
      await page.evaluate(
        ([lng, lat]) => document.querySelector('geo-story')!.map!.jumpTo({ center: [lng!, lat!] }),
        LAST,
      );
      await page.keyboard.press('Enter');
      let state = await measureState(page);
      expect(Math.abs(metres(state.lines[1]!) - TURF_METERS) / TURF_METERS).toBeLessThan(0.01);
      await page.keyboard.press('Backspace');
      state = await measureState(page);
      expect(state.lines[0]).toMatch(/^Click two or more points/);
      await page.keyboard.press('Escape');
      expect((await measureState(page)).measuring).toBe(false);
      await page.keyboard.press('M');
      expect((await measureState(page)).measuring).toBe(true);
      await page.keyboard.press('M');
      expect((await measureState(page)).measuring).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it('measure(points) returns the figures the geo-story-measure event carries', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      await recordMeasures(page);
      const result = await page.evaluate(
        ([a, b]) => document.querySelector('geo-story')!.measure([a!, b!]),
        [FIRST, LAST],
      );
      expect(result.alongMeters).toBeCloseTo(TURF_METERS, 3);
      expect(result.chainageMeters![0]).toBe(0);
      expect(result.chainageMeters![1]).toBeCloseTo(TURF_METERS, 3);
      expect(result.layer).toBe('corridor');
      expect(await measures(page)).toEqual([result]);
      // Shown on the map and in the readout too.
      expect((await measureState(page)).lines[1]).toBe('Along Ecological corridor: 5.55 km');
      // With the corridor layer hidden there is nothing to snap to.
      const off = await page.evaluate(
        ([a, b]) => {
          const el = document.querySelector('geo-story')!;
          el.setLayerVisible('corridor', false);
          return el.measure([a!, b!]);
        },
        [FIRST, LAST],
      );
      expect(Object.keys(off)).toEqual(['straightMeters']);
      expect(off.straightMeters).toBeCloseTo(result.straightMeters, 6);
      expect(errors).toEqual([]);
    });
  });

  it('shows a chapter’s declared measurement in its text and on the map, in both languages', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const text = () =>
        page.evaluate(() =>
          document
            .querySelector('geo-story')!
            .shadowRoot!.querySelector('[data-chapter-id="corridor"] [part="chapter-measure"]')!
            .textContent!.trim(),
        );
      expect(await text()).toMatch(
        /^Measured along Ecological corridor: 5\.55 km, from km 0\.00 to km 5\.55; [\d.]+ km in a straight line\.$/,
      );
      expect(Math.abs(metres(await text()) - TURF_METERS)).toBeLessThan(10);
      const box = await mapBox(page);
      expect((await pixelShare(page, box, { along: ALONG }, 10)).along).toBeGreaterThan(0.001);
      await page.locator('geo-story').getByRole('button', { name: '繁體中文' }).click();
      expect(await text()).toMatch(
        /^沿生態廊道量度：5\.55 公里，由0\.00 公里處至5\.55 公里處；直線距離 [\d.]+ 公里。$/,
      );
      // The next chapter declares none: gone from the map.
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('bay'));
      await waitSettled(page);
      await page.evaluate(() =>
        document.querySelector('geo-story')!.map!.jumpTo({ center: [114.2, 22.562], zoom: 12.5 }),
      );
      await waitIdle(page);
      expect((await pixelShare(page, box, { along: ALONG }, 10)).along).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it('measures between two named points of the layer: the robins-nest chapter of the default story', async () => {
    const story = readFileSync(new URL('../stories/gba-cooperation.md', import.meta.url), 'utf8');
    expect(story).toMatch(
      /measure:\n {2}layer: corridor\n {2}feature: centreline\n {2}from: boundary-saddle\n {2}to: robins-nest-summit\n/,
    );
    // The boundary saddle is a vertex of the centreline, so Turf measures the stretch on its own.
    const coords = centreline.geometry.coordinates;
    const saddlePoint = (corridor.features.find((f) => f.id === 'boundary-saddle') as Feature<Point>).geometry
      .coordinates;
    const saddle = coords.findIndex(([lon, lat]) => lon === saddlePoint[0] && lat === saddlePoint[1]);
    expect(saddle).toBeGreaterThan(0);
    const fromMeters = length(lineString(coords.slice(0, saddle + 1)), { units: 'meters' });
    const alongMeters = length(lineString(coords.slice(saddle)), { units: 'meters' });
    await withPage(`${base}index.html?lang=en`, async ({ page, errors }) => {
      await waitReady(page);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('robins-nest'));
      await waitSettled(page);
      await waitIdle(page);
      const text = await page.evaluate(() =>
        document
          .querySelector('geo-story')!
          .shadowRoot!.querySelector('[data-chapter-id="robins-nest"] [part="chapter-measure"]')!
          .textContent!.trim(),
      );
      const m =
        /^Measured along Wutongshan - Robin's Nest ecological corridor: ([\d.]+) km, from km ([\d.]+) to km ([\d.]+); ([\d.]+) km in a straight line\.$/.exec(
          text,
        );
      expect(m, text).not.toBeNull();
      const [along, from, to, straight] = m!.slice(1).map((n) => parseFloat(n) * 1000) as [
        number,
        number,
        number,
        number,
      ];
      expect(Math.round(along / 10), text).toBe(Math.round(to / 10) - Math.round(from / 10));
      expect(Math.abs(along - alongMeters)).toBeLessThan(10);
      expect(Math.abs(from - fromMeters)).toBeLessThan(10);
      expect(Math.abs(to - TURF_METERS)).toBeLessThan(10);
      expect(straight).toBeLessThan(along);
      const box = await mapBox(page);
      expect((await pixelShare(page, box, { along: ALONG }, 10)).along).toBeGreaterThan(0.0005);
      expect(errors).toEqual([]);
    });
  });

  it('gives figures that agree where rounding each on its own would not: along = to - from, as shown', async () => {
    // Chainages 4 m and ...6 m: on their own they round to km 0.00 and up, their difference (…2 m) down.
    const toMeters = Math.floor(TURF_METERS / 10) * 10 - 4;
    const ends = [4, toMeters].map((m) => along(centreline, m, { units: 'meters' }).geometry.coordinates);
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const detail = await page.evaluate((pts) => document.querySelector('geo-story')!.measure(pts), ends as LngLat[]);
      expect(Math.round(detail.alongMeters! / 10)).not.toBe(
        Math.round(detail.chainageMeters![1] / 10) - Math.round(detail.chainageMeters![0] / 10),
      );
      const { lines } = await measureState(page);
      const [shown] = hundredths(lines[1]!);
      const [from, to] = hundredths(lines[2]!);
      expect(from).toBe(0);
      expect(shown, lines.join(' / ')).toBe(to! - from!);
      expect(errors).toEqual([]);
    });
  });

  it('moves the readout off a measured point that lies under it, also when the map is moved', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      await page.locator('geo-story [part="measure-toggle"]').click();
      /** The readout's box and corner, and where each measured point is on the page. */
      const where = (points: [number, number][]) =>
        page.evaluate((pts) => {
          const el = document.querySelector('geo-story')!;
          const readout = el.shadowRoot!.querySelector<HTMLElement>('[part="measure-readout"]')!;
          const r = readout.getBoundingClientRect();
          const c = el.map!.getCanvas().getBoundingClientRect();
          const at = pts.map((p) => el.map!.project(p)).map((p) => ({ x: c.x + p.x, y: c.y + p.y }));
          return {
            box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
            dock: readout.dataset.dock,
            at,
          };
        }, points);
      const under = (box: { left: number; right: number; top: number; bottom: number }, p: { x: number; y: number }) =>
        p.x > box.left - 12 && p.x < box.right + 12 && p.y > box.top - 12 && p.y < box.bottom + 12;
      // A path from the middle of the map to the point under the middle of the readout.
      const ends = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const map = el.map!;
        const r = el.shadowRoot!.querySelector('[part="measure-readout"]')!.getBoundingClientRect();
        const c = map.getCanvas().getBoundingClientRect();
        const u = map.unproject([(r.left + r.right) / 2 - c.x, (r.top + r.bottom) / 2 - c.y]);
        const m = map.getCenter();
        return [
          [m.lng, m.lat],
          [u.lng, u.lat],
        ] as [number, number][];
      });
      expect((await where(ends)).dock).toBe('top-right');
      await page.evaluate((pts) => document.querySelector('geo-story')!.measure(pts), ends);
      let seen = await where(ends);
      expect(seen.dock).not.toBe('top-right');
      for (const p of seen.at) expect(under(seen.box, p), JSON.stringify(seen)).toBe(false);
      // The reader drags the map so that the far end comes under the readout's new place: it moves again.
      const before = seen.dock;
      const far = seen.at[1]!;
      const target = { x: (seen.box.left + seen.box.right) / 2, y: (seen.box.top + seen.box.bottom) / 2 };
      await page.evaluate(
        ([dx, dy]) => document.querySelector('geo-story')!.map!.panBy([dx!, dy!], { animate: false }),
        [far.x - target.x, far.y - target.y],
      );
      seen = await where(ends);
      expect(seen.dock).not.toBe(before);
      for (const p of seen.at) expect(under(seen.box, p), JSON.stringify(seen)).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it('is usable at 390 px: the toggle is not under the cards, and the cards step aside while measuring', async () => {
    await withPage(pageUrl('en'), { width: 390, height: 800 }, async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      await page.locator('geo-story [part="measure-toggle"]').click();
      // The chapter's centre and zoom were framed for a wide screen: at 390 px one end of the
      // corridor lies off the map, so the reader first moves the map to show both ends below the
      // readout, which tells them what to do in the map's top right.
      await page.evaluate(
        ([a, b]) => {
          const map = document.querySelector('geo-story')!.map!;
          const box: [[number, number], [number, number]] = [
            [Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!)],
            [Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!)],
          ];
          // The chapter's padding keeps clear of its card, which steps aside while measuring.
          map.setPadding({ top: 0, right: 0, bottom: 0, left: 0 });
          map.fitBounds(box, { padding: { top: 320, bottom: 80, left: 80, right: 80 }, animate: false });
        },
        [FIRST, LAST],
      );
      for (const end of [FIRST, LAST]) {
        const { x, y } = await onPage(page, end);
        await page.mouse.click(x, y);
      }
      const state = await measureState(page);
      expect(Math.abs(metres(state.lines[1]!) - TURF_METERS) / TURF_METERS).toBeLessThan(0.01);
      const readout = await page.evaluate(() => {
        const r = document
          .querySelector('geo-story')!
          .shadowRoot!.querySelector('[part="measure-readout"]')!
          .getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(readout.left).toBeGreaterThanOrEqual(0);
      expect(readout.right).toBeLessThanOrEqual(390);
      await page.keyboard.press('Escape');
      const cards = await page.evaluate(
        () => getComputedStyle(document.querySelector('geo-story')!.shadowRoot!.querySelector('.text')!).visibility,
      );
      expect(cards).toBe('visible');
      expect(errors).toEqual([]);
    });
  });
});
