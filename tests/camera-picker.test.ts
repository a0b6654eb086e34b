import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { startDevServer } from './support/dev-server.js';
import { useBrowser } from './support/use-browser.js';

const root = resolve(import.meta.dirname, '..');
const FIXTURE = 'tests/fixtures/stories/framing.md';

/** What the map shows: its zoom, bearing and pitch, and the place under points spread over the map's lower two thirds. */
function view(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('geo-story')!.map!;
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    const points = [0.2, 0.5, 0.8].flatMap((x) => [0.4, 0.65, 0.9].map((y) => map.unproject([w * x, h * y]).toArray()));
    return { zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch(), points };
  });
}

/** Metres between two [lon, lat] near 22.5 degrees north (an equirectangular approximation, ample for metres). */
const metres = (a: number[], b: number[]) =>
  Math.hypot((a[0]! - b[0]!) * Math.cos((22.5 * Math.PI) / 180), a[1]! - b[1]!) * 111_195;

/** The fixture story with chapter `id`'s camera replaced by `yaml`, its layers found from anywhere on the server. */
function pasted(id: string, yaml: string): string {
  const text = readFileSync(resolve(root, FIXTURE), 'utf8').replaceAll('../../../geo/', '/geo/');
  const start = text.indexOf(`id: ${id}\n`);
  const camera = text.indexOf('camera:', start);
  const end = text.indexOf('\nlayers:', camera);
  return `${text.slice(0, camera)}${yaml.trimEnd()}${text.slice(end)}`;
}

describe('the camera picker of npm start', () => {
  const withPage = useBrowser();
  let server: ViteDevServer;
  let dir: string;
  let devUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'geo-story-picker-'));
    server = await startDevServer(dir);
    devUrl = `${server.resolvedUrls!.local[0]}index.html?lang=en&story=`;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // A view chapter, pitched; and a fit whose own padding differs side to side. The map's padding
  // then holds the fit's padding too, and the picker takes it off. (Pitched, the point a padded
  // map looks at moves with its padding, which shifts the perspective a little: see the README.)
  for (const [chapter, pitch] of [
    ['start', 35],
    ['box', 0],
  ] as const) {
    it(`copies a camera block that, pasted into the story, shows the same view (chapter ${chapter}, 390x844)`, async () => {
      const size = { width: 390, height: 844 };
      const picked = await withPage(`${devUrl}${encodeURIComponent(`/${FIXTURE}`)}`, size, async ({ page, errors }) => {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        await waitReady(page);
        await page.evaluate((id) => document.querySelector('geo-story')!.goTo(id), chapter);
        await waitSettled(page);
        // The author moves the map to the view the chapter should have.
        await page.evaluate(
          (p) =>
            document
              .querySelector('geo-story')!
              .map!.jumpTo({ center: [114.31, 22.41], zoom: 11.37, bearing: 23, pitch: p }),
          pitch,
        );
        // Closed at first, over nothing; open, it follows the map.
        await expect.poll(() => page.locator('.dev-camera-picker textarea').isVisible()).toBe(false);
        await page.locator('.dev-camera-picker summary').click();
        const yaml = page.locator('.dev-camera-picker textarea');
        await expect.poll(() => yaml.inputValue()).toContain('zoom: 11.37');
        await page.locator('.dev-camera-picker button').click();
        await page.locator('.dev-camera-picker [role="status"]').getByText('Copied').waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toBe(await yaml.inputValue());
        expect(copied).toMatch(
          new RegExp(
            `^camera:\\n {2}center: \\[114\\.\\d+, 22\\.\\d+\\]\\n {2}zoom: 11\\.37\\n {2}bearing: 23\\n {2}pitch: ${pitch}\\n$`,
          ),
        );
        expect(errors).toEqual([]);
        return { yaml: copied, view: await view(page) };
      });

      writeFileSync(join(dir, `${chapter}.md`), pasted(chapter, picked.yaml));
      const url = `${devUrl}${encodeURIComponent(`/@fs${dir}/${chapter}.md`)}`;
      await withPage(url, size, async ({ page, errors }) => {
        await waitReady(page);
        await page.evaluate((id) => document.querySelector('geo-story')!.goTo(id), chapter);
        await waitSettled(page);
        const again = await view(page);
        expect(again.zoom).toBeCloseTo(picked.view.zoom, 2);
        expect(again.bearing).toBeCloseTo(picked.view.bearing, 1);
        expect(again.pitch).toBeCloseTo(picked.view.pitch, 1);
        const apart = again.points.map((p, i) => metres(p, picked.view.points[i]!));
        expect(Math.max(...apart)).toBeLessThan(5);
        expect(errors).toEqual([]);
      });
    });
  }

  it('is not on the built site', async () => {
    await withPage(`${inject('baseUrl')}index.html`, async ({ page }) => {
      await waitReady(page);
      expect(await page.locator('.dev-camera-picker').count()).toBe(0);
    });
  });
});
