import { describe, expect, inject, it } from 'vitest';
import { waitReady } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');

describe('the built site’s index of stories', () => {
  const withPage = useBrowser();

  it('lists each shipped story by its title in each of its languages, each opening the viewer in that language', async () => {
    await withPage(`${base}stories/index.html`, async ({ page, errors }) => {
      const links = await page
        .locator('main li a')
        .evaluateAll((as) =>
          as.map((a) => ({ text: a.textContent, lang: a.getAttribute('lang'), href: a.getAttribute('href') })),
        );
      expect(links).toEqual([
        {
          text: '粵港深合作：由組裝合成到美麗海灣',
          lang: 'zh-Hant-HK',
          href: '../index.html?story=stories%2Fgba-cooperation.json&lang=zh-Hant',
        },
        {
          text: '粤港深合作：由组装合成到美丽海湾',
          lang: 'zh-Hans-CN',
          href: '../index.html?story=stories%2Fgba-cooperation.json&lang=zh-Hans',
        },
        {
          text: 'Guangdong, Shenzhen and Hong Kong: from modular buildings to a shared bay',
          lang: 'en',
          href: '../index.html?story=stories%2Fgba-cooperation.json&lang=en',
        },
        {
          text: '兩米精度的香港陸地：按需載入的向量圖塊',
          lang: 'zh-Hant-HK',
          href: '../index.html?story=stories%2Fhk-land-tiles.json&lang=zh-Hant',
        },
        {
          text: 'Hong Kong land at 2 m: vector tiles loaded as needed',
          lang: 'en',
          href: '../index.html?story=stories%2Fhk-land-tiles.json&lang=en',
        },
      ]);
      await Promise.all([
        page.waitForURL(/index\.html\?story=/),
        page.locator('main li a[lang="zh-Hans-CN"]').first().click(),
      ]);
      await page.waitForFunction(() => customElements.get('geo-story'));
      await waitReady(page);
      const shown = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return { lang: el.lang, title: el.shadowRoot!.querySelector('h1')?.textContent?.trim() };
      });
      expect(shown).toEqual({ lang: 'zh-Hans', title: links[1]!.text });
      expect(errors).toEqual([]);
    });
  });
});
