import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { BASE_CSP, STRICT_CSP } from './support/csp.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const FIXTURE = '/tests/fixtures/stories/three-chapters.md';

/** The policy violations the page has seen (tests/support/browser.ts records them). */
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

/** The policy of the page, as its meta element states it. */
const pagePolicy = (page: Page) =>
  page.evaluate(() => document.querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content'));

/** The icon buttons of the first `<geo-story>`'s map (shown, no text): each one's name, icon size and background images. */
function controls(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('geo-story')!.shadowRoot!;
    const buttons = [...root.querySelectorAll<HTMLElement>('.maplibregl-ctrl button, .maplibregl-ctrl summary')];
    return buttons
      .filter((b) => b.getClientRects().length > 0 && !b.textContent!.trim())
      .map((b) => {
        const icon = b.querySelector('svg');
        const box = icon?.getBoundingClientRect();
        const backgrounds = [b, ...b.querySelectorAll('*')].map((e) => getComputedStyle(e).backgroundImage);
        return {
          name: b.getAttribute('aria-label') ?? '',
          icon: box ? Math.round(box.width) > 8 && Math.round(box.height) > 8 : false,
          images: backgrounds.filter((i) => i !== 'none'),
        };
      });
  });
}

describe('strict Content-Security-Policy and Trusted Types', () => {
  const withPage = useBrowser();

  it('the demo page works under the strict policy with no violation: map, controls, chapters, languages, measuring, layers', async () => {
    await withPage(
      `${base}index.html?story=${encodeURIComponent(FIXTURE)}&lang=en`,
      { httpErrors: true },
      async ({ page, errors }) => {
        expect(await pagePolicy(page)).toBe(STRICT_CSP);
        await waitReady(page);
        await waitSettled(page);

        // Every control button shows a drawn icon and no background image (MapLibre's are data: URLs).
        const buttons = await controls(page);
        expect(buttons.map((b) => b.name)).toEqual(
          expect.arrayContaining(['Zoom in', 'Zoom out', 'Reset bearing to north', 'Show or hide data sources']),
        );
        for (const b of buttons) expect(b, b.name).toMatchObject({ icon: true, images: [] });
        // The sources are text in our own control: both basemap credits.
        const credits = await page.evaluate(
          () =>
            document.querySelector('geo-story')!.shadowRoot!.querySelector('.maplibregl-ctrl-attrib-inner')!
              .textContent,
        );
        expect(credits).toContain('Lands Department');
        expect(credits).toContain('OpenStreetMap contributors');

        // Every chapter, both ways; a language switch; measuring; a layer toggle.
        const count = await page.evaluate(() => document.querySelector('geo-story')!.chapters.length);
        for (const i of [...Array(count).keys(), ...[...Array(count).keys()].reverse()]) {
          await page.evaluate((i) => document.querySelector('geo-story')!.goTo(i), i);
          expect((await waitSettled(page)).chapterIndex).toBe(i);
        }
        await page.evaluate(() => (document.querySelector('geo-story')!.lang = 'zh-Hant'));
        await page.waitForFunction(() =>
          document.querySelector('geo-story')!.shadowRoot!.querySelector('.maplibregl-ctrl-zoom-in[aria-label="放大"]'),
        );
        await page.locator('geo-story').locator('.geo-story-measure-toggle').click();
        const measured = await page.evaluate(
          () =>
            document.querySelector('geo-story')!.measure([
              [114.17, 22.3],
              [114.2, 22.35],
            ]).straightMeters,
        );
        expect(measured).toBeGreaterThan(5000);
        await page.keyboard.press('Escape');
        const layer = await page.evaluate(() => document.querySelector('geo-story')!.layers[0]!.id);
        await page.evaluate((id) => document.querySelector('geo-story')!.setLayerVisible(id, false), layer);
        await waitSettled(page);

        expect(await violations(page)).toEqual([]);
        expect(errors).toEqual([]);
        // And the policy is in force: a markup string into innerHTML is refused.
        const refused = await page.evaluate(() => {
          try {
            document.createElement('div').innerHTML = '<b>markup</b>';
            return false;
          } catch {
            return true;
          }
        });
        expect(refused).toBe(true);
      },
    );
  });

  it('a map given back to the pool leaves a still image under the strict policy, with no violation', async () => {
    // One live map for two elements: scrolling to the far one makes the near one give its map back.
    const url = `${base}tests/fixtures/pages/pool.html?size=1&near=en&far=en`;
    await withPage(url, async ({ page, errors }) => {
      expect(await pagePolicy(page)).toBe(STRICT_CSP);
      await waitReady(page, '#near-0');
      await page.evaluate(() => document.querySelector('#far-0')!.scrollIntoView());
      await waitReady(page, '#far-0');
      const still = await page.waitForFunction(() => {
        const canvas = document.querySelector('#near-0')!.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.still');
        if (!canvas) return undefined;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        // The land colour of the basemap, #f3f0e8.
        let land = 0;
        for (let p = 0; p < data.length; p += 4)
          if (Math.abs(data[p]! - 0xf3) + Math.abs(data[p + 1]! - 0xf0) + Math.abs(data[p + 2]! - 0xe8) < 12) land++;
        return { part: canvas.getAttribute('part'), land: land / (data.length / 4) };
      });
      const { part, land } = (await still.jsonValue())!;
      expect(part).toBe('still');
      expect(land).toBeGreaterThan(0.05);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('a page under the baseline policy sees no violation either', async () => {
    await withPage(`${base}tests/fixtures/pages/flow-base.html`, async ({ page, errors }) => {
      expect(await pagePolicy(page)).toBe(BASE_CSP);
      await waitReady(page);
      await waitSettled(page);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('the README states both policies exactly as the tests use them', async () => {
    const readme = await readFile(resolve(import.meta.dirname, '../README.md'), 'utf8');
    expect(readme).toContain(BASE_CSP);
    expect(readme).toContain(STRICT_CSP);
  });

  it('a hostile story under the strict policy runs nothing, changes nothing and causes no violation', async () => {
    const story = encodeURIComponent('/tests/fixtures/stories/hostile.md');
    await withPage(`${base}tests/fixtures/pages/pool.html?near=en,zh-Hant&story=${story}`, async ({ page, errors }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await waitReady(page, '#near-0');
      await waitReady(page, '#near-1');
      // Both chapters of both elements, then the text is looked at and hovered and clicked over.
      for (const sel of ['#near-0', '#near-1']) {
        await page.evaluate((sel) => document.querySelector<HTMLElementTagNameMap['geo-story']>(sel)!.goTo('css'), sel);
        await page.evaluate(
          (sel) => document.querySelector<HTMLElementTagNameMap['geo-story']>(sel)!.goTo('scripts'),
          sel,
        );
      }
      const shown = await page.evaluate(() => {
        const el = document.querySelector('#near-0')!;
        const root = el.shadowRoot!;
        const body = root.querySelector('[data-chapter-id="scripts"]')!;
        const layout = root.querySelector('.layout')!;
        return {
          pwned: (window as unknown as { pwned?: unknown }).pwned,
          text: body.textContent!.replace(/\s+/g, ' '),
          title: root.querySelector('h1')!.textContent,
          // In the chapters' text (the map and the legends draw SVG of their own).
          dangerous: [...root.querySelectorAll('[data-chapter-id] .body')].flatMap((b) => [
            ...b.querySelectorAll('script, style, iframe, form, svg, math, link, base, [onclick], [onerror], [style]'),
          ]).length,
          shown: getComputedStyle(layout).display !== 'none',
          base: document.baseURI,
        };
      });
      await page.locator('#near-0').getByText('Covered?').click();
      await page.locator('#near-0').getByText('A javascript link').click();
      expect(shown.pwned).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(shown.text).toContain('Words before');
      expect(shown.text).toContain('Covered?');
      // Raw HTML is shown as the text it is.
      expect(shown.text).toContain(`<script>window.pwned = 'script'</script>`);
      expect(shown.title).toContain('Hostile content <script>');
      expect(shown.dangerous).toBe(0);
      expect(shown.shown).toBe(true);
      expect(shown.base).toBe(`${base}tests/fixtures/pages/pool.html?near=en,zh-Hant&story=${story}`);
      expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined();
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
});
