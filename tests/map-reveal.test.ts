import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { REVEAL_AFTER_MS } from '../src/map/reveal.js';
import { waitReady } from './support/browser.js';
import { holdRoute } from './support/hold-route.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
/** One English element of the default fixture story. */
const PAGE = `${base}tests/fixtures/pages/pool.html?near=en`;
const EL = '#near-0';
const LAND_TILE = /\/\d+\/\d+\/\d+\.pbf$/;

/** The map canvas's computed opacity, the map box's status line, and whether `ready` has resolved. */
const shown = (page: Page) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElementTagNameMap['geo-story'] & { __ready?: boolean };
    void el.ready.then(() => (el.__ready = true));
    const canvas = el.shadowRoot!.querySelector('.maplibregl-canvas');
    return {
      opacity: canvas ? getComputedStyle(canvas).opacity : undefined,
      status: el.shadowRoot!.querySelector('.map-box .status')?.textContent ?? '',
      ready: !!el.__ready,
    };
  }, EL);

describe('a new map is shown once it is drawn whole', () => {
  const withPage = useBrowser();

  it('its canvas is transparent while the basemap loads, the box says the map is loading, and it is shown at ready', async () => {
    await withPage('about:blank', async ({ page, errors }) => {
      const tiles = holdRoute();
      await page.route(LAND_TILE, tiles.handler);
      await page.goto(PAGE);
      await tiles.held;
      expect(await shown(page)).toEqual({ opacity: '0', status: 'Loading the map…', ready: false });
      tiles.release();
      await waitReady(page, EL);
      expect(await shown(page)).toMatchObject({ opacity: '1', ready: true });
      expect(errors).toEqual([]);
    });
  });

  it(`a map still loading after ${REVEAL_AFTER_MS} ms is shown as far as it is drawn`, async () => {
    await withPage('about:blank', async ({ page }) => {
      const tiles = holdRoute();
      await page.route(LAND_TILE, tiles.handler);
      await page.goto(PAGE);
      await tiles.held;
      const heldAt = Date.now();
      await page.waitForFunction(
        (sel) => {
          const canvas = document.querySelector(sel)!.shadowRoot!.querySelector('.maplibregl-canvas');
          return canvas && getComputedStyle(canvas).opacity === '1';
        },
        EL,
        { timeout: REVEAL_AFTER_MS + 10_000, polling: 100 },
      );
      expect(Date.now() - heldAt).toBeLessThan(REVEAL_AFTER_MS + 5_000);
      // Shown before the map is ready: its land tiles are still held.
      expect((await shown(page)).ready).toBe(false);
      tiles.release();
      await waitReady(page, EL);
    });
  });
});
