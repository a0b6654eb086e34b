import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStory } from '../scripts/new-story.js';
import { main as validate } from '../scripts/validate.js';
import { waitReady } from './support/browser.js';
import { startDevServer } from './support/dev-server.js';
import { useBrowser } from './support/use-browser.js';

const root = resolve(import.meta.dirname, '..');

/** A two-chapter story over one point layer, `pin.geojson`, beside it; `text` is the second chapter's English text. */
const story = (text: string, zoom = '11') => `---
id: live
title: {zh-Hant: 即時預覽, en: Live preview}
defaultLang: en
layers:
  - id: pin
    file: pin.geojson
    title: {zh-Hant: 標記, en: Pin}
    style: {color: '#0072B2', circleRadius: 6}
---

\`\`\`chapter
id: first
title: {zh-Hant: 第一章, en: First}
camera: {center: [114.2, 22.5], zoom: 10}
layers: [pin]
\`\`\`

:::zh-Hant
第一章。
:::

:::en
The first chapter.
:::

\`\`\`chapter
id: second
title: {zh-Hant: 第二章, en: Second}
camera: {center: [114.2, 22.5], zoom: ${zoom}}
layers: [pin]
\`\`\`

:::zh-Hant
第二章。
:::

:::en
${text}
:::
`;

/** A layer with one point. */
const pin = (lon: number, lat: number) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'pin',
        properties: { name_zh_hant: '標記', name_en: 'Pin', source: 'test', confidence: 'high' },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      },
    ],
  });

/** The second chapter's English text and the chapter the element is at. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('geo-story')!;
    return {
      chapter: el.chapterId,
      text: el.shadowRoot!.querySelector('[data-chapter-id="second"] [lang="en"] p')?.textContent ?? '',
    };
  });

/** The coordinates of the pin layer's data on the map, once the map has it. */
const pinOnMap = (page: Page) =>
  page.evaluate(async () => {
    const source = document.querySelector('geo-story')!.map?.getSource('story:pin') as
      import('maplibre-gl').GeoJSONSource | undefined;
    const data = (await source?.getData()) as GeoJSON.FeatureCollection<GeoJSON.Point> | undefined;
    return data?.features[0]?.geometry.coordinates ?? null;
  });

describe('live preview in npm start', () => {
  const withPage = useBrowser();
  let server: ViteDevServer;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'geo-story-live-'));
    writeFileSync(join(dir, 'live.md'), story('Before the edit.'));
    writeFileSync(join(dir, 'pin.geojson'), pin(114.2, 22.5));
    newStory('demo-x', dir);
    server = await startDevServer(dir);
    // The story lives outside the project; the dev server watches it as it watches stories/.
    server.watcher.add(dir);
    url = `${server.resolvedUrls!.local[0]}index.html?story=${encodeURIComponent(`/@fs${dir}/live.md`)}`;
  });

  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows a story edit and a layer edit in the open page, at the chapter the reader is at', async () => {
    await withPage(url, async ({ page, errors }) => {
      await waitReady(page);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('second'));
      expect(await shown(page)).toEqual({ chapter: 'second', text: 'Before the edit.' });

      writeFileSync(join(dir, 'live.md'), story('After the edit.'));
      await page.waitForFunction(
        () =>
          document.querySelector('geo-story')!.shadowRoot!.querySelector('[data-chapter-id="second"] [lang="en"] p')
            ?.textContent === 'After the edit.',
      );
      expect(await shown(page)).toEqual({ chapter: 'second', text: 'After the edit.' });

      await waitReady(page);
      expect(await pinOnMap(page)).toEqual([114.2, 22.5]);
      writeFileSync(join(dir, 'pin.geojson'), pin(114.25, 22.55));
      await expect.poll(() => pinOnMap(page), { timeout: 30_000 }).toEqual([114.25, 22.55]);
      expect((await shown(page)).chapter).toBe('second');
      expect(page.url()).toContain('#live/second');
      expect(errors).toEqual([]);
    });
  });

  it('opens a story npm run new-story wrote, with its layer, measurement and no problems', async () => {
    const scaffolded = url.replace(encodeURIComponent('/live.md'), encodeURIComponent('/stories/demo-x.md'));
    await withPage(scaffolded, async ({ page, errors }) => {
      await waitReady(page);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('along-the-trail'));
      const measure = page.locator('geo-story').locator('[data-chapter-id="along-the-trail"] [part="chapter-measure"]');
      await measure.waitFor();
      const shown = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return {
          chapters: el.chapters.map((c) => c.id),
          layers: el.layers.map((l) => ({ id: l.id, unavailable: l.unavailable ?? '' })),
          problems: el.shadowRoot!.querySelector('[part="problems"]')?.textContent ?? '',
        };
      });
      expect(shown).toEqual({
        chapters: ['start', 'along-the-trail'],
        layers: [{ id: 'trail', unavailable: '' }],
        problems: '',
      });
      expect(await measure.textContent()).toMatch(/\d+(\.\d+)? (公里|km)/);
      expect(errors).toEqual([]);
    });
  });

  it('shows the validator’s errors over the page while the story has them, in its words', async () => {
    writeFileSync(join(dir, 'live.md'), story('Before the edit.'));
    await withPage(url, async ({ page }) => {
      await waitReady(page);
      const overlay = page.locator('#geo-story-problems');
      expect(await overlay.count()).toBe(0);

      writeFileSync(join(dir, 'live.md'), story('Broken.', 'high'));
      await overlay.waitFor();
      const file = relative(root, join(dir, 'live.md'));
      const printed: string[] = [];
      validate([file], root, (line) => printed.push(line));
      expect(printed[0]).toContain(': error: chapters[1].camera.zoom: expected a number from 0 to 22');
      expect(await overlay.getAttribute('role')).toBe('alert');
      expect(await overlay.locator('pre').textContent()).toBe(printed.join('\n'));

      writeFileSync(join(dir, 'live.md'), story('Fixed.'));
      await overlay.waitFor({ state: 'detached' });
      expect(readFileSync(join(dir, 'live.md'), 'utf8')).toContain('Fixed.');
    });
  });
});
