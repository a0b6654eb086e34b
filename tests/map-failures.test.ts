import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { holdRoute } from './support/hold-route.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
/** One element in each language, with a short load timeout so that a map that never loads ends soon. */
const TIMEOUT_MS = 1500;
const PAGE = `${base}tests/fixtures/pages/pool.html?near=en,zh-Hant&timeout=${TIMEOUT_MS}`;

/** Installed before any page script: records every geo-story-error with the id of the element that fired it. */
const RECORD_ERRORS = () => {
  const w = window as unknown as { storyErrors: { id: string; message: string }[] };
  w.storyErrors = [];
  document.addEventListener('geo-story-error', (e) =>
    w.storyErrors.push({ id: (e.target as HTMLElement).id, message: (e as CustomEvent).detail.message }),
  );
};

/** Installed before any page script: the browser gives no WebGL context at all, as with WebGL turned off. */
const NO_WEBGL = () => {
  // Init scripts run on their own (serialized), so the recorder is repeated here.
  const w = window as unknown as { storyErrors: { id: string; message: string }[] };
  w.storyErrors = [];
  document.addEventListener('geo-story-error', (e) =>
    w.storyErrors.push({ id: (e.target as HTMLElement).id, message: (e as CustomEvent).detail.message }),
  );
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    if (/webgl/.test(type)) return null;
    return (getContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
  } as typeof getContext;
};

/** What each element shows and says once its map has failed: map box alert, text, map, `ready`, its events. */
async function failed(page: Page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('geo-story')].every((el) => el.shadowRoot?.querySelector('.map-box [role=alert]')),
  );
  return page.evaluate(async () => {
    const w = window as unknown as { storyErrors: { id: string; message: string }[] };
    return Promise.all(
      [...document.querySelectorAll('geo-story')].map(async (el) => ({
        lang: el.lang,
        alert: el.shadowRoot!.querySelector('.map-box [role=alert]')!.textContent!.trim(),
        chapters: el.shadowRoot!.querySelectorAll('[data-chapter-id] h2').length,
        map: !!el.map,
        ready: await el.ready.then(
          () => 'resolved',
          (e: unknown) => `rejected: ${String(e)}`,
        ),
        errors: w.storyErrors.filter((e) => e.id === el.id).map((e) => e.message),
      })),
    );
  });
}

/** Lets the load timeout pass once more, so that a second event for the same failure would have come. */
const pastTimeout = (page: Page) => page.evaluate((ms) => new Promise((r) => setTimeout(r, ms)), TIMEOUT_MS + 500);

const errorCounts = (page: Page) =>
  page.evaluate(() => (window as unknown as { storyErrors: unknown[] }).storyErrors.length);

describe('a map that cannot be shown ends in a message, and the text stays', () => {
  const withPage = useBrowser();

  it('without WebGL: a message in each language in the map box, one geo-story-error each, ready rejects', async () => {
    await withPage(PAGE, { init: NO_WEBGL }, async ({ page, errors }) => {
      const shown = await failed(page);
      expect(shown.map(({ errors: _, ready: __, ...rest }) => rest)).toEqual([
        {
          lang: 'en',
          alert:
            'The map cannot be shown: this browser cannot draw it (WebGL 2 is turned off or not supported). The story text can be read as usual.',
          chapters: 3,
          map: false,
        },
        {
          lang: 'zh-Hant',
          alert: '地圖無法顯示：此瀏覽器未能繪製地圖（WebGL 2 未啟用或不支援）。故事文字照常可讀。',
          chapters: 3,
          map: false,
        },
      ]);
      for (const el of shown) {
        expect(el.errors).toHaveLength(1);
        expect(el.errors[0]).toMatch(/^map: WebGL2 is required/);
        expect(el.ready).toMatch(/^rejected: .*WebGL2 is required/);
      }
      await pastTimeout(page);
      expect(await errorCounts(page)).toBe(2);

      // The text stays navigable: the keyboard and the chapter navigation move between chapters.
      const atChapter = (id: string, index: number) =>
        page.waitForFunction(
          ([id, index]) =>
            (document.querySelector(`#${id}`) as HTMLElementTagNameMap['geo-story']).chapterIndex === index,
          [id, index] as const,
        );
      await page.evaluate(() =>
        document.querySelector('#near-0')!.shadowRoot!.querySelector<HTMLElement>('[data-chapter-id]')!.focus(),
      );
      await page.keyboard.press('PageDown');
      await atChapter('near-0', 1);
      await page.locator('#near-0').getByRole('button', { name: 'Next chapter' }).click();
      await atChapter('near-0', 2);
      await page.locator('#near-1').getByRole('button', { name: '下一章' }).click();
      await atChapter('near-1', 1);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    });
  });

  it("when MapLibre's worker cannot be loaded: the map is given up at once, saying why, listed in the problems", async () => {
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page, errors }) => {
      await page.route(/maplibre-gl-worker[^/]*\.m?js$/, (route) => route.fulfill({ status: 404, body: '' }));
      // A load timeout far beyond the test's own: only the worker's failure can end the maps in time.
      await page.goto(PAGE.replace(`timeout=${TIMEOUT_MS}`, 'timeout=600000'));
      const shown = await failed(page);
      expect(shown.map((s) => [s.lang, s.alert, s.chapters, s.map])).toEqual([
        [
          'en',
          'The map cannot be shown: its background program file (worker) could not be loaded. The story text can be read as usual.',
          3,
          false,
        ],
        ['zh-Hant', '地圖無法顯示：地圖的背景程式（worker）檔案無法載入。故事文字照常可讀。', 3, false],
      ]);
      const why = /^MapLibre's worker file could not be loaded \(http:[^)]*maplibre-gl-worker[^)]*\.mjs\)$/;
      for (const el of shown) {
        expect(el.errors).toHaveLength(2);
        expect(el.errors[0]).toMatch(why);
        expect(el.errors[1]).toBe(`map: ${el.errors[0]}`);
        expect(el.ready).toMatch(/^rejected: .*MapLibre's worker file could not be loaded/);
      }
      const listed = await page.evaluate(() =>
        [...document.querySelectorAll('geo-story')].map(
          (el) => el.shadowRoot!.querySelector('[part="problems"]')?.textContent ?? '',
        ),
      );
      for (const text of listed) expect(text).toContain("MapLibre's worker file could not be loaded");
      // The map given up is gone with its canvas (and WebGL context).
      const canvases = await page.evaluate(
        () => [...document.querySelectorAll('geo-story')].filter((el) => el.shadowRoot!.querySelector('canvas')).length,
      );
      expect(canvases).toBe(0);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    });
  });

  it("when MapLibre's worker failed before any map was made (the story came late): given up at once all the same", async () => {
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
      // The worker pool starts with the map module, before the maps: MapLibre tells only maps
      // that exist when its worker fails. Here the story file, and so every map, comes after.
      const story = holdRoute();
      await page.route(/three-chapters\.md$/, story.handler);
      const answered = page.waitForResponse(/maplibre-gl-worker[^/]*\.m?js$/);
      await page.route(/maplibre-gl-worker[^/]*\.m?js$/, (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto(PAGE.replace(`timeout=${TIMEOUT_MS}`, 'timeout=600000'));
      await answered;
      // The worker's error event has come and gone before any map listens.
      await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
      expect(
        await page.evaluate(() => document.querySelector('geo-story')!.shadowRoot!.querySelector('canvas')),
      ).toBeNull();
      story.release();
      const shown = await failed(page);
      expect(shown.map((s) => s.alert)).toEqual([
        'The map cannot be shown: its background program file (worker) could not be loaded. The story text can be read as usual.',
        '地圖無法顯示：地圖的背景程式（worker）檔案無法載入。故事文字照常可讀。',
      ]);
      for (const el of shown) expect(el.errors).toHaveLength(2);
    });
  });

  it('when the map module cannot be loaded: a message in each language at once', async () => {
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
      await page.route(/story-map-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto(PAGE);
      const shown = await failed(page);
      expect(shown.map((s) => [s.alert, s.errors.length])).toEqual([
        ['The map cannot be shown: its program file could not be loaded. The story text can be read as usual.', 1],
        ['地圖無法顯示：地圖程式檔案無法載入。故事文字照常可讀。', 1],
      ]);
    });
  });
});
