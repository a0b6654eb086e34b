import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');

/** The compiled default story as the build wrote it. */
async function compiled(): Promise<{
  story: { title: Record<string, string>; chapters: { id: string; title: Record<string, string> }[] };
  html: Record<string, Record<string, string>>;
}> {
  const res = await fetch(`${base}stories/gba-cooperation.json`);
  return res.json();
}

describe('text at first paint', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const withPage = useBrowser();

  it('shows the title and the first chapter with JavaScript disabled', async () => {
    const file = await compiled();
    const first = file.story.chapters[0]!;
    const firstText = file.html[first.id]!['zh-Hant']!.replace(/<[^>]+>/g, '')
      .trim()
      .slice(0, 30);
    const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${base}index.html`);
      const title = page.locator('h1');
      await expect.poll(() => title.textContent()).toBe(file.story.title['zh-Hant']);
      expect(await title.isVisible()).toBe(true);
      const heading = page.locator('geo-story h2').first();
      expect(await heading.textContent()).toBe(first.title['zh-Hant']);
      expect(await heading.isVisible()).toBe(true);
      const text = page.getByText(firstText);
      expect(await text.isVisible()).toBe(true);
      // In the page's HTML itself, as a search engine reads it.
      const served = await (await fetch(`${base}index.html`)).text();
      expect(served).toContain(`<h1>${file.story.title['zh-Hant']}</h1>`);
      expect(served).toContain(firstText);
    } finally {
      await context.close();
    }
  });

  it('shows the prerendered text until the story loads, then only its own', async () => {
    await withPage('about:blank', async ({ page, errors }) => {
      let release!: () => void;
      const held = new Promise<void>((ok) => (release = ok));
      await page.route('**/stories/gba-cooperation.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${base}index.html`);
      await page.waitForFunction(() => customElements.get('geo-story') !== undefined);
      const loading = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const block = el.querySelector('[slot="prerendered"]') as HTMLElement;
        return {
          slotted: !!block.assignedSlot,
          shown: block.getBoundingClientRect().height > 0,
          loadingHeading: el.shadowRoot!.querySelector('h1')?.getBoundingClientRect().height ?? 0,
        };
      });
      expect(loading).toEqual({ slotted: true, shown: true, loadingHeading: 0 });
      release();
      await page.waitForFunction(
        () => !!document.querySelector('geo-story')!.shadowRoot!.querySelector('[data-chapter-id] h2'),
      );
      const loaded = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const block = el.querySelector('[slot="prerendered"]') as HTMLElement;
        return { slotted: !!block.assignedSlot, shown: block.getBoundingClientRect().height > 0 };
      });
      expect(loaded).toEqual({ slotted: false, shown: false });
      expect(errors).toEqual([]);
    });
  });
});
