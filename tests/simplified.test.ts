/**
 * Simplified Chinese: the default story read with `lang="zh-Hans"` shows everything a reader sees
 * in Simplified characters (text, legends, layer panel, readouts, map labels); the language switch
 * offers the story's three languages and keeps the chapter and the map; OpenCC reaches only a
 * reader of Simplified Chinese, and only for a story compiled in the page.
 */
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (lang: string, story = '') => `${base}index.html?lang=${lang}${story && `&story=${story}`}`;

// Characters written only in Traditional Chinese (their Simplified forms differ): none may be left.
const TRADITIONAL_ONLY = /[粵組區與灣護線這發會們來個對說時還將經過寫讓國際島嶺廣鵬東門點裝載圖層捲檔]/u;

/** The converter chunks the page has fetched so far (resource timing lists dynamic imports too). */
function converterFetches(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => /\/simplify-[\w-]+\.js$/.test(url)),
  );
}

/** Every piece of reader-facing text of the element: title, chapters, legends, layer panel, notes. */
function shownText(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('geo-story')!.shadowRoot!;
    const text = (sel: string, from: ParentNode = root) =>
      [...from.querySelectorAll<HTMLElement>(sel)].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());
    const panel = root.querySelector('geo-story-layers')!.shadowRoot!;
    return {
      title: text('h1'),
      subtitle: text('.subtitle'),
      chapterTitles: text('.chapter h2'),
      bodies: text('.chapter .body'),
      legends: text('.chapter .legend'),
      sources: text('.sources'),
      panel: text('.panel', panel),
      converted: [...root.querySelectorAll('.chapter')].map((c) => !!c.querySelector('.converted')),
      note: text('.converted')[0] ?? '',
      buttons: [...root.querySelectorAll('.lang-switch button')].map((b) => [
        b.textContent!.trim(),
        b.getAttribute('aria-pressed'),
      ]),
      layout: root.querySelector('.layout')!.getAttribute('lang'),
    };
  });
}

/** The text each symbol MapLibre placed shows: its layer's `text-field` (a coalesce of `get`s) on its properties. */
function renderedLabels(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('geo-story')!.map!;
    const layers = map
      .getStyle()
      .layers.filter((l) => l.type === 'symbol')
      .map((l) => l.id);
    return map.queryRenderedFeatures({ layers }).map((f) => {
      const field = map.getLayoutProperty(f.layer.id, 'text-field') as unknown[];
      const keys = field.slice(1).flatMap((part) => (Array.isArray(part) && part[0] === 'get' ? [part[1]] : []));
      const value = keys.map((k) => f.properties[k as string] as unknown).find((v) => v !== undefined && v !== null);
      return { text: String(value ?? ''), traditional: String(f.properties.name_zh_hant ?? '') };
    });
  });
}

describe('Simplified Chinese', () => {
  const withPage = useBrowser();

  it('shows the default story, its legends, layer panel, readouts and map labels in Simplified characters, and switches among the three languages in place', () =>
    withPage(pageUrl('zh-Hans'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const shown = await shownText(page);
      expect(shown.layout).toBe('zh-Hans-CN');
      expect(shown.title).toEqual(['粤港深合作：由组装合成到美丽海湾']);
      expect(shown.buttons).toEqual([
        ['繁體中文', 'false'],
        ['简体中文', 'true'],
        ['English', 'false'],
      ]);
      for (const [piece, texts] of Object.entries(shown))
        if (Array.isArray(texts) && typeof texts[0] === 'string')
          for (const text of texts as string[]) expect(text, piece).not.toMatch(TRADITIONAL_ONLY);
      expect(shown.bodies.length).toBeGreaterThanOrEqual(8);
      expect(shown.panel.join('')).toContain('组装合成厂房、口岸及运送路线（示意）');
      expect(shown.legends.join('')).toContain('趸船海路（示意）');
      // The first chapter is written in Simplified (an author's override); the others are converted, and say so.
      expect(shown.bodies[0]).toContain('向下滚动');
      expect(shown.converted[0]).toBe(false);
      expect(shown.converted.slice(1).every(Boolean)).toBe(true);
      expect(shown.note).toBe('本章文字由繁体中文自动转换');

      // Map labels, in the first chapter: Simplified names, some of them not the Traditional ones.
      const labels = await renderedLabels(page);
      expect(labels.length).toBeGreaterThan(3);
      for (const { text } of labels) expect(text).not.toMatch(TRADITIONAL_ONLY);
      expect(labels.some((l) => l.traditional !== '' && l.text !== l.traditional)).toBe(true);

      // The chapter's measurement and the measure readout.
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('robins-nest'));
      await waitSettled(page);
      const measured = page.locator('geo-story [data-chapter-id="robins-nest"] [part="chapter-measure"]');
      await expect
        .poll(async () => (await measured.textContent())!.trim())
        .toMatch(/^沿梧桐山—红花岭生态廊道测量：[\d.]+ 公里，由[\d.]+ 公里处至[\d.]+ 公里处；直线距离 [\d.]+ 公里。$/);
      await page.locator('geo-story [part="measure-toggle"]').click();
      const readout = await page
        .locator('geo-story [part="measure-readout"]')
        .evaluate((r) => [...r.querySelectorAll('p')].map((p) => p.textContent!));
      expect(readout[0]).toMatch(/^在地图上点选两个或以上的点/);
      for (const line of readout) expect(line).not.toMatch(TRADITIONAL_ONLY);
      const labelsHere = await renderedLabels(page);
      for (const { text } of labelsHere) expect(text).not.toMatch(TRADITIONAL_ONLY);

      // The build converted the compiled story: the reader fetches no converter.
      expect(await converterFetches(page)).toEqual([]);

      // Switching among the three languages keeps the chapter, the map and its view.
      await page.locator('geo-story [part="measure-toggle"]').click();
      await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        el.goTo('corridor');
        (window as unknown as { firstMap: unknown }).firstMap = el.map;
      });
      await waitSettled(page);
      const view = () =>
        page.evaluate(() => {
          const el = document.querySelector('geo-story')!;
          const map = el.map!;
          const { lng, lat } = map.getCenter();
          return {
            chapter: el.chapterId,
            sameMap: el.map === (window as unknown as { firstMap: unknown }).firstMap,
            center: [lng.toFixed(6), lat.toFixed(6)],
            zoom: map.getZoom().toFixed(4),
            title: el.shadowRoot!.querySelector('.chapter.active h2')!.textContent!.trim(),
            pressed: el.shadowRoot!.querySelector('.lang-switch [aria-pressed="true"]')!.textContent!.trim(),
          };
        });
      const start = await view();
      expect(start).toMatchObject({
        chapter: 'corridor',
        sameMap: true,
        title: '跨越边界的生态廊道',
        pressed: '简体中文',
      });
      for (const [button, title] of [
        ['繁體中文', '跨越邊界的生態廊道'],
        ['English', 'A corridor across the boundary'],
        ['简体中文', '跨越边界的生态廊道'],
        ['繁體中文', '跨越邊界的生態廊道'],
      ] as const) {
        // Clicked in place: the switch sits in the story's header, and scrolling up to it is a move of its own.
        await page.evaluate(
          (name) =>
            [
              ...document
                .querySelector('geo-story')!
                .shadowRoot!.querySelectorAll<HTMLButtonElement>('.lang-switch button'),
            ]
              .find((b) => b.textContent!.trim() === name)!
              .click(),
          button,
        );
        await expect.poll(() => view()).toEqual({ ...start, title, pressed: button });
      }
      expect(await page.evaluate(() => document.querySelector('geo-story')!.lang)).toBe('zh-Hant');
      expect(errors).toEqual([]);
    }));

  it('converts a story compiled in the page only when a reader asks for Simplified Chinese, in a chunk of its own', () =>
    withPage(pageUrl('zh-Hant', 'stories/gba-cooperation.md'), async ({ page, errors }) => {
      await waitReady(page);
      expect(await converterFetches(page)).toEqual([]);
      await page.locator('geo-story').getByRole('button', { name: '简体中文' }).click();
      await page.waitForFunction(() =>
        document
          .querySelector('geo-story')!
          .shadowRoot!.querySelector('[data-chapter-id="standards-agreement"] .converted'),
      );
      expect(await converterFetches(page)).toHaveLength(1);
      const shown = await shownText(page);
      expect(shown.title).toEqual(['粤港深合作：由组装合成到美丽海湾']);
      for (const text of [...shown.chapterTitles, ...shown.bodies, ...shown.legends, ...shown.panel])
        expect(text).not.toMatch(TRADITIONAL_ONLY);
      expect(shown.bodies[0]).toContain('向下滚动');
      expect(errors).toEqual([]);
    }));

  it('keeps OpenCC out of the entry chunk that every reader downloads', async () => {
    const html = await (await fetch(`${base}index.html`)).text();
    const entry = /<script type="module"[^>]*src="\.\/(assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const code = await (await fetch(`${base}${entry}`)).text();
    expect(code).not.toContain('Invalid dictionary entry');
    expect(code).not.toContain('组装合成');
    console.log(`entry chunk ${entry}: ${gzipSync(code).length} bytes gzip`);
  });
});
