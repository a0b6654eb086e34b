import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (story?: string) => `${base}index.html${story ? `?story=${encodeURIComponent(story)}` : ''}`;
/** The chunk holding the story parser (YAML, the schema, Markdown). */
const PARSER_CHUNK = /\/compile-[^/]*\.js$/;

/** Every URL the page requests from now on. */
function requests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The compiled default story as the build wrote it. */
async function compiled(): Promise<{
  story: { title: Record<string, string> };
  html: Record<string, Record<string, string>>;
}> {
  const res = await fetch(`${base}stories/gba-cooperation.json`);
  expect(res.ok).toBe(true);
  return res.json();
}

/** Installed before any page script: records the message of every geo-story-error event. */
const RECORD_ERRORS = () => {
  const w = window as unknown as { storyErrors: string[] };
  w.storyErrors = [];
  document.addEventListener('geo-story-error', (e) => w.storyErrors.push((e as CustomEvent).detail.message));
};

describe('compiled stories', () => {
  const withPage = useBrowser();

  it('shows the compiled default story without ever loading the story parser', async () => {
    const file = await compiled();
    await withPage('about:blank', async ({ page, errors }) => {
      const urls = requests(page);
      await page.goto(pageUrl());
      await waitReady(page);
      const shown = await page.evaluate(() => {
        const root = document.querySelector('geo-story')!.shadowRoot!;
        return {
          title: root.querySelector('h1')!.textContent!.trim(),
          chapters: root.querySelectorAll('[data-chapter-id]').length,
          body: root.querySelector('[data-chapter-id] .body')!.innerHTML,
        };
      });
      expect(shown.title).toBe(file.story.title['zh-Hant']);
      expect(shown.chapters).toBe(Object.keys(file.html).length);
      expect(shown.body).toContain('<p>');
      expect(urls.some((u) => u.endsWith('/stories/gba-cooperation.json'))).toBe(true);
      expect(urls.filter((u) => PARSER_CHUNK.test(u))).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it('loads the parser as a chunk of its own for a story given as Markdown', async () => {
    await withPage('about:blank', async ({ page, errors }) => {
      const urls = requests(page);
      await page.goto(pageUrl('/tests/fixtures/stories/three-chapters.md'));
      await page.waitForFunction(
        () => !!document.querySelector('geo-story')?.shadowRoot?.querySelector('[data-chapter-id="corridor"] .body p'),
      );
      expect(urls.filter((u) => PARSER_CHUNK.test(u))).toHaveLength(1);
      expect(errors).toEqual([]);
    });
  });

  it('sanitises the HTML of a compiled story it loads, wherever the file comes from', async () => {
    const file = await compiled();
    const first = Object.keys(file.html)[0]!;
    file.html[first]!['zh-Hant'] =
      '<p>safe text</p><img src="x" onerror="window.pwned = 1"><script>window.pwned = 2</script>' +
      '<a href="javascript:window.pwned = 3">link</a><iframe src="about:blank"></iframe><p style="color:red">styled</p>';
    await withPage('about:blank', async ({ page }) => {
      await page.route('**/elsewhere/story.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify(file) }),
      );
      await page.goto(pageUrl('/elsewhere/story.json'));
      await page.waitForFunction(
        (id) => !!document.querySelector('geo-story')?.shadowRoot?.querySelector(`[data-chapter-id="${id}"] .body p`),
        first,
      );
      const body = await page.evaluate((id) => {
        const el = document.querySelector('geo-story')!.shadowRoot!.querySelector(`[data-chapter-id="${id}"] .body`)!;
        return {
          text: el.textContent,
          img: el.querySelector('img')?.getAttributeNames() ?? [],
          scripts: el.querySelectorAll('script, iframe').length,
          href: el.querySelector('a')?.getAttribute('href') ?? null,
          styled: el.querySelectorAll('[style]').length,
          pwned: (window as unknown as { pwned?: number }).pwned ?? 0,
        };
      }, first);
      expect(body.text).toContain('safe text');
      expect(body.img).not.toContain('onerror');
      expect(body.scripts).toBe(0);
      expect(body.href).toBeNull();
      expect(body.styled).toBe(0);
      expect(body.pwned).toBe(0);
    });
  });

  it('says so when a JSON file is not a compiled story', async () => {
    await withPage('about:blank', { init: RECORD_ERRORS }, async ({ page }) => {
      await page.route('**/elsewhere/other.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: '{"type": "FeatureCollection", "features": []}' }),
      );
      await page.goto(pageUrl('/elsewhere/other.json'));
      await page.waitForFunction(
        () => !!document.querySelector('geo-story')?.shadowRoot?.querySelector('[part="problems"]'),
      );
      const shown = await page.evaluate(() => ({
        problems: document.querySelector('geo-story')!.shadowRoot!.querySelector('[part="problems"]')!.textContent,
        events: (window as unknown as { storyErrors: string[] }).storyErrors,
      }));
      expect(shown.problems).toContain('/elsewhere/other.json: not a story');
      expect(shown.events).toEqual([expect.stringContaining('a compiled story has "format": "geo-story/compiled"')]);
    });
  });
});
