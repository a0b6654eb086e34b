import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (lang: string) => `${base}index.html?lang=${lang}`;

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether two boxes share more than half a pixel each way. */
const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/**
 * The boxes of every control a reader sees over the map or in the text, and of every line of
 * chapter text in view (clipped to the viewport): the chapter steps and contents button, the
 * progress bar, the language switch, the layer button, the measure button, the zoom buttons, the
 * attribution and, while focused, the skip link.
 */
function boxes(page: Page): Promise<{ controls: Box[]; text: Box[] }> {
  return page.evaluate(() => {
    const el = document.querySelector('geo-story')!;
    const root = el.shadowRoot!;
    const [vw, vh] = [innerWidth, innerHeight];
    const box = (name: string, e: Element): Box | undefined => {
      if (!e.checkVisibility({ visibilityProperty: true })) return undefined;
      const r = e.getBoundingClientRect();
      const b = {
        name,
        left: Math.max(r.left, 0),
        top: Math.max(r.top, 0),
        right: Math.min(r.right, vw),
        bottom: Math.min(r.bottom, vh),
      };
      return b.right - b.left > 0.5 && b.bottom - b.top > 0.5 ? b : undefined;
    };
    const all = (name: string, sel: string, from: ParentNode = root) =>
      [...from.querySelectorAll(sel)].map((e, i) => box(`${name}[${i}]`, e));
    const layers = root.querySelector('geo-story-layers')?.shadowRoot;
    const controls = [
      ...all('steps', '[part="nav"] .steps button'),
      ...all('progress', '[part="progress"]'),
      ...all('lang-switch', '[part="lang-switch"]'),
      ...(layers ? all('layers', '[part="toggle"]', layers) : []),
      ...all('measure', '[part="measure-toggle"]'),
      ...all('zoom', '.maplibregl-ctrl-top-right .maplibregl-ctrl-group:has(.maplibregl-ctrl-zoom-in)'),
      ...all('attribution', '.maplibregl-ctrl-attrib'),
      ...all('skip', '.skip-map:focus'),
    ].filter((b): b is Box => !!b);
    const text = [...root.querySelectorAll('[data-chapter-id]')]
      .flatMap((article) =>
        [...article.querySelectorAll('h2, .body > *, .chapter-measure, .legend li, .sources h3, .sources li')].map(
          (e) =>
            box(`${article.getAttribute('data-chapter-id')} ${e.localName}: ${e.textContent!.trim().slice(0, 30)}`, e),
        ),
      )
      .filter((b): b is Box => !!b);
    return { controls, text };
  });
}

/** Every pair of boxes that overlap: control with control, control with text. */
function clashes({ controls, text }: { controls: Box[]; text: Box[] }): string[] {
  const found: string[] = [];
  controls.forEach((a, i) => {
    for (const b of controls.slice(i + 1)) if (overlap(a, b)) found.push(`${a.name} / ${b.name}`);
    for (const b of text) if (overlap(a, b)) found.push(`${a.name} / text ${b.name}`);
  });
  return found;
}

describe('controls keep clear of each other and of the text', () => {
  const withPage = useBrowser();

  for (const [lang, size] of [
    ['en', { width: 390, height: 844 }],
    ['zh-Hant', { width: 390, height: 844 }],
    ['en', { width: 1280, height: 800 }],
  ] as const)
    it(`in every chapter of the default story, ${lang} at ${size.width}x${size.height}`, () =>
      withPage(pageUrl(lang), size, async ({ page, errors }) => {
        await waitReady(page);
        const ids = await page.evaluate(() => document.querySelector('geo-story')!.chapters.map((c) => c.id));
        const found: string[] = [];
        let seen = 0;
        for (const id of ids) {
          await page.evaluate((c) => document.querySelector('geo-story')!.goTo(c), id);
          await waitSettled(page);
          const b = await boxes(page);
          // Every control is there to be checked: previous, next, contents, bar, layers, measure, zoom, attribution.
          expect(b.controls.length, JSON.stringify(b.controls.map((c) => c.name))).toBeGreaterThanOrEqual(8);
          expect(b.text.length, id).toBeGreaterThan(0);
          seen += b.text.length;
          found.push(...clashes(b).map((c) => `${id}: ${c}`));
        }
        // The skip link, while it shows, keeps clear too (at the first chapter, under the heading).
        await page.evaluate(() => document.querySelector('geo-story')!.goTo(0));
        await waitSettled(page);
        await page.locator('geo-story .skip-map').focus();
        const withSkip = await boxes(page);
        expect(withSkip.controls.some((c) => c.name.startsWith('skip'))).toBe(true);
        found.push(...clashes(withSkip).map((c) => `skip link shown: ${c}`));
        expect(found).toEqual([]);
        expect(seen).toBeGreaterThan(ids.length);
        expect(errors).toEqual([]);
      }));

  it('folds the attribution behind its button on a phone, and it opens legibly on the screen', () =>
    withPage(pageUrl('en'), { width: 390, height: 844 }, async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const attribution = () =>
        page.evaluate(() => {
          const d = document
            .querySelector('geo-story')!
            .shadowRoot!.querySelector<HTMLDetailsElement>('.maplibregl-ctrl-attrib')!;
          const inner = d.querySelector('.maplibregl-ctrl-attrib-inner')!;
          const r = d.getBoundingClientRect();
          const style = getComputedStyle(inner);
          return {
            open: d.open,
            width: r.width,
            height: r.height,
            left: r.left,
            right: r.right,
            fontPx: parseFloat(style.fontSize),
            text: inner.textContent!,
          };
        });
      const folded = await attribution();
      expect(folded.open).toBe(false);
      // Folded: the (i) button alone, one line at most.
      expect(folded.width).toBeLessThan(40);
      expect(folded.height).toBeLessThan(40);
      await page.locator('geo-story .maplibregl-ctrl-attrib-button').click();
      const open = await attribution();
      expect(open.open).toBe(true);
      expect(open.text).toContain('OpenStreetMap');
      expect(open.fontPx).toBeGreaterThanOrEqual(11);
      expect(open.left).toBeGreaterThanOrEqual(0);
      expect(open.right).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
    }));
});

describe('touch', () => {
  const withPage = useBrowser();

  it('steps chapters by touch scrolling, and opens the layer panel and measures by tapping', () =>
    withPage(pageUrl('en'), { width: 390, height: 844, hasTouch: true }, async ({ page, context, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const index = () => page.evaluate(() => document.querySelector('geo-story')!.chapterIndex);
      const cdp = await context.newCDPSession(page);
      /** A finger drawn up (negative) or down the screen over the text, as touch events: up reads on. */
      const swipe = async (dy: number, x = 150, y = 600) => {
        const point = (py: number) => [{ x, y: py, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(y) });
        for (let i = 1; i <= 10; i++)
          await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + (dy * i) / 10) });
        // The finger rests before it lifts, so the page does not glide on (a tap then would only stop it).
        await page.waitForTimeout(150);
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y + dy) });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        // The scroll settles and the chapter follows on the next frames.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      };
      expect(await index()).toBe(0);
      for (let i = 0; i < 8 && (await index()) < 2; i++) await swipe(-500);
      expect(await index()).toBeGreaterThanOrEqual(2);
      const far = await index();
      for (let i = 0; i < 8 && (await index()) >= far; i++) await swipe(400);
      expect(await index()).toBeLessThan(far);
      await waitSettled(page);
      // A tap while the page still glides after a swipe only stops the glide: wait until it rests.
      await page.waitForFunction(
        () =>
          new Promise<boolean>((resolve) => {
            const y = scrollY;
            setTimeout(() => resolve(scrollY === y), 300);
          }),
      );

      // The layer panel: tap its button, tap a checkbox.
      const center = async (locator: import('playwright-core').Locator) => {
        const b = (await locator.boundingBox())!;
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      };
      const panel = page.locator('geo-story geo-story-layers');
      let at = await center(panel.locator('[part="toggle"]'));
      await page.touchscreen.tap(at.x, at.y);
      await expect.poll(() => panel.locator('[part="toggle"]').getAttribute('aria-expanded')).toBe('true');
      const box = panel.locator('input[type="checkbox"]').first();
      const shown = () =>
        page.evaluate(() => document.querySelector('geo-story')!.layers.filter((l) => l.visible).length);
      const [before, count] = [await box.isChecked(), await shown()];
      at = await center(box);
      await page.touchscreen.tap(at.x, at.y);
      await expect.poll(() => box.isChecked()).toBe(!before);
      expect(await shown()).toBe(count + (before ? -1 : 1));
      at = await center(panel.locator('[part="toggle"]'));
      await page.touchscreen.tap(at.x, at.y);

      // Measure mode: tap the ruler, tap two points on the map, tap the ruler again.
      at = await center(page.locator('geo-story [part="measure-toggle"]'));
      await page.touchscreen.tap(at.x, at.y);
      await page.waitForFunction(() => document.querySelector('geo-story')!.measuring);
      await page.touchscreen.tap(120, 420);
      await page.touchscreen.tap(260, 620);
      await expect
        .poll(() => page.locator('geo-story [part="measure-readout"] p').first().textContent())
        .toMatch(/^Straight line: [\d.,]+ (k?m)$/);
      await page.touchscreen.tap(at.x, at.y);
      await page.waitForFunction(() => !document.querySelector('geo-story')!.measuring);
      expect(errors).toEqual([]);
    }));
});
