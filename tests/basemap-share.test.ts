import { describe, expect, inject, it } from 'vitest';
import { pixelShare } from './support/pixels.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const LAND_FILE = /land-[^/]*\.geojson$/;

describe('basemap files shared by the maps of a page', () => {
  const withPage = useBrowser();

  it('four maps on one page: the land file is fetched once, and every map draws it', async () => {
    const url = `${base}tests/fixtures/pages/pool.html?near=en,zh-Hant,en,zh-Hant`;
    await withPage('about:blank', async ({ page, errors }) => {
      const fetched: string[] = [];
      page.on('request', (r) => {
        if (LAND_FILE.test(new URL(r.url()).pathname)) fetched.push(r.url());
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
      expect(fetched).toHaveLength(1);
      expect(errors).toEqual([]);
    });
  });
});
