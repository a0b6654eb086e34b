import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (lang: string) => `${base}index.html?lang=${lang}`;

/** What shows of the story in the current media: title, and per chapter its image, legend and place in the page. */
interface Printed {
  title: boolean;
  map: boolean;
  nav: boolean;
  chapters: {
    id: string;
    shown: boolean;
    top: number;
    image: { width: number; height: number; colours: number; hash: string } | undefined;
    legend: boolean;
    layers: number;
  }[];
}

function printed(page: Page): Promise<Printed> {
  return page.evaluate(async () => {
    const el = document.querySelector('geo-story')!;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const seen = (e: Element | null) => !!e && e.checkVisibility() && e.getBoundingClientRect().height > 0;
    return {
      title: seen(root.querySelector('h1')),
      map: seen(root.querySelector('.map-box')),
      nav: seen(root.querySelector('[part="nav"]')),
      chapters: el.story!.chapters.map((c) => {
        const article = root.querySelector(`[data-chapter-id="${c.id}"]`)!;
        const canvas = article.querySelector<HTMLCanvasElement>('[part="print-map"] canvas');
        let image;
        if (canvas && seen(canvas)) {
          // Colours in a coarse sample, and a fingerprint of it: a blank copy has one colour.
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          const colours = new Set<number>();
          let hash = 0;
          const step = Math.floor(data.length / 4 / 4000) * 4;
          for (let i = 0; i < data.length; i += step) {
            const v = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
            colours.add(v >> 3);
            hash = (hash * 31 + v) | 0;
          }
          const r = canvas.getBoundingClientRect();
          image = { width: r.width, height: r.height, colours: colours.size, hash: String(hash) };
        }
        return {
          id: c.id,
          shown: seen(article),
          top: article.getBoundingClientRect().top,
          image,
          legend: seen(article.querySelector('[part="legend"]')),
          layers: c.layers.length,
        };
      }),
    };
  });
}

describe('print', () => {
  const withPage = useBrowser();

  it('prints the title and every chapter in order, each with a still image of its own map view and its legend', () =>
    withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      const before = await waitSettled(page);
      // On screen, before preparing: no print images anywhere.
      expect((await printed(page)).chapters.every((c) => c.image === undefined)).toBe(true);
      const made = await page.evaluate(() => document.querySelector('geo-story')!.preparePrint());
      const after = await waitSettled(page);
      // The map is back where the reader was.
      expect(after.chapterId).toBe(before.chapterId);
      expect(after.center[0]).toBeCloseTo(before.center[0], 4);
      expect(after.center[1]).toBeCloseTo(before.center[1], 4);
      expect(after.zoom).toBeCloseTo(before.zoom, 2);
      expect(after.visible).toEqual(before.visible);
      // Still only for print.
      expect((await printed(page)).chapters.every((c) => c.image === undefined)).toBe(true);

      await page.emulateMedia({ media: 'print' });
      const paper = await printed(page);
      expect(made).toBe(paper.chapters.length);
      expect(paper.title).toBe(true);
      expect(paper.map).toBe(false);
      expect(paper.nav).toBe(false);
      let top = -Infinity;
      for (const c of paper.chapters) {
        expect(c.shown, c.id).toBe(true);
        expect(c.top, c.id).toBeGreaterThan(top);
        top = c.top;
        expect(c.image, c.id).toBeDefined();
        expect(c.image!.width, c.id).toBeGreaterThan(200);
        expect(c.image!.colours, c.id).toBeGreaterThan(3);
        if (c.layers > 0) expect(c.legend, c.id).toBe(true);
      }
      // Each chapter's own view: no two images alike.
      expect(new Set(paper.chapters.map((c) => c.image!.hash)).size).toBe(paper.chapters.length);
      expect(errors).toEqual([]);
    }));

  it('draws the images again, on beforeprint, after the language changed', () =>
    withPage(pageUrl('zh-Hant'), { width: 390, height: 844 }, async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      await page.evaluate(() => document.querySelector('geo-story')!.preparePrint());
      await page.emulateMedia({ media: 'print' });
      const zh = await printed(page);
      expect(zh.chapters.every((c) => c.image)).toBe(true);
      // Another language: the images show the other language's labels, so they are dropped...
      await page.evaluate(() => (document.querySelector('geo-story')!.lang = 'en'));
      expect((await printed(page)).chapters.every((c) => c.image === undefined)).toBe(true);
      // ...and made again when the browser is about to print.
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction(
        () => document.querySelector('geo-story')!.shadowRoot!.querySelectorAll('[part="print-map"] canvas').length > 0,
        null,
        { timeout: 60_000 },
      );
      const en = await printed(page);
      expect(en.chapters.every((c) => c.image)).toBe(true);
      expect(en.chapters.map((c) => c.image!.hash)).not.toEqual(zh.chapters.map((c) => c.image!.hash));
      expect(errors).toEqual([]);
    }));
});
