import type { Worker } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const STORY = '/tests/fixtures/stories/large-layers.md';
// The demo page, under the strict policy (worker-src 'self', Trusted Types): the dense layer (about
// 1.5 MB, checked in the library's worker) draws, the other (over limits.layerBytes, 20 MB) is refused.
const pageUrl = `${base}index.html?story=${encodeURIComponent(STORY)}&lang=en`;
const EL = 'geo-story';

/** A collection of `lines` lines of 100 positions each near the corridor, as text. */
function lines(count: number): string {
  const features = Array.from({ length: count }, (_, f) => ({
    type: 'Feature',
    properties: { name: `line ${f}` },
    geometry: {
      type: 'LineString',
      coordinates: Array.from({ length: 100 }, (_, i) => [
        +(114.15 + i / 1000).toFixed(5),
        +(22.5 + f / 20000).toFixed(5),
      ]),
    },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('<geo-story> with a layer over the caps of limits, under the strict policy', () => {
  const withPage = useBrowser();

  it('refuses the oversize layer and lists it, draws a large layer checked off the main thread, and the story works', async () => {
    const dense = lines(800);
    // Refused from its declared length before a byte of it is read: what it holds does not matter.
    const oversize = ' '.repeat(21 * 1024 * 1024);
    expect(dense.length).toBeGreaterThan(1024 * 1024);
    await withPage('about:blank', async ({ page, context, errors }) => {
      await context.route('**/tests/fixtures/geo/dense-lines.geojson', (route) =>
        route.fulfill({ contentType: 'application/geo+json', body: dense }),
      );
      await context.route('**/tests/fixtures/geo/oversize-lines.geojson', (route) =>
        route.fulfill({ contentType: 'application/geo+json', body: oversize }),
      );
      const workers: Worker[] = [];
      page.on('worker', (w) => workers.push(w));
      await page.goto(pageUrl);
      await waitReady(page, EL);
      await page.waitForFunction(
        (sel) =>
          document
            .querySelector(sel)!
            .shadowRoot!.querySelector('[part="problems"]')
            ?.textContent?.includes('oversize'),
        EL,
      );
      const shown = await page.evaluate((sel) => {
        const el = document.querySelector(sel) as HTMLElementTagNameMap['geo-story'];
        return {
          problems: el.shadowRoot!.querySelector('[part="problems"]')!.textContent!,
          summaries: el.layers.map((l) => ({ id: l.id, visible: l.visible, unavailable: l.unavailable ?? '' })),
        };
      }, EL);
      expect(shown.problems).toMatch(
        /large-layers\.md:\d+: error: layers\.oversize\.file: \.\.\/geo\/oversize-lines\.geojson: not loaded: the file is 21 MB, more than 20 MB \(limits\.layerBytes\)/,
      );
      expect(shown.summaries).toEqual([
        { id: 'corridor', visible: true, unavailable: '' },
        { id: 'dense', visible: true, unavailable: '' },
        { id: 'oversize', visible: false, unavailable: 'Unavailable: the layer file could not be loaded' },
      ]);
      // Drawn: the map holds its features.
      await page.waitForFunction(
        (sel) =>
          (document.querySelector(sel) as HTMLElementTagNameMap['geo-story']).map!.querySourceFeatures('story:dense')
            .length > 0,
        EL,
      );
      // The dense layer was checked in the library's worker, not on the page.
      expect(workers.map((w) => w.url()).filter((u) => /layer-check-worker/.test(u))).toHaveLength(1);

      // The story goes on: the next chapter by keyboard.
      await page.evaluate((sel) => {
        document.querySelector(sel)!.shadowRoot!.querySelector<HTMLElement>('[data-chapter-id]')!.focus();
      }, EL);
      await page.keyboard.press('PageDown');
      await page.waitForFunction(
        (sel) => (document.querySelector(sel) as HTMLElementTagNameMap['geo-story']).chapterId === 'corridor',
        EL,
      );
      expect(errors.filter((e) => !/oversize-lines/.test(e))).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual(
        [],
      );
    });
  });
});
