import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = `${base}index.html?story=${encodeURIComponent('/tests/fixtures/stories/figures.md')}`;

/** The first chapter's figure as the reader gets it, and the height of its chapter's box. */
const figure = (page: Page) =>
  page.evaluate(() => {
    const chapter = document
      .querySelector('geo-story')!
      .shadowRoot!.querySelector<HTMLElement>('[data-chapter-id="plan"]')!;
    const img = chapter.querySelector<HTMLImageElement>('figure img')!;
    return {
      chapterHeight: chapter.getBoundingClientRect().height,
      imgHeight: img.getBoundingClientRect().height,
      imgWidth: img.getBoundingClientRect().width,
      loaded: img.complete && img.naturalWidth > 0,
      alt: img.alt,
      loading: img.getAttribute('loading'),
      src: img.src,
      size: [img.getAttribute('width'), img.getAttribute('height')],
      caption: chapter.querySelector('figure figcaption')?.innerHTML.trim() ?? '',
    };
  });

describe('images in chapter text', () => {
  const withPage = useBrowser();

  it('are figures with alt text, lazy, resolved beside the story, that take their space before they load', async () => {
    await withPage(pageUrl, async ({ page, context, errors }) => {
      // Hold the image back until the page has been measured without it.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let requested = false;
      await context.route('**/tests/fixtures/stories/images/plan.svg', async (route) => {
        requested = true;
        await held;
        await route.continue();
      });
      // Opened again with the route in place: the first load may have fetched the image already.
      await page.reload();
      await waitReady(page);
      await expect.poll(() => requested).toBe(true);
      const before = await figure(page);
      expect(before).toMatchObject({
        loaded: false,
        alt: 'An orange circle on blue',
        loading: 'lazy',
        src: `${base}tests/fixtures/stories/images/plan.svg`,
        size: ['800', '400'],
      });
      expect(before.caption).toBe(
        'The plan, <em>drawn to scale</em> <small class="credit">Drawing: the <a href="https://example.org/" target="_blank" rel="noopener noreferrer">tests</a></small>',
      );
      // Its box has the image's shape already.
      expect(before.imgHeight).toBeCloseTo(before.imgWidth / 2, 0);

      release();
      await page.waitForFunction(() => {
        const img = document
          .querySelector('geo-story')!
          .shadowRoot!.querySelector<HTMLImageElement>('[data-chapter-id="plan"] figure img')!;
        return img.complete && img.naturalWidth > 0;
      });
      const after = await figure(page);
      expect(after.loaded).toBe(true);
      expect(after.chapterHeight).toBe(before.chapterHeight);
      expect(after.imgHeight).toBe(before.imgHeight);
      expect(errors).toEqual([]);
    });
  });

  it('has alt text and a caption in the reader’s language', async () => {
    await withPage(pageUrl.replace('index.html?', 'index.html?lang=zh-Hant&'), async ({ page }) => {
      await waitReady(page);
      const shown = await figure(page);
      expect(shown.alt).toBe('藍底上的橙色圓形');
      expect(shown.caption).toBe('平面圖 <small class="credit">繪圖：測試</small>');
    });
  });

  it('fetches no image that is not beside the story or on https', async () => {
    await withPage(pageUrl, { httpErrors: true }, async ({ page }) => {
      await waitReady(page);
      const imgs = await page.evaluate(() =>
        [
          ...document
            .querySelector('geo-story')!
            .shadowRoot!.querySelectorAll<HTMLImageElement>('[data-chapter-id="unsafe"] img'),
        ].map((img) => ({ alt: img.alt, src: img.getAttribute('src') })),
      );
      expect(imgs).toEqual([
        { alt: 'An image over http', src: null },
        { alt: 'A script', src: null },
        { alt: 'a data image', src: null },
      ]);
    });
  });
});
