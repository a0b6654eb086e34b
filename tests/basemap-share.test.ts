import { describe, expect, inject, it } from 'vitest';
import { pixelShare } from './support/pixels.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
/** A tile of the embedded basemap's land (scripts/vite/basemap-tiles.ts). */
const LAND_TILE = /basemap-[0-9a-f]+\/\d+\/\d+\/\d+\.pbf$/;

describe('basemap files shared by the maps of a page', () => {
  const withPage = useBrowser();

  it('four maps on one page: each land tile is fetched once for all of them, and every map draws the land', async () => {
    const url = `${base}tests/fixtures/pages/pool.html?near=en,zh-Hant,en,zh-Hant`;
    await withPage('about:blank', async ({ page, errors }) => {
      const fetched: string[] = [];
      page.on('request', (r) => {
        if (LAND_TILE.test(new URL(r.url()).pathname)) fetched.push(r.url());
      });
      await page.goto(url);
      await page.evaluate(() => Promise.all([...document.querySelectorAll('geo-story')].map((el) => el.ready)));
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll('geo-story')].map((el) => {
          const r = el.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
          return { map: !!el.map, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
        }),
      );
      expect(boxes.map((b) => b.map)).toEqual([true, true, true, true]);
      for (const [i, { box }] of boxes.entries()) {
        const shares = await pixelShare(page, box, { land: '#f3f0e8' });
        expect(shares.land, `map ${i}: land drawn`).toBeGreaterThan(0.05);
      }
      expect(fetched.length).toBeGreaterThan(0);
      expect(fetched.filter((url, i) => fetched.indexOf(url) !== i)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('a land tile that cannot be loaded: said once in a geo-story-error, the map still shows the rest', async () => {
    const init = () => {
      const w = window as unknown as { storyErrors: string[] };
      w.storyErrors = [];
      document.addEventListener('geo-story-error', (e) => w.storyErrors.push((e as CustomEvent).detail.message));
    };
    await withPage('about:blank', { init }, async ({ page }) => {
      await page.route(LAND_TILE, (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto(`${base}index.html`);
      await page.evaluate(() => document.querySelector('geo-story')!.ready);
      const messages = await page.evaluate(() => (window as unknown as { storyErrors: string[] }).storyErrors);
      expect(messages).toEqual([
        expect.stringMatching(
          /^basemap tile \d+\/\d+\/\d+\.pbf: could not be loaded \(HTTP 404\); the map shows no land there$/,
        ),
      ]);
      const box = await page.evaluate(() => {
        const r = document.querySelector('geo-story')!.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      expect((await pixelShare(page, box, { land: '#f3f0e8' })).land).toBeLessThan(0.01);
    });
  });
});
