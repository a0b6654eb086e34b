import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (story: string) => `${base}index.html?story=${encodeURIComponent(story)}`;

/** Installed before any page script: records the message of every geo-story-error event. */
const RECORD_ERRORS = () => {
  const w = window as unknown as { storyErrors: string[] };
  w.storyErrors = [];
  document.addEventListener('geo-story-error', (e) => w.storyErrors.push((e as CustomEvent).detail.message));
};

/** What a dev or preview server sends for a path it does not have: the site's index.html, status 200. */
const indexHtml = () => readFile(resolve(import.meta.dirname, '../index.html'), 'utf8');

describe('a file that is not there, answered with index.html', () => {
  const withPage = useBrowser();

  it('says "file not found" for a misspelt story, not "missing front matter"', async () => {
    const story = '/stories/gba-cooperaton.md';
    const html = await indexHtml();
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
      await page.route(`**${story}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
      await page.goto(pageUrl(story));
      const rejected = await page.evaluate(async () => {
        await customElements.whenDefined('geo-story');
        return document.querySelector('geo-story')!.ready.then(
          () => '',
          (e: Error) => e.message,
        );
      });
      expect(rejected).toBe(`file not found: ${story}`);
      const shown = await page.evaluate(() => document.querySelector('geo-story')!.shadowRoot!.textContent ?? '');
      expect(shown).toContain(`file not found: ${story}`);
      expect(shown).not.toMatch(/front matter/i);
      const errors = await page.evaluate(() => (window as unknown as { storyErrors: string[] }).storyErrors);
      expect(errors).toEqual([`file not found: ${story}`]);
    });
  });

  it('says "file not found" for a misspelt layer file, not "invalid JSON", at the line declaring it', async () => {
    const story = '/tests/fixtures/stories/broken-layers.md';
    const html = await indexHtml();
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
      await page.route('**/geo/no-such-layer.geojson', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: html }),
      );
      await page.goto(pageUrl(story));
      await page.waitForFunction(() =>
        (window as unknown as { storyErrors: string[] }).storyErrors.some((m) => m.includes('no-such-layer')),
      );
      const errors = await page.evaluate(() => (window as unknown as { storyErrors: string[] }).storyErrors);
      const message = errors.find((m) => m.includes('no-such-layer'));
      expect(message).toMatch(
        /broken-layers\.md:\d+: error: layers\.missing\.file: file not found: \.\.\/geo\/no-such-layer\.geojson$/,
      );
      expect(message).not.toMatch(/JSON/);
    });
  });
});
