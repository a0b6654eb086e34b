import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { changedPixels, snapshot, type Box } from './support/pixel-diff.js';
import { pixelShare } from './support/pixels.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const COUNT = 20;
const POOL_SIZE = 6;

/**
 * Installed before any page script: counts every WebGL context the page creates that is still
 * alive, and samples the highest count each frame, so a moment over the limit cannot slip by.
 */
const INIT = () => {
  const w = window as unknown as Record<string, unknown>;
  const contexts = new Set<WebGLRenderingContext>();
  const getContext = HTMLCanvasElement.prototype.getContext;
  let peak = 0;
  const live = () => [...contexts].filter((c) => !c.isContextLost()).length;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const ctx = (getContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    if (ctx && /webgl/.test(type)) contexts.add(ctx as WebGLRenderingContext);
    peak = Math.max(peak, live());
    return ctx;
  } as typeof getContext;
  const sample = () => {
    peak = Math.max(peak, live());
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
  w.__contexts = () => ({ live: live(), peak, made: contexts.size });
  // Every map of the page should share one pool of MapLibre workers.
  let workers = 0;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      workers++;
    }
  };
  w.__workers = () => workers;
};

type Contexts = { live: number; peak: number; made: number };
const contexts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __contexts: () => Contexts }).__contexts());

/** Brings element `i` to the top of the window and waits until its own map is live, loaded and still. */
async function showAndSettle(page: Page, i: number): Promise<void> {
  await page.evaluate((i) => document.querySelector(`#s${i}`)!.scrollIntoView({ block: 'start' }), i);
  await page.waitForFunction(
    (i) => {
      const el = document.querySelector(`#s${i}`) as HTMLElementTagNameMap['geo-story'];
      const map = el.map;
      const still = el.shadowRoot!.querySelector('canvas.still');
      return !!map && map.loaded() && !map.isMoving() && !still && map.getCanvas().isConnected;
    },
    i,
    { timeout: 60_000 },
  );
  // One more frame after the last move, drawn and composited.
  await page.evaluate(
    (i) =>
      new Promise<void>((resolve) => {
        const map = (document.querySelector(`#s${i}`) as HTMLElementTagNameMap['geo-story']).map!;
        map.once('idle', () => requestAnimationFrame(() => resolve()));
        map.triggerRepaint();
      }),
    i,
  );
}

/** The element's map box, in page pixels. */
async function mapBox(page: Page, i: number): Promise<Box> {
  return page.evaluate((i) => {
    const el = document.querySelector(`#s${i}`)!;
    const r = el.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, i);
}

/** What each element says about its chapter and camera. */
async function state(page: Page, i: number) {
  return page.evaluate((i) => {
    const el = document.querySelector(`#s${i}`) as HTMLElementTagNameMap['geo-story'];
    const c = el.map!.getCenter();
    return { chapterIndex: el.chapterIndex, center: [c.lng, c.lat], zoom: el.map!.getZoom() };
  }, i);
}

describe('twenty stories on one page', () => {
  const withPage = useBrowser();

  it('scrolled first to last and back: every map drawn in its own chapter, never more live WebGL contexts than the pool', async () => {
    const url = `${base}tests/fixtures/pages/twenty.html`;
    await withPage(url, { init: INIT, width: 900, height: 700 }, async ({ page, errors }) => {
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (/too many active webgl contexts|context lost/i.test(m.text())) warnings.push(m.text());
      });
      // Text for every element at once, before any map is built for the far ones.
      await page.waitForFunction(
        (n) =>
          // The chapters, not the heading: the heading shows "Loading the story…" before the story is there.
          [...document.querySelectorAll('geo-story')].filter((el) => el.shadowRoot?.querySelector('[data-chapter-id]'))
            .length === n,
        COUNT,
      );
      const far = await page.evaluate(() => {
        const el = document.querySelector('#s19') as HTMLElementTagNameMap['geo-story'];
        return { map: !!el.map, status: el.shadowRoot!.querySelector('.status')?.textContent?.trim() };
      });
      expect(far).toEqual({ map: false, status: 'The map appears when you scroll here' });

      const first = new Map<number, { shot: Buffer; state: Awaited<ReturnType<typeof state>> }>();
      for (let i = 0; i < COUNT; i++) {
        await showAndSettle(page, i);
        // Each element to a chapter of its own, so a rebuilt map has a state to get right.
        const chapter = i % 3;
        if (chapter > 0) {
          await page.evaluate(
            ([i, c]) => (document.querySelector(`#s${i}`) as HTMLElementTagNameMap['geo-story']).goTo(c!),
            [i, chapter],
          );
          await showAndSettle(page, i);
        }
        const s = await state(page, i);
        expect(s.chapterIndex).toBe(chapter);
        const box = await mapBox(page, i);
        const shares = await pixelShare(page, box, { sea: '#cfe2ee', land: '#f3f0e8' });
        expect(shares.sea + shares.land, `element ${i}: basemap drawn`).toBeGreaterThan(0.1);
        first.set(i, { shot: await snapshot(page, box), state: s });
        await page.evaluate((i) => {
          const w = window as unknown as { __firstMaps?: unknown[] };
          (w.__firstMaps ??= [])[i] = (document.querySelector(`#s${i}`) as HTMLElementTagNameMap['geo-story']).map;
        }, i);
        expect((await contexts(page)).live).toBeLessThanOrEqual(POOL_SIZE);
      }

      // Far above now, the first element has given its map back and shows a still image of it.
      const still = await page.evaluate(async () => {
        const el = document.querySelector('#s0') as HTMLElementTagNameMap['geo-story'];
        const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.still');
        if (!canvas) return { map: !!el.map, image: false, basemap: 0 };
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        // The land colour of the basemap, #f3f0e8.
        let land = 0;
        for (let p = 0; p < data.length; p += 4)
          if (Math.abs(data[p]! - 0xf3) + Math.abs(data[p + 1]! - 0xf0) + Math.abs(data[p + 2]! - 0xe8) < 24) land++;
        return { map: !!el.map, image: true, basemap: land / (data.length / 4) };
      });
      expect(still.map).toBe(false);
      expect(still.image).toBe(true);
      expect(still.basemap).toBeGreaterThan(0.1);

      for (let i = COUNT - 1; i >= 0; i--) {
        await showAndSettle(page, i);
        const s = await state(page, i);
        const before = first.get(i)!;
        expect(s.chapterIndex).toBe(before.state.chapterIndex);
        expect(s.zoom).toBeCloseTo(before.state.zoom, 2);
        expect(s.center[0]).toBeCloseTo(before.state.center[0]!, 3);
        expect(s.center[1]).toBeCloseTo(before.state.center[1]!, 3);
        const box = await mapBox(page, i);
        const changed = await changedPixels(page, before.shot, await snapshot(page, box));
        expect(changed / (box.width * box.height), `element ${i}: same picture as before`).toBeLessThan(0.02);
        expect((await contexts(page)).live).toBeLessThanOrEqual(POOL_SIZE);
      }
      // The first elements' maps were given back on the way down and built anew on the way up.
      const rebuilt = await page.evaluate(() => {
        const w = window as unknown as { __firstMaps: unknown[] };
        return [...document.querySelectorAll('geo-story')].map((el, i) => el.map !== w.__firstMaps[i]);
      });
      expect(rebuilt.slice(0, 10)).toEqual(Array(10).fill(true));

      const counted = await contexts(page);
      expect(counted.peak).toBeLessThanOrEqual(POOL_SIZE);
      expect(counted.made).toBeGreaterThan(COUNT);
      // MapLibre's shared pool starts at most six workers, however many maps come and go.
      const workers = await page.evaluate(() => (window as unknown as { __workers: () => number }).__workers());
      expect(workers).toBeGreaterThan(0);
      expect(workers).toBeLessThanOrEqual(6);
      expect(warnings).toEqual([]);
      expect(errors).toEqual([]);
    });
  }, 600_000);
});
