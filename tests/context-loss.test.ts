import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { changedPixels, snapshot, type Box } from './support/pixel-diff.js';
import { pixelShare } from './support/pixels.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');

/** Installed before any page script: counts the element's ready and error events. */
const RECORD = () => {
  const w = window as unknown as { events: string[] };
  w.events = [];
  for (const type of ['geo-story-ready', 'geo-story-error'])
    document.addEventListener(type, (e) => w.events.push(`${type}: ${JSON.stringify((e as CustomEvent).detail)}`));
};

type Story = HTMLElementTagNameMap['geo-story'];

/** Waits until the element's map (another one than `not`, when given) is loaded, still, and drawn once more. */
async function settled(page: Page, not?: string): Promise<void> {
  await page.waitForFunction(
    (not) => {
      const el = document.querySelector('geo-story') as Story;
      const w = window as unknown as Record<string, unknown>;
      const map = el.map;
      return !!map && (!not || map !== w[not]) && map.loaded() && !map.isMoving();
    },
    not,
    { timeout: 30_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (document.querySelector('geo-story') as Story).map!;
        map.once('idle', () => requestAnimationFrame(() => resolve()));
        map.triggerRepaint();
      }),
  );
}

function state(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('geo-story') as Story;
    const c = el.map!.getCenter();
    return { chapterIndex: el.chapterIndex, center: [c.lng, c.lat], zoom: el.map!.getZoom() };
  });
}

describe('a map whose WebGL context is lost', () => {
  const withPage = useBrowser();

  it('is drawn again in the same chapter, with a message meanwhile and no error', async () => {
    const url = `${base}tests/fixtures/pages/pool.html?near=en`;
    await withPage(url, { init: RECORD, width: 900, height: 700 }, async ({ page, errors }) => {
      await page.evaluate(() => (document.querySelector('geo-story') as Story).ready);
      await settled(page);
      const first = await state(page);
      await page.evaluate(() => (document.querySelector('geo-story') as Story).goTo(1));
      await settled(page);
      const box: Box = await page.evaluate(() => {
        const r = document.querySelector('geo-story')!.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      const colours = { sea: '#cfe2ee', land: '#f3f0e8' };
      const basemap = async () => {
        const shares = await pixelShare(page, box, colours);
        return shares.sea + shares.land;
      };
      const before = { state: await state(page), shot: await snapshot(page, box), basemap: await basemap() };
      // Chapter 1 is mostly covered by its layers: some basemap shows between them.
      expect(before.basemap).toBeGreaterThan(0.02);
      expect(before.state.chapterIndex).toBe(1);

      // Taken away from outside, as a GPU reset or the browser reclaiming contexts would.
      const said = await page.evaluate(() => {
        const el = document.querySelector('geo-story') as Story;
        (window as unknown as Record<string, unknown>).lostMap = el.map;
        const gl = el.map!.getCanvas().getContext('webgl2')!;
        gl.getExtension('WEBGL_lose_context')!.loseContext();
        return new Promise<string>((resolve) => {
          const read = () => {
            const status = el.shadowRoot!.querySelector('.map-box .status')?.textContent?.trim();
            if (status) resolve(status);
            else requestAnimationFrame(read);
          };
          read();
        });
      });
      expect(said).toBe('The map stopped drawing; drawing it again…');

      await settled(page, 'lostMap');
      const after = await state(page);
      expect(after.chapterIndex).toBe(1);
      expect(after.zoom).toBeCloseTo(before.state.zoom, 2);
      expect(after.center[0]).toBeCloseTo(before.state.center[0]!, 3);
      expect(after.center[1]).toBeCloseTo(before.state.center[1]!, 3);
      expect(await basemap(), 'basemap drawn again').toBeCloseTo(before.basemap, 2);
      const changed = await changedPixels(page, before.shot, await snapshot(page, box));
      expect(changed / (box.width * box.height), 'same picture as before the loss').toBeLessThan(0.02);
      const status = await page.evaluate(
        () => document.querySelector('geo-story')!.shadowRoot!.querySelector('.map-box .status')?.textContent ?? '',
      );
      expect(status).toBe('');

      // Lost again, and the reader goes back a chapter meanwhile: the map comes back in that chapter.
      await page.evaluate(() => {
        const el = document.querySelector('geo-story') as Story;
        (window as unknown as Record<string, unknown>).lostMap = el.map;
        el.map!.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
        el.goTo(0);
      });
      await settled(page, 'lostMap');
      const back = await state(page);
      expect(back.chapterIndex).toBe(0);
      expect(back.zoom).toBeCloseTo(first.zoom, 2);
      expect(back.center[0]).toBeCloseTo(first.center[0]!, 3);
      expect(back.center[1]).toBeCloseTo(first.center[1]!, 3);

      const events = await page.evaluate(() => (window as unknown as { events: string[] }).events);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatch(/^geo-story-ready: /);
      expect(errors).toEqual([]);
    });
  });

  it('lost again and again: given up with a message and one geo-story-error, the text stays', async () => {
    const url = `${base}tests/fixtures/pages/pool.html?near=zh-Hant`;
    await withPage(url, { init: RECORD }, async ({ page, errors }) => {
      for (let k = 0; k < 4; k++) {
        // Each map built anew is lost as soon as it is there.
        await page.waitForFunction(
          () => {
            const map = (document.querySelector('geo-story') as Story).map;
            return !!map && map !== (window as unknown as Record<string, unknown>).lostMap && map.loaded();
          },
          undefined,
          { timeout: 30_000 },
        );
        await page.evaluate(() => {
          const map = (document.querySelector('geo-story') as Story).map!;
          (window as unknown as Record<string, unknown>).lostMap = map;
          map.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
        });
      }
      await page.waitForFunction(() =>
        document.querySelector('geo-story')!.shadowRoot!.querySelector('.map-box [role=alert]'),
      );
      const shown = await page.evaluate(() => {
        const root = document.querySelector('geo-story')!.shadowRoot!;
        return {
          alert: root.querySelector('.map-box [role=alert]')!.textContent!.trim(),
          chapters: root.querySelectorAll('[data-chapter-id] h2').length,
          map: !!(document.querySelector('geo-story') as Story).map,
        };
      });
      expect(shown).toEqual({
        alert: '地圖無法顯示：瀏覽器多次停止繪製地圖。故事文字照常可讀。',
        chapters: 3,
        map: false,
      });
      const events = await page.evaluate(() => (window as unknown as { events: string[] }).events);
      expect(events.filter((e) => e.startsWith('geo-story-error'))).toEqual([
        'geo-story-error: {"message":"map: the map lost its WebGL context 4 times in 60 s"}',
      ]);
      expect(errors).toEqual([]);
    });
  });
});
