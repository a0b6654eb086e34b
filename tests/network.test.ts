import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { holdRoute } from './support/hold-route.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
/** One English element of the default fixture story, under the page settings in `query`. */
const page1 = (query = '') => `${base}tests/fixtures/pages/pool.html?near=en&${query}`;
const EL = '#near-0';
type GeoStoryElement = HTMLElementTagNameMap['geo-story'];

/** Installed before any page script: records the message of every geo-story-error. */
const RECORD_ERRORS = () => {
  const w = window as unknown as { storyErrors: string[] };
  w.storyErrors = [];
  document.addEventListener('geo-story-error', (e) => w.storyErrors.push((e as CustomEvent).detail.message));
};

const storyErrors = (page: Page) => page.evaluate(() => (window as unknown as { storyErrors: string[] }).storyErrors);

/** The text of the element's problem list ('' when there is none). */
const problems = (page: Page) =>
  page.evaluate(
    (sel) => document.querySelector(sel)!.shadowRoot!.querySelector('[part="problems"]')?.textContent ?? '',
    EL,
  );

/** Waits until the element's problem list says `text`. */
const problemSays = (page: Page, text: string) =>
  page.waitForFunction(
    ([sel, text]) =>
      document.querySelector(sel!)!.shadowRoot!.querySelector('[part="problems"]')?.textContent?.includes(text!),
    [EL, text],
  );

/** Features the map holds in a source. */
const sourceFeatures = (page: Page, source: string) =>
  page.evaluate(
    ([sel, source]) => {
      const map = (document.querySelector(sel!) as HTMLElementTagNameMap['geo-story']).map!;
      return map.querySourceFeatures(source!).length;
    },
    [EL, source],
  );

describe('network failures: nothing hangs, everything is said', () => {
  const withPage = useBrowser();

  it('a layer file that never answers does not hold the map back, and is abandoned after limits.fetchTimeout with a message', async () => {
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
      // A short load timeout, a long fetch timeout: the map is idle without the hanging file.
      await page.route('**/geo/mirs-bay.geojson', () => undefined);
      await page.goto(page1('timeout=6000&fetchTimeout=60000'));
      await waitReady(page, EL);
      expect(await sourceFeatures(page, 'story:protected-areas')).toBeGreaterThan(0);
      expect(await problems(page)).toBe('');
    });
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
      await page.route('**/geo/mirs-bay.geojson', () => undefined);
      await page.goto(page1('fetchTimeout=1500'));
      await waitReady(page, EL);
      const message = 'mirs-bay.geojson: could not be loaded (no answer within 1.5 s)';
      await problemSays(page, message);
      expect((await storyErrors(page)).filter((m) => m.includes(message))).toHaveLength(1);
      const mirsBay = await page.evaluate(
        (sel) => document.querySelector<GeoStoryElement>(sel)!.layers.find((l) => l.id === 'mirs-bay'),
        EL,
      );
      expect(mirsBay?.unavailable).toBeTruthy();
    });
  });

  for (const [how, route] of [
    ['is not there (404)', (r: Route) => r.fulfill({ status: 404, body: 'not found' })],
    ['never answers', () => undefined],
  ] as const) {
    it(`a tile of the basemap's land that ${how}: listed as a problem, one geo-story-error, the map shows the rest`, async () => {
      await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
        await page.route(/\/\d+\/\d+\/\d+\.pbf$/, route);
        await page.goto(page1('fetchTimeout=1500'));
        await waitReady(page, EL);
        await problemSays(page, 'the map shows no land');
        const said = await problems(page);
        expect(said).toMatch(/basemap tile \d+\/\d+\/\d+\.pbf: could not be loaded/);
        expect(said).toContain(how.startsWith('is not') ? 'HTTP 404' : 'no answer within 1.5 s');
        expect((await storyErrors(page)).filter((m) => m.includes('the map shows no land'))).toHaveLength(1);
        // The story's own layers are drawn all the same.
        expect(await sourceFeatures(page, 'story:protected-areas')).toBeGreaterThan(0);
      });
    });
  }

  for (const [how, route] of [
    ['never answers', () => undefined],
    [
      'is not a valid style',
      (r: Route) => r.fulfill({ contentType: 'application/json', body: '{"version": 8, "sources": 5, "layers": []}' }),
    ],
  ] as const) {
    it(`a remote basemap style that ${how} gives way to the embedded basemap, and the attribution says so in both languages`, async () => {
      await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
        await page.route('**/remote-style.json', route);
        await page.goto(page1(`fetchTimeout=1500&basemap=${encodeURIComponent('/remote-style.json')}`));
        await waitReady(page, EL);
        await waitSettled(page, EL);
        const attribution = () =>
          page.evaluate(
            (sel) =>
              document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-ctrl-attrib-inner')!.textContent,
            EL,
          );
        expect(await attribution()).toContain('Offline basemap (fallback');
        expect(await attribution()).toContain('OpenStreetMap contributors');
        await page.evaluate((sel) => (document.querySelector<GeoStoryElement>(sel)!.lang = 'zh-Hant'), EL);
        expect(await attribution()).toContain('離線底圖（後備');
        expect(await problems(page)).toContain('/remote-style.json could not be loaded');
        expect(await problems(page)).toContain('using the offline basemap');
        const land = await page.evaluate(
          (sel) => !!document.querySelector<GeoStoryElement>(sel)!.map!.getLayer('basemap-land'),
          EL,
        );
        expect(land).toBe(true);
      });
    });
  }

  it('a story replaced while its file is still loading never shows the old story', async () => {
    await withPage('about:blank', async ({ page, errors }) => {
      const first = holdRoute();
      await page.route('**/three-chapters.md', first.handler);
      await page.goto(page1());
      await first.held;
      await page.evaluate(
        (sel) => (document.querySelector<GeoStoryElement>(sel)!.src = '/tests/fixtures/stories/two-bays.md'),
        EL,
      );
      await waitReady(page, EL);
      // The old story's file arrives (or is abandoned) after the new one is shown.
      first.release();
      await (await first.held).response();
      await waitSettled(page, EL);
      const shown = await page.evaluate((sel) => {
        const el = document.querySelector<GeoStoryElement>(sel)!;
        return {
          id: el.story!.id,
          chapters: el.chapters.map((c) => c.id),
          h1: el.shadowRoot!.querySelector('h1')!.textContent,
        };
      }, EL);
      expect(shown).toEqual({ id: 'two-bays', chapters: ['overview', 'sai-kung', 'dapeng'], h1: expect.any(String) });
      expect(shown.h1).not.toContain('Hills and bays');
      expect(await problems(page)).toBe('');
      expect(errors).toEqual([]);
    });
  });

  it("a story replaced while its layers are still loading never shows the old story's layers", async () => {
    await withPage('about:blank', async ({ page }) => {
      const corridor = holdRoute();
      await page.route('**/geo/corridor.geojson', corridor.handler);
      await page.goto(page1());
      await corridor.held;
      await page.evaluate(
        (sel) => (document.querySelector<GeoStoryElement>(sel)!.src = '/tests/fixtures/stories/two-bays.md'),
        EL,
      );
      await waitReady(page, EL);
      corridor.release();
      await (await corridor.held).response();
      await waitSettled(page, EL);
      const shown = await page.evaluate((sel) => {
        const el = document.querySelector<GeoStoryElement>(sel)!;
        const sources = Object.keys(el.map!.getStyle().sources);
        return { layers: el.layers.map((l) => l.id), story: sources.filter((s) => s.startsWith('story:')).sort() };
      }, EL);
      expect(shown).toEqual({
        layers: ['mirs-bay', 'port-shelter', 'places'],
        story: ['story:mirs-bay', 'story:places', 'story:port-shelter'],
      });
      expect(await problems(page)).toBe('');
    });
  });
});
