import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const FIXTURE = '/tests/fixtures/stories/broken-layers.md';
const pageUrl = `${base}index.html?story=${encodeURIComponent(FIXTURE)}`;

/** Records every `geo-story-error` message and layer toggle in `window.storyErrors` / `window.toggles`. */
const RECORD = () => {
  const w = window as unknown as { storyErrors: string[]; toggles: unknown[] };
  w.storyErrors = [];
  w.toggles = [];
  document.addEventListener('geo-story-error', (e) => w.storyErrors.push((e as CustomEvent).detail.message), true);
  document.addEventListener('geo-story-layer-toggle', (e) => w.toggles.push((e as CustomEvent).detail), true);
};

/** What the reader finds for one layer in the panel and in the first chapter's legend. */
function layerState(page: Page, id: string) {
  return page.evaluate((id) => {
    const root = document.querySelector('geo-story')!.shadowRoot!;
    const panel = root.querySelector('geo-story-layers')!.shadowRoot!;
    const input = panel.querySelector<HTMLInputElement>(`input[data-layer="${id}"]`)!;
    const described = input.getAttribute('aria-describedby');
    const item = root.querySelector(`[data-chapter-id="all"] ul.legend li[data-layer="${id}"]`);
    return {
      checked: input.checked,
      ariaDisabled: input.getAttribute('aria-disabled'),
      reason: described ? (panel.getElementById(described)?.textContent?.trim() ?? '') : '',
      hover: input.closest('label')!.getAttribute('title') ?? '',
      legendUnavailable: item?.classList.contains('unavailable') ?? false,
      legendReason: item?.querySelector('.reason')?.textContent?.trim() ?? '',
    };
  }, id);
}

describe('<geo-story> with layers that cannot be drawn', () => {
  const withPage = useBrowser();

  it('lists each failed layer in the problems, marks it unavailable in the panel and legend, and draws the rest', async () => {
    await withPage(pageUrl, { init: RECORD }, async ({ page, errors }) => {
      await waitReady(page);
      const shown = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const w = window as unknown as { storyErrors: string[] };
        return {
          problems: el.shadowRoot!.querySelector('[part="problems"]')?.textContent ?? '',
          role: el.shadowRoot!.querySelector('[part="problems"]')?.getAttribute('role'),
          errors: w.storyErrors,
          summaries: el.layers.map((l) => ({ id: l.id, visible: l.visible, unavailable: l.unavailable ?? '' })),
          corridor: el.map!.getLayoutProperty('corridor::line', 'visibility'),
          // The kinds of geometry are worked out from a layer's data once it has loaded.
          corridorGeometry: el.layers.find((l) => l.id === 'corridor')!.geometry,
        };
      });
      // The problem list names file, line and field of each failure.
      expect(shown.role).toBe('alert');
      expect(shown.problems).toMatch(
        /broken-layers\.md:\d+: error: layers\.missing\.file: file not found: \.\.\/geo\/no-such-layer\.geojson/,
      );
      expect(shown.problems).toMatch(
        /swapped-coordinates\.geojson:\d+:\d+: error: features\[0\]\.geometry\.coordinates\[1\]: latitude 114\.1903/,
      );
      // Each failure fires geo-story-error once.
      expect(shown.errors.filter((m) => m.includes('no-such-layer.geojson'))).toHaveLength(1);
      expect(shown.errors.filter((m) => m.includes('swapped-coordinates.geojson'))).toHaveLength(1);
      // The summaries the page sees: the failed layers are not visible and say why; the corridor is drawn.
      expect(shown.summaries).toEqual([
        { id: 'corridor', visible: true, unavailable: '' },
        { id: 'missing', visible: false, unavailable: 'Unavailable: the layer file could not be loaded' },
        { id: 'swapped', visible: false, unavailable: 'Unavailable: the layer file has errors' },
      ]);
      expect(shown.corridor).toBe('visible');
      expect(shown.corridorGeometry).toContain('line');

      expect(await layerState(page, 'corridor')).toMatchObject({ checked: true, ariaDisabled: null, reason: '' });
      expect(await layerState(page, 'missing')).toEqual({
        checked: false,
        ariaDisabled: 'true',
        reason: 'Unavailable: the layer file could not be loaded',
        hover: 'Unavailable: the layer file could not be loaded',
        legendUnavailable: true,
        legendReason: 'Unavailable: the layer file could not be loaded',
      });
      expect(await layerState(page, 'swapped')).toMatchObject({
        checked: false,
        ariaDisabled: 'true',
        reason: 'Unavailable: the layer file has errors',
        legendUnavailable: true,
      });

      // The reader cannot tick an unavailable layer, nor can the page; nothing is toggled.
      await page.evaluate(() => {
        const panel = document.querySelector('geo-story')!.shadowRoot!.querySelector('geo-story-layers')!.shadowRoot!;
        panel.querySelector<HTMLButtonElement>('button.toggle')?.click();
      });
      await page
        .locator('geo-story')
        .locator('geo-story-layers')
        .locator('input[data-layer="missing"]')
        .click({ force: true });
      const after = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return {
          api: el.setLayerVisible('swapped', true),
          visible: el.isLayerVisible('missing') || el.isLayerVisible('swapped'),
          toggles: (window as unknown as { toggles: unknown[] }).toggles,
        };
      });
      expect(after).toEqual({ api: false, visible: false, toggles: [] });
      expect((await layerState(page, 'missing')).checked).toBe(false);

      // The rest of the story works: the next chapter is reached, and the reasons follow the language.
      await page.evaluate(() => document.querySelector('geo-story')!.goTo(1));
      await page.evaluate(() => (document.querySelector('geo-story')!.lang = 'zh-Hant'));
      const zh = await layerState(page, 'missing');
      expect(zh.reason).toBe('未能顯示：圖層檔案無法載入');
      expect(await page.evaluate(() => document.querySelector('geo-story')!.chapterId)).toBe('corridor-only');
      // The one 404 is the missing layer itself, which Chromium logs.
      expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    });
  });
});

describe('<geo-story> with a highlight of a feature its layer does not have', () => {
  const withPage = useBrowser();
  const url = `${base}index.html?story=${encodeURIComponent('/tests/fixtures/stories/unknown-highlight.md')}`;

  it('lists the id in the problems at its line and column, fires geo-story-error once, and draws the rest', async () => {
    await withPage(url, { init: RECORD }, async ({ page, errors }) => {
      await waitReady(page);
      const problems = page.locator('geo-story').locator('[part="problems"]');
      await problems.waitFor();
      const shown = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return {
          problems: el.shadowRoot!.querySelector('[part="problems"]')!.textContent ?? '',
          errors: (window as unknown as { storyErrors: string[] }).storyErrors,
          corridor: el.map!.getLayoutProperty('corridor::line', 'visibility'),
          chapters: el.shadowRoot!.querySelectorAll('[data-chapter-id]').length,
        };
      });
      const expected =
        'unknown-highlight.md:24:26: error: chapters[0].highlight.corridor[1]: ../../../geo/corridor.geojson: no feature has the id "center-line"';
      expect(shown.problems).toContain(expected);
      expect(shown.problems).not.toContain('corridor[0]');
      expect(shown.errors.filter((m) => m.includes('center-line'))).toEqual([`/tests/fixtures/stories/${expected}`]);
      expect(shown.corridor).toBe('visible');
      expect(shown.chapters).toBe(2);
      expect(errors).toEqual([]);
    });
  });
});
