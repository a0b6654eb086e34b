import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const FILE = '/tests/fixtures/stories/unknown-fit.md';
const url = `${inject('baseUrl')}index.html?story=${encodeURIComponent(FILE)}`;

/** Records every `geo-story-error` message in `window.storyErrors`. */
const RECORD = () => {
  const w = window as unknown as { storyErrors: string[] };
  w.storyErrors = [];
  document.addEventListener('geo-story-error', (e) => w.storyErrors.push((e as CustomEvent).detail.message), true);
};

describe('<geo-story> with a fit to features that are not there', () => {
  const withPage = useBrowser();

  it('lists each unknown fit reference in the problems at its line and column, fires geo-story-error, and frames the rest', async () => {
    await withPage(url, { init: RECORD }, async ({ page, errors }) => {
      await waitReady(page);
      await page.locator('geo-story').locator('[part="problems"]').waitFor();
      const state = await waitSettled(page);
      const shown = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const b = el.map!.getBounds();
        return {
          problems: el.shadowRoot!.querySelector('[part="problems"]')!.textContent ?? '',
          errors: (window as unknown as { storyErrors: string[] }).storyErrors,
          view: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
          chapters: el.shadowRoot!.querySelectorAll('[data-chapter-id]').length,
        };
      });
      const misspelt =
        'unknown-fit.md:24:9: error: chapters[0].camera.fit[0]: ../../../geo/corridor.geojson: no feature has the id "center-line"; its ids are centreline, big-wutong, boundary-saddle, lin-ma-hang-village, lin-ma-hang-mine, hung-fa-chai, ...';
      const otherLayer =
        'unknown-fit.md:42:15: error: chapters[1].camera.fit: ../../../geo/corridor.geojson: no feature has the id "robins-nest"; the layer "protected-areas" has one: fit protected-areas/robins-nest';
      expect(shown.problems).toContain(misspelt);
      expect(shown.problems).toContain(otherLayer);
      expect(shown.problems).not.toContain('fit[1]');
      // One event for the layer the references name, carrying both.
      expect(shown.errors.filter((m) => m.includes('camera.fit'))).toEqual([
        `${FILE.slice(0, -'unknown-fit.md'.length)}${misspelt}`,
      ]);
      expect(shown.chapters).toBe(2);
      // The camera frames what is there, Big Wutong (114.2146, 22.5823), at its zoom limit, not the overview it started at.
      const [w, s, e, n] = shown.view;
      expect(w).toBeLessThan(114.2146);
      expect(e).toBeGreaterThan(114.2146);
      expect(s).toBeLessThan(22.58228);
      expect(n).toBeGreaterThan(22.58228);
      expect(state.zoom).toBeCloseTo(13, 5);
      expect(errors).toEqual([]);
    });
  });
});
