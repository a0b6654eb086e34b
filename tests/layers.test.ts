import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { changedPixels, snapshot, waitIdle, type Box } from './support/pixel-diff.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const FIXTURE = '/tests/fixtures/stories/reader-controls.md';
const pageUrl = (lang = '') => `${base}index.html?story=${encodeURIComponent(FIXTURE)}${lang ? `&lang=${lang}` : ''}`;

/** Every MapLibre layer drawing one story layer (see src/map/style.ts). */
const PARTS = ['fill', 'outline', 'line', 'circle'];

/** What the map says about a story layer: the visibility of each of its MapLibre layers. */
function mapVisibility(page: Page, id: string): Promise<string[]> {
  return page.evaluate(
    ({ id, parts }) => {
      const map = document.querySelector('geo-story')!.map!;
      return parts.map((p) => map.getLayoutProperty(`${id}::${p}`, 'visibility') as string);
    },
    { id, parts: PARTS },
  );
}

/** The panel's checkboxes as the reader finds them: accessible name and checked state, in order. */
function panelBoxes(page: Page): Promise<{ id: string; name: string; checked: boolean; group: string }[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('geo-story')!.shadowRoot!.querySelector('geo-story-layers')!.shadowRoot!;
    return [...panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((input) => ({
      id: input.dataset.layer!,
      name: input.closest('label')!.textContent!.trim(),
      checked: input.checked,
      group: input.closest('fieldset')?.querySelector('legend')?.textContent?.trim() ?? '',
    }));
  });
}

/** Puts every layer of the fixture in view, and returns the part of the map no control covers. */
async function wideView(page: Page): Promise<Box> {
  await page.evaluate(() => document.querySelector('geo-story')!.map!.jumpTo({ center: [114.22, 22.52], zoom: 10 }));
  await waitIdle(page);
  return page.evaluate(() => {
    const root = document.querySelector('geo-story')!.shadowRoot!;
    const map = root.querySelector('.map')!.getBoundingClientRect();
    const panel = root.querySelector('geo-story-layers')!.getBoundingClientRect();
    const right = root.querySelector('.maplibregl-ctrl-top-right')!.getBoundingClientRect();
    const x = Math.ceil(panel.right) + 2;
    return { x, y: map.y + 50, width: Math.floor(right.left) - x - 2, height: map.height - 100 };
  });
}

/** Records `geo-story-layer-toggle` details in `window.toggles`. */
async function recordToggles(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { toggles: unknown[] };
    w.toggles = [];
    document.querySelector('geo-story')!.addEventListener('geo-story-layer-toggle', (e) => w.toggles.push(e.detail));
  });
}

/**
 * Waits for the story to settle, records its toggle events, opens the layer panel and widens the
 * view: the panel and the box to compare pixels in, for a test that toggles layers.
 */
async function openForToggling(page: Page): Promise<{ panel: Locator; box: Box }> {
  await waitReady(page);
  await waitSettled(page);
  await recordToggles(page);
  const panel = page.locator('geo-story geo-story-layers');
  await panel.getByRole('button', { name: 'Layers and legend' }).click();
  return { panel, box: await wideView(page) };
}

const toggles = (page: Page) =>
  page.evaluate(() => (window as unknown as { toggles: { id: string; visible: boolean }[] }).toggles);

describe('layer panel and legend', () => {
  const withPage = useBrowser();

  it('lists every story layer, grouped and labelled, with the chapter state checked', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      const panel = page.locator('geo-story geo-story-layers');
      await panel.getByRole('button', { name: 'Layers and legend' }).click();
      expect(await panel.getByRole('button', { name: 'Layers and legend' }).getAttribute('aria-expanded')).toBe('true');
      const boxes = await panelBoxes(page);
      expect(boxes).toEqual([
        { id: 'corridor', name: 'Ecological corridor', checked: true, group: 'Ecology' },
        { id: 'protected-areas', name: 'Country park and scenic area', checked: true, group: 'Ecology' },
        { id: 'mirs-bay', name: 'Mirs Bay', checked: false, group: 'Bays' },
        { id: 'boundary', name: 'Hong Kong - Shenzhen boundary', checked: false, group: 'Other' },
        { id: 'places', name: 'Places', checked: false, group: 'Other' },
      ]);
      // Swatches follow the paint: a dashed stroke for the boundary, a fill for the bay, a dot for places.
      const swatches = await page.evaluate(() => {
        const panel = document.querySelector('geo-story')!.shadowRoot!.querySelector('geo-story-layers')!.shadowRoot!;
        const of = (id: string) =>
          panel.querySelector(`input[data-layer="${id}"]`)!.closest('label')!.querySelector('svg')!;
        return {
          boundary: of('boundary').querySelector('line')?.getAttribute('stroke-dasharray'),
          bay: of('mirs-bay').querySelector('rect')?.getAttribute('fill'),
          places: of('places').querySelector('circle')?.getAttribute('fill'),
          corridor: [...of('corridor').children].map((c) => c.localName).sort(),
        };
      });
      expect(swatches).toEqual({ boundary: '9 6', bay: '#0072B2', places: '#333333', corridor: ['circle', 'line'] });
      // And in the other language.
      await page.locator('geo-story').getByRole('button', { name: '繁體中文' }).click();
      expect((await panelBoxes(page)).map((b) => [b.name, b.group])).toEqual([
        ['生態廊道', '生態'],
        ['郊野公園及風景名勝區', '生態'],
        ['大鵬灣', '海灣'],
        ['港深界線', '其他'],
        ['地名', '其他'],
      ]);
      expect(errors).toEqual([]);
    });
  });

  it('toggles every layer from the panel: the map, its pixels, the event and the API follow', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      const { panel, box } = await openForToggling(page);
      const boxes = await panelBoxes(page);
      expect(boxes).toHaveLength(5);
      const expected: { id: string; visible: boolean }[] = [];
      for (const { id, name, checked } of boxes) {
        for (const visible of [!checked, checked]) {
          const before = await snapshot(page, box);
          await panel.getByRole('checkbox', { name }).click();
          await waitIdle(page);
          expected.push({ id, visible });
          const want = visible ? 'visible' : 'none';
          expect(await mapVisibility(page, id), `${id} ${want}`).toEqual(PARTS.map(() => want));
          expect(await page.evaluate((id) => document.querySelector('geo-story')!.isLayerVisible(id), id)).toBe(
            visible,
          );
          expect(await panel.getByRole('checkbox', { name }).isChecked()).toBe(visible);
          const changed = await changedPixels(page, before, await snapshot(page, box));
          expect(changed, `pixels changed by ${id} -> ${want}`).toBeGreaterThan(40);
        }
      }
      expect(await toggles(page)).toEqual(expected);
      expect(errors).toEqual([]);
    });
  });

  it('toggles every layer through the API, and the panel always shows the true state', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      const { panel, box } = await openForToggling(page);
      const layers = await page.evaluate(() => document.querySelector('geo-story')!.layers);
      expect(layers.map((l) => [l.id, l.title, l.visible])).toEqual([
        ['corridor', 'Ecological corridor', true],
        ['protected-areas', 'Country park and scenic area', true],
        ['mirs-bay', 'Mirs Bay', false],
        ['boundary', 'Hong Kong - Shenzhen boundary', false],
        ['places', 'Places', false],
      ]);
      for (const layer of layers) {
        const before = await snapshot(page, box);
        const ok = await page.evaluate(({ id, v }) => document.querySelector('geo-story')!.setLayerVisible(id, v), {
          id: layer.id,
          v: !layer.visible,
        });
        expect(ok).toBe(true);
        await waitIdle(page);
        const want = layer.visible ? 'none' : 'visible';
        expect(await mapVisibility(page, layer.id)).toEqual(PARTS.map(() => want));
        expect(await panel.getByRole('checkbox', { name: layer.title }).isChecked()).toBe(!layer.visible);
        const now = await page.evaluate(
          (id) => document.querySelector('geo-story')!.layers.find((l) => l.id === id)!.visible,
          layer.id,
        );
        expect(now).toBe(!layer.visible);
        expect(
          await changedPixels(page, before, await snapshot(page, box)),
          `pixels changed by ${layer.id}`,
        ).toBeGreaterThan(40);
      }
      expect(await toggles(page)).toEqual(layers.map((l) => ({ id: l.id, visible: !l.visible })));
      // Asking for the state a layer already has changes nothing and fires nothing; unknown layers are refused.
      const again = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return [el.setLayerVisible('mirs-bay', true), el.setLayerVisible('no-such-layer', true)];
      });
      expect(again).toEqual([true, false]);
      expect(await toggles(page)).toHaveLength(layers.length);
      expect(errors).toEqual([]);
    });
  });

  it('keeps reader toggles until the next chapter starts, then shows that chapter’s layers', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const panel = page.locator('geo-story geo-story-layers');
      await panel.getByRole('button', { name: 'Layers and legend' }).click();
      await panel.getByRole('checkbox', { name: 'Places' }).click();
      await panel.getByRole('checkbox', { name: 'Ecological corridor' }).click();
      expect((await waitSettled(page)).visible).toEqual(['places', 'protected-areas']);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('bay'));
      const bay = await waitSettled(page);
      expect(bay.chapterId).toBe('bay');
      expect(bay.visible).toEqual(['boundary', 'mirs-bay']);
      expect((await panelBoxes(page)).filter((b) => b.checked).map((b) => b.id)).toEqual(['mirs-bay', 'boundary']);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('corridor'));
      const back = await waitSettled(page);
      expect(back.visible).toEqual(['corridor', 'protected-areas']);
      expect(await mapVisibility(page, 'places')).toEqual(PARTS.map(() => 'none'));
      expect(errors).toEqual([]);
    });
  });

  it('works from the keyboard alone', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      const panel = page.locator('geo-story geo-story-layers');
      const toggle = panel.getByRole('button', { name: 'Layers and legend' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const panel = document.querySelector('geo-story')!.shadowRoot!.querySelector('geo-story-layers')!.shadowRoot!;
        return (panel.activeElement as HTMLInputElement | null)?.dataset.layer;
      });
      expect(focused).toBe('corridor');
      await page.keyboard.press('Space');
      await waitIdle(page);
      expect(await mapVisibility(page, 'corridor')).toEqual(PARTS.map(() => 'none'));
      // A visible focus ring on the focused checkbox.
      const outline = await page.evaluate(() => {
        const panel = document.querySelector('geo-story')!.shadowRoot!.querySelector('geo-story-layers')!.shadowRoot!;
        return getComputedStyle(panel.activeElement!).outlineStyle;
      });
      expect(outline).toBe('solid');
      expect(errors).toEqual([]);
    });
  });

  it('works on its own elsewhere in the page, with for= naming the story', async () => {
    await withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      await page.evaluate(() => {
        const panel = document.createElement('geo-story-layers');
        panel.setAttribute('for', document.querySelector('geo-story')!.id);
        panel.id = 'outside';
        document.body.prepend(panel);
      });
      const outside = page.locator('#outside');
      // Not collapsible: the list shows at once, under a heading.
      await outside.getByRole('heading', { name: 'Layers' }).waitFor();
      expect(await outside.getByRole('checkbox', { name: 'Ecological corridor' }).isChecked()).toBe(true);
      await outside.getByRole('checkbox', { name: 'Mirs Bay' }).check();
      await waitIdle(page);
      expect(await mapVisibility(page, 'mirs-bay')).toEqual(PARTS.map(() => 'visible'));
      // The panel inside the story shows the same state, and both follow a chapter change.
      await page.locator('geo-story geo-story-layers').getByRole('button', { name: 'Layers and legend' }).click();
      expect(
        await page.locator('geo-story geo-story-layers').getByRole('checkbox', { name: 'Mirs Bay' }).isChecked(),
      ).toBe(true);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('bay'));
      await waitSettled(page);
      expect(await outside.getByRole('checkbox', { name: 'Ecological corridor' }).isChecked()).toBe(false);
      expect(await outside.getByRole('checkbox', { name: 'Hong Kong - Shenzhen boundary' }).isChecked()).toBe(true);
      // And the story's language.
      await page.evaluate(() => (document.querySelector('geo-story')!.lang = 'zh-Hant'));
      await outside.getByRole('checkbox', { name: '大鵬灣' }).waitFor();
      expect(errors).toEqual([]);
    });
  });

  it('shows each chapter’s legend for its own layers only, readable at 390 px, with the panel usable there too', async () => {
    await withPage(pageUrl(), { width: 390, height: 800 }, async ({ page, errors }) => {
      await waitReady(page);
      const legends = await page.evaluate(() => {
        const root = document.querySelector('geo-story')!.shadowRoot!;
        return [...root.querySelectorAll('[data-chapter-id]')].map((c) => {
          const legend = c.querySelector('[part="legend"]')!;
          const r = legend.getBoundingClientRect();
          const chapter = c.getBoundingClientRect();
          return {
            id: c.getAttribute('data-chapter-id'),
            items: [...legend.querySelectorAll('li')].map((li) => li.textContent!.trim()),
            inside: r.left >= chapter.left && r.right <= chapter.right,
            fontPx: parseFloat(getComputedStyle(legend).fontSize),
          };
        });
      });
      expect(legends).toEqual([
        { id: 'corridor', items: ['生態廊道', '郊野公園及風景名勝區'], inside: true, fontPx: expect.any(Number) },
        { id: 'bay', items: ['大鵬灣', '港深界線'], inside: true, fontPx: expect.any(Number) },
      ]);
      for (const l of legends) expect(l.fontPx).toBeGreaterThanOrEqual(12);
      // The panel stays above the chapter cards: a real click reaches it and toggles the map.
      const panel = page.locator('geo-story geo-story-layers');
      await panel.getByRole('button', { name: '圖層及圖例' }).click();
      await panel.getByRole('checkbox', { name: '大鵬灣' }).click();
      await waitIdle(page);
      expect(await mapVisibility(page, 'mirs-bay')).toEqual(PARTS.map(() => 'visible'));
      const fits = await page.evaluate(() => {
        const r = document
          .querySelector('geo-story')!
          .shadowRoot!.querySelector('geo-story-layers')!
          .getBoundingClientRect();
        return r.left >= 0 && r.right <= 390 && r.top >= 0;
      });
      expect(fits).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
