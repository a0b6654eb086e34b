import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (lang: string) => `${base}index.html?lang=${lang}`;

/** A focus stop, described well enough to tell the stops apart in a failure message. */
interface Stop {
  /** Where it is: `story` (the element's own shadow root), `panel` (the layer panel's), `page`. */
  root: 'story' | 'panel' | 'page';
  tag: string;
  cls: string;
  name: string;
  outlineStyle: string;
  outlineWidth: number;
  outlineColor: string;
}

/** Describes the element that has the focus now, looking inside shadow roots. */
function focused(page: Page): Promise<Stop | undefined> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let root: 'story' | 'panel' | 'page' = 'page';
    while (el?.shadowRoot?.activeElement) {
      root = el.localName === 'geo-story-layers' ? 'panel' : 'story';
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body) return undefined;
    const style = getComputedStyle(el);
    const name = el.getAttribute('aria-label') ?? el.getAttribute('data-chapter-id') ?? el.textContent!.trim();
    return {
      root,
      tag: el.localName,
      cls: typeof el.className === 'string' ? el.className : '',
      name: name.slice(0, 40),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
    };
  });
}

/** WCAG contrast ratio of an `rgb(...)` colour against white. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = rgb
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map(Number);
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const l = 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  return 1.05 / (l + 0.05);
}

/** Waits until the story is at chapter `id`: its property, the marked chapter text and, when asked, the focus. */
async function expectAt(page: Page, id: string, focusInText: boolean): Promise<void> {
  await page.waitForFunction(
    ([want, focus]) => {
      const el = document.querySelector('geo-story')!;
      const active = el.shadowRoot!.querySelector<HTMLElement>('.chapter.active');
      const current = el.shadowRoot!.querySelector<HTMLElement>('[aria-current="step"]');
      const focusOk = !focus || (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.chapterId === want;
      return el.chapterId === want && active?.dataset.chapterId === want && current === active && focusOk;
    },
    [id, focusInText] as const,
    { timeout: 10_000 },
  );
}

/** Puts a button before and one after the element, so a test can tell the focus entered and left it. */
async function addNeighbours(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('geo-story')!;
    for (const [id, where] of [
      ['before', 'beforebegin'],
      ['after', 'afterend'],
    ] as const) {
      const b = document.createElement('button');
      b.id = id;
      b.textContent = id;
      el.insertAdjacentElement(where, b);
    }
  });
}

/** How many controls in the element's shadow roots a reader can reach with Tab now. */
function tabbableCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const story = document.querySelector('geo-story')!.shadowRoot!;
    const panel = story.querySelector('geo-story-layers')?.shadowRoot;
    const all = [...story.querySelectorAll('*'), ...(panel?.querySelectorAll('*') ?? [])] as HTMLElement[];
    return all.filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        el.localName !== 'geo-story-layers' &&
        (el.matches('button, a[href], summary, input, canvas, [tabindex]') || el.isContentEditable) &&
        el.checkVisibility({ visibilityProperty: true }),
    ).length;
  });
}

/**
 * Presses `key` until the page's own button `id` has the focus; returns the stops inside the
 * element on the way, and how many controls it had at the last of them (focus in the text scrolls
 * the story on, which enables and disables the previous / next buttons).
 */
async function tabTo(page: Page, key: 'Tab' | 'Shift+Tab', id: string): Promise<{ stops: Stop[]; tabbable: number }> {
  const stops: Stop[] = [];
  let tabbable = 0;
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press(key);
    const stop = await focused(page);
    if (stop?.root === 'page' && stop.name === id) return { stops, tabbable };
    if (!stop || stop.root === 'page') throw new Error(`focus left the element for ${JSON.stringify(stop)}`);
    stops.push(stop);
    tabbable = await tabbableCount(page);
  }
  throw new Error(`${key} never reached #${id}: a keyboard trap after ${JSON.stringify(stops.slice(-5))}`);
}

describe('keyboard', () => {
  const withPage = useBrowser();

  it('steps through every chapter and back with the arrow keys, Page Up / Down and Space, focus following in the text', () =>
    withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const ids = await page.evaluate(() => document.querySelector('geo-story')!.chapters.map((c) => c.id));
      expect(ids.length).toBeGreaterThan(3);
      // As a click in the first chapter's text would.
      await page.evaluate(() =>
        document.querySelector('geo-story')!.shadowRoot!.querySelector<HTMLElement>('[data-chapter-id]')!.focus(),
      );
      const forward = ['ArrowDown', 'PageDown', 'Space'];
      for (let i = 1; i < ids.length; i++) {
        await page.keyboard.press(forward[i % 3]!);
        await expectAt(page, ids[i]!, true);
      }
      const backward = ['ArrowUp', 'PageUp', 'Shift+Space'];
      for (let i = ids.length - 2; i >= 0; i--) {
        await page.keyboard.press(backward[i % 3]!);
        await expectAt(page, ids[i]!, true);
      }
      // Where the keys left the story is where scrolling put it: the map and the text agree.
      const state = await waitSettled(page);
      expect(state.chapterId).toBe(ids[0]);
      expect(errors).toEqual([]);
    }));

  it('goes to the last chapter with End and to the first with Home, from the map controls too', () =>
    withPage(pageUrl('zh-Hant'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const ids = await page.evaluate(() => document.querySelector('geo-story')!.chapters.map((c) => c.id));
      await page.evaluate(() => document.querySelector('geo-story')!.goTo(2));
      await page.evaluate(() =>
        document.querySelector('geo-story')!.shadowRoot!.querySelector<HTMLElement>('.chapter.active')!.focus(),
      );
      await page.keyboard.press('End');
      await expectAt(page, ids.at(-1)!, true);
      await page.keyboard.press('Home');
      await expectAt(page, ids[0]!, true);
      // On a map control the chapter changes and the focus stays on the control.
      await page.evaluate(() =>
        document
          .querySelector('geo-story')!
          .shadowRoot!.querySelector<HTMLElement>('.maplibregl-ctrl-zoom-in')!
          .focus(),
      );
      await page.keyboard.press('End');
      await expectAt(page, ids.at(-1)!, false);
      expect((await focused(page))?.cls).toContain('maplibregl-ctrl-zoom-in');
      await page.keyboard.press('ArrowUp');
      await expectAt(page, ids.at(-2)!, false);
      expect(errors).toEqual([]);
    }));

  it('leaves the arrow and zoom keys to the focused map canvas: they pan and zoom it, the chapter stays', () =>
    withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      const before = await waitSettled(page);
      await page.evaluate(() => document.querySelector('geo-story')!.map!.getCanvas().focus());
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const panned = await waitSettled(page);
      expect(panned.chapterId).toBe(before.chapterId);
      // MapLibre's arrow keys pan by 100 px: south and east.
      expect(panned.center[1]).toBeLessThan(before.center[1]);
      expect(panned.center[0]).toBeGreaterThan(before.center[0]);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Equal');
      const zoomed = await waitSettled(page);
      expect(zoomed.chapterId).toBe(before.chapterId);
      expect(zoomed.zoom).toBeGreaterThan(before.zoom + 0.5);
      // Page Down is not the map's: it still turns the page, and the focus stays on the map.
      await page.keyboard.press('PageDown');
      const ids = await page.evaluate(() => document.querySelector('geo-story')!.chapters.map((c) => c.id));
      await expectAt(page, ids[1]!, false);
      expect((await focused(page))?.tag).toBe('canvas');
      expect(errors).toEqual([]);
    }));

  it('leaves Space to a focused button', () =>
    withPage(pageUrl('zh-Hant'), async ({ page, errors }) => {
      await waitReady(page);
      const before = await waitSettled(page);
      const english = page.locator('geo-story').getByRole('button', { name: 'English' });
      await english.focus();
      await page.keyboard.press('Space');
      await page.waitForFunction(() => document.querySelector('geo-story')!.lang === 'en');
      expect(await page.evaluate(() => document.querySelector('geo-story')!.chapterId)).toBe(before.chapterId);
      expect(errors).toEqual([]);
    }));

  it('has a skip link in both languages that moves the focus past the map, and Tab then leaves the element', async () => {
    for (const [lang, label] of [
      ['zh-Hant', '跳過地圖'],
      ['en', 'Skip the map'],
    ] as const)
      await withPage(pageUrl(lang), async ({ page, errors }) => {
        await waitReady(page);
        await waitSettled(page);
        await addNeighbours(page);
        const skip = page.locator('geo-story').getByRole('button', { name: label });
        await skip.focus();
        // Shown while focused, over the map.
        const box = (await skip.boundingBox())!;
        expect(box.width).toBeGreaterThan(40);
        expect(box.height).toBeGreaterThan(16);
        await page.keyboard.press('Enter');
        const landed = await focused(page);
        expect(landed?.cls).toBe('map-end');
        expect(landed?.outlineStyle).toBe('solid');
        expect((await page.locator('geo-story .map-end').boundingBox())!.width).toBeGreaterThan(40);
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('after');
        // Not a Tab stop of its own: back from after the element, Shift+Tab goes to the layer panel.
        await page.keyboard.press('Shift+Tab');
        expect((await focused(page))?.root).toBe('panel');
        expect(errors).toEqual([]);
      });
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    it(`reaches every control with Tab, in reading order, with a visible focus ring, and leaves the element both ways (${size.width}x${size.height})`, () =>
      withPage(pageUrl('en'), size, async ({ page, errors }) => {
        await waitReady(page);
        await waitSettled(page);
        await addNeighbours(page);
        await page.locator('#before').focus();
        const { stops, tabbable } = await tabTo(page, 'Tab', 'after');
        const at = (pred: (s: Stop) => boolean) => stops.findIndex(pred);
        const names = stops.map((s) => `${s.tag}.${s.cls.split(' ')[0]}:${s.name}`);
        expect(stops.length, names.join('\n')).toBe(tabbable);
        const english = at((s) => s.name === 'English');
        const skip = at((s) => s.cls === 'skip-map');
        const canvas = at((s) => s.tag === 'canvas');
        const zoomIn = at((s) => s.cls.includes('maplibregl-ctrl-zoom-in'));
        const measure = at((s) => s.cls.includes('geo-story-measure-toggle'));
        const attribution = at((s) => s.cls.includes('maplibregl-ctrl-attrib-button'));
        const next = at((s) => s.name === 'Next chapter');
        const layers = at((s) => s.root === 'panel');
        for (const [what, i] of Object.entries({ english, skip, canvas, zoomIn, measure, attribution, next, layers }))
          expect(i, `${what} in\n${names.join('\n')}`).toBeGreaterThanOrEqual(0);
        // The text, then the skip link, then the map and what sits on it.
        expect(english).toBeLessThan(skip);
        expect(canvas).toBe(skip + 1);
        expect(layers).toBeGreaterThan(canvas);
        for (const s of stops) {
          expect(s.outlineStyle, names[stops.indexOf(s)]).toBe('solid');
          expect(s.outlineWidth, names[stops.indexOf(s)]).toBeGreaterThanOrEqual(2);
          expect(contrastOnWhite(s.outlineColor), names[stops.indexOf(s)]).toBeGreaterThanOrEqual(3);
        }
        // And back: Shift+Tab from after the element goes through it to before it.
        const back = await tabTo(page, 'Shift+Tab', 'before');
        expect(back.stops.length).toBe(back.tabbable);
        expect(errors).toEqual([]);
      }));
});
