import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');

/** What each element's map box says, with its language and whether it has a map. */
function boxes(page: import('playwright-core').Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('geo-story')].map((el) => ({
      id: el.id,
      lang: el.lang,
      map: !!el.map,
      status: el.shadowRoot?.querySelector('.map-box .status')?.textContent?.trim() ?? '',
    })),
  );
}

describe('what the map box says while there is no map', () => {
  const withPage = useBrowser();

  it('far from the viewport: the map comes when scrolled to; near but beyond the pool: it waits, in both languages', async () => {
    const url = `${base}tests/fixtures/pages/pool.html?size=1&near=en,zh-Hant,en,zh-Hant&far=en,zh-Hant`;
    await withPage(url, async ({ page, errors }) => {
      // The one slot is taken by a map that reached its first idle; the three others near wait for it.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('geo-story')].some((el) => el.map?.loaded() && !el.map.isMoving()),
      );
      const all = await boxes(page);
      const near = all.filter((b) => b.id.startsWith('near-'));
      expect(near.filter((b) => b.map)).toHaveLength(1);
      const waiting = near.filter((b) => !b.map);
      expect(waiting.map((b) => [b.lang, b.status])).toEqual(
        waiting.map((b) => [b.lang, b.lang === 'en' ? 'Waiting to load the map…' : '正在等候載入地圖……']),
      );
      expect(new Set(waiting.map((b) => b.lang))).toEqual(new Set(['en', 'zh-Hant']));
      expect(all.filter((b) => b.id.startsWith('far-'))).toEqual([
        { id: 'far-0', lang: 'en', map: false, status: 'The map appears when you scroll here' },
        { id: 'far-1', lang: 'zh-Hant', map: false, status: '捲動到這裡時會顯示地圖' },
      ]);

      // Scrolled to, a far element takes the slot from the ones now out of sight and says so no more.
      await page.evaluate(() => document.querySelector('#far-0')!.scrollIntoView({ block: 'start' }));
      // Ready: its map reached its first idle with the story's layers in (MapLibre's loaded() can be
      // true before the layers' data are).
      await page.evaluate(() => (document.querySelector('#far-0') as HTMLElementTagNameMap['geo-story']).ready);
      expect((await boxes(page)).find((b) => b.id === 'far-0')).toMatchObject({ map: true, status: '' });
      expect(errors).toEqual([]);
    });
  });
});
