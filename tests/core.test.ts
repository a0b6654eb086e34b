import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { pixelShare } from './support/pixels.js';
import { expectStoryAt, type StoryTarget } from './support/expect-story.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const FIXTURE = '/tests/fixtures/stories/three-chapters.md';
const pageUrl = (story = FIXTURE, extra = '') => `${base}index.html?story=${encodeURIComponent(story)}${extra}`;

/** Installed before any page script: records the detail of every geo-story-ready event. */
const RECORD_READY = () => {
  const w = window as unknown as { readyEvents: unknown[] };
  w.readyEvents = [];
  document.addEventListener('geo-story-ready', (e) => w.readyEvents.push((e as CustomEvent).detail));
};

/** Installed before any page script: records the message of every geo-story-error event. */
const RECORD_ERRORS = () => {
  const w = window as unknown as { storyErrors: string[] };
  w.storyErrors = [];
  document.addEventListener('geo-story-error', (e) => w.storyErrors.push((e as CustomEvent).detail.message));
};

/** What the story file declares for each chapter, read from the parsed story the element exposes. */
async function declared(page: Page): Promise<StoryTarget[]> {
  return page.evaluate(() => {
    const el = document.querySelector('geo-story')!;
    return el.story!.chapters.map((c) => {
      if (c.camera.kind !== 'view') throw new Error(`fixture chapter ${c.id} must use a view camera`);
      return { chapterId: c.id, center: c.camera.center, zoom: c.camera.zoom, visible: [...c.layers].sort() };
    });
  });
}

/** Turns the mouse wheel over the text column until the story reaches chapter `index`. */
async function wheelTo(page: Page, index: number, step = 150): Promise<void> {
  await page.mouse.move(250, 400);
  for (let i = 0; i < 200; i++) {
    const current = await page.evaluate(() => document.querySelector('geo-story')!.chapterIndex);
    if (current === index) return;
    await page.mouse.wheel(0, current < index ? step : -step);
    await page.waitForTimeout(60);
  }
  throw new Error(`wheel did not reach chapter ${index}`);
}

describe('<geo-story> core viewer', () => {
  const withPage = useBrowser();

  it('renders the title and first chapter before MapLibre has loaded', async () => {
    // Opened blank, so that the route below is in place before the story page loads.
    await withPage('about:blank', { reducedMotion: 'no-preference' }, async ({ page }) => {
      let release!: () => void;
      const held = new Promise<void>((ok) => (release = ok));
      // Hold back the map chunk (the one importing MapLibre) until the text has been checked.
      await page.route(/story-map-[^/]*\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(pageUrl());
      await page.waitForFunction(
        () => !!document.querySelector('geo-story')?.shadowRoot?.querySelector('[data-chapter-id="corridor"] h2'),
      );
      const before = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const root = el.shadowRoot!;
        return {
          title: root.querySelector('h1')!.textContent!.trim(),
          first: root.querySelector('[data-chapter-id="corridor"] h2')!.textContent!.trim(),
          body: root.querySelector('[data-chapter-id="corridor"] .body')!.textContent!.length,
          map: el.map === undefined,
        };
      });
      expect(before.title).toBe('山與海：深港三個地方');
      expect(before.first).toBe('梧桐山—紅花嶺生態廊道');
      expect(before.body).toBeGreaterThan(50);
      expect(before.map).toBe(true);
      release();
      await waitReady(page);
      expect(await page.evaluate(() => !!document.querySelector('geo-story')!.map)).toBe(true);
    });
  });

  it('exposes the public contract and fires geo-story-ready', async () => {
    await withPage(pageUrl(), { init: RECORD_READY }, async ({ page, errors }) => {
      const readyAt = await waitReady(page);
      const s = await waitSettled(page);
      const contract = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return {
          src: el.src,
          lang: el.lang,
          storyId: el.story?.id,
          chapters: el.chapters,
          chapterId: el.chapterId,
          chapterIndex: el.chapterIndex,
          hasMap: typeof el.map?.getCenter === 'function',
          goTo: typeof el.goTo,
          ids: [...el.shadowRoot!.querySelectorAll('[data-chapter-id]')].map((n) => n.getAttribute('data-chapter-id')),
          readyEvents: (window as unknown as { readyEvents: { storyId: string; firstIdleMs: number }[] }).readyEvents,
        };
      });
      // Figures for the log: how long the first idle took on this machine (software WebGL).
      console.log(
        `first idle: ${contract.readyEvents[0]?.firstIdleMs} ms after load start; ready ${readyAt} ms after navigation`,
      );
      expect(contract.src).toBe(FIXTURE);
      expect(contract.storyId).toBe('three-chapters');
      expect(contract.chapters.map((c) => c.id)).toEqual(['corridor', 'mirs-bay', 'port-shelter']);
      expect(contract.chapters[1]!.title).toBe('大鵬灣');
      expect(contract.chapterId).toBe('corridor');
      expect(contract.chapterIndex).toBe(0);
      expect(contract.hasMap).toBe(true);
      expect(contract.goTo).toBe('function');
      expect(contract.ids).toEqual(['corridor', 'mirs-bay', 'port-shelter']);
      expect(contract.readyEvents).toHaveLength(1);
      expect(contract.readyEvents[0]!.storyId).toBe('three-chapters');
      expect(contract.readyEvents[0]!.firstIdleMs).toBeGreaterThan(0);
      const chapters = await declared(page);
      expectStoryAt(s, chapters[0]!);
      expect(errors).toEqual([]);
    });
  });

  it('steps chapters with the mouse wheel, forwards and backwards, and after a flick', async () => {
    await withPage(pageUrl(), async ({ page, errors }) => {
      await waitReady(page);
      await page.evaluate(() => {
        const w = window as unknown as { changes: unknown[] };
        w.changes = [];
        document
          .querySelector('geo-story')!
          .addEventListener('geo-story-chapter-change', (e) => w.changes.push(e.detail));
      });
      const chapters = await declared(page);
      for (let i = 1; i < chapters.length; i++) {
        await wheelTo(page, i);
        expectStoryAt(await waitSettled(page), chapters[i]!);
      }
      for (let i = chapters.length - 2; i >= 0; i--) {
        await wheelTo(page, i);
        expectStoryAt(await waitSettled(page), chapters[i]!);
      }
      const changes = await page.evaluate(
        () => (window as unknown as { changes: { id: string; index: number }[] }).changes,
      );
      expect(changes.map((c) => c.index)).toEqual([1, 2, 1, 0]);
      expect(changes[0]).toEqual({ id: 'mirs-bay', index: 1 });

      // A flick: a burst of large wheel turns with no waiting, then the map must match the last chapter.
      await page.mouse.move(250, 400);
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 2500);
      await page.waitForFunction(() => {
        const el = document.querySelector('geo-story')!;
        return el.chapterIndex === el.story!.chapters.length - 1;
      });
      expectStoryAt(await waitSettled(page), chapters.at(-1)!);
      // And all the way back up in one go.
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -2500);
      await page.waitForFunction(() => document.querySelector('geo-story')!.chapterIndex === 0);
      expectStoryAt(await waitSettled(page), chapters[0]!);
      expect(errors).toEqual([]);
    });
  });

  it('flies the camera when motion is allowed, and a new chapter interrupts a running flight', async () => {
    await withPage(pageUrl(), { reducedMotion: 'no-preference' }, async ({ page, errors }) => {
      await waitReady(page);
      const chapters = await declared(page);
      const moving = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        el.goTo('port-shelter');
        return el.map!.isMoving();
      });
      expect(moving).toBe(true);
      // Interrupt mid-flight: the final state is the last chapter asked for, not a blend.
      await page.waitForTimeout(150);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo(1));
      expectStoryAt(await waitSettled(page), chapters[1]!);
      expect(errors).toEqual([]);
    });
  });

  it('goTo scrolls to a chapter and fires geo-story-chapter-change', async () => {
    await withPage(pageUrl(), async ({ page, errors }) => {
      await waitReady(page);
      const chapters = await declared(page);
      const detail = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const el = document.querySelector('geo-story')!;
            el.addEventListener('geo-story-chapter-change', (e) => resolve(e.detail), { once: true });
            el.goTo('port-shelter');
          }),
      );
      expect(detail).toEqual({ id: 'port-shelter', index: 2 });
      expectStoryAt(await waitSettled(page), chapters[2]!);
      // The text scrolled with it: the chapter is at the reading line, so a tick of scrolling keeps it.
      const top = await page.evaluate(
        () =>
          document
            .querySelector('geo-story')!
            .shadowRoot!.querySelector('[data-chapter-id="port-shelter"]')!
            .getBoundingClientRect().top,
      );
      expect(top).toBeLessThan(400);
      expect(top).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.querySelector('geo-story')!.goTo('no-such-chapter'))).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it('switches language without reloading the map', async () => {
    await withPage(pageUrl(), async ({ page, errors }) => {
      await waitReady(page);
      const before = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        (window as unknown as { firstMap: unknown }).firstMap = el.map;
        return {
          title: el.shadowRoot!.querySelector('h1')!.textContent!.trim(),
          zoomIn: el.shadowRoot!.querySelector('.maplibregl-ctrl-zoom-in')!.getAttribute('aria-label'),
        };
      });
      expect(before).toEqual({ title: '山與海：深港三個地方', zoomIn: '放大' });
      await page.locator('geo-story').getByRole('button', { name: 'English' }).click();
      const after = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const map = el.map!;
        return {
          lang: el.getAttribute('lang'),
          title: el.shadowRoot!.querySelector('h1')!.textContent!.trim(),
          chapterTitle: el.chapters[0]!.title,
          sameMap: (window as unknown as { firstMap: unknown }).firstMap === map,
          label: JSON.stringify(map.getLayoutProperty('basemap-labels-place', 'text-field')),
          pressed: el
            .shadowRoot!.querySelector('[part="lang-switch"] button[aria-pressed="true"]')!
            .textContent!.trim(),
          zoomIn: el.shadowRoot!.querySelector('.maplibregl-ctrl-zoom-in')!.getAttribute('aria-label'),
        };
      });
      expect(after.lang).toBe('en');
      expect(after.title).toBe('Hills and bays: three places shared by Shenzhen and Hong Kong');
      expect(after.chapterTitle).toBe("The Wutongshan - Robin's Nest corridor");
      expect(after.sameMap).toBe(true);
      expect(after.label).toContain('name_en');
      expect(after.pressed).toBe('English');
      expect(after.zoomIn).toBe('Zoom in');
      expect(errors).toEqual([]);
    });
  });

  it('draws land, sea and the boundary on the offline basemap, with both attributions', async () => {
    await withPage(pageUrl(), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const attribution = await page.evaluate(
        () => document.querySelector('geo-story')!.shadowRoot!.querySelector('.maplibregl-ctrl-attrib')!.textContent,
      );
      expect(attribution).toContain('OpenStreetMap contributors');
      expect(attribution).toContain('Lands Department');
      const box = (await page.locator('geo-story').evaluate((el) => {
        const r = el.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      })) as { x: number; y: number; width: number; height: number };
      const shares = await pixelShare(page, box, { sea: '#cfe2ee', land: '#f3f0e8', boundary: '#7a4f8c' });
      expect(shares.sea).toBeGreaterThan(0.01);
      expect(shares.land).toBeGreaterThan(0.2);
      expect(shares.boundary).toBeGreaterThan(0.0005);
      expect(errors).toEqual([]);
    });
  });

  it('falls back to the offline basemap when a remote style cannot be loaded', async () => {
    const url = pageUrl(FIXTURE, '&basemap=' + encodeURIComponent('/no-such-style.json'));
    await withPage(url, { init: RECORD_ERRORS }, async ({ page }) => {
      await waitReady(page);
      await waitSettled(page);
      const result = await page.evaluate(() => ({
        errors: (window as unknown as { storyErrors: string[] }).storyErrors,
        land: !!document.querySelector('geo-story')!.map!.getLayer('basemap-land'),
      }));
      expect(result.errors.some((m) => m.includes('/no-such-style.json') && m.includes('offline basemap'))).toBe(true);
      expect(result.land).toBe(true);
    });
  });

  it('reports a broken story with file, line and field, and shows the chapters that are fine', async () => {
    await withPage(pageUrl('/tests/fixtures/stories/bad-chapter.md'), { init: RECORD_ERRORS }, async ({ page }) => {
      await waitReady(page);
      const result = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        return {
          errors: (window as unknown as { storyErrors: string[] }).storyErrors,
          chapters: el.chapters.map((c) => c.id),
          shown: el.shadowRoot!.querySelector('[part="problems"]')?.textContent ?? '',
        };
      });
      expect(result.errors[0]).toMatch(/bad-chapter\.md:\d+:\d+: error: chapters\[1\]\.camera\.zoom: /);
      expect(result.chapters).toEqual(['corridor', 'port-shelter']);
      expect(result.shown).toContain('chapters[1].camera.zoom');
    });
  });

  it('ends a story whose front matter is broken in an error state, in both languages, never an endless loading text', async () => {
    const story = '/tests/fixtures/stories/bad-front-matter.md';
    await withPage(pageUrl(story), { init: RECORD_ERRORS }, async ({ page }) => {
      const rejected = await page.evaluate(async () => {
        await customElements.whenDefined('geo-story');
        return document.querySelector('geo-story')!.ready.then(
          () => '',
          (e: Error) => e.message,
        );
      });
      expect(rejected).toMatch(/bad-front-matter\.md:\d+:\d+: error: /);
      const shown = async () =>
        page.evaluate(() => {
          const root = document.querySelector('geo-story')!.shadowRoot!;
          const problems = root.querySelector('[part="problems"]');
          return {
            title: root.querySelector('[part="title"]')!.textContent!.trim(),
            role: problems?.getAttribute('role'),
            problems: problems?.textContent ?? '',
            loading: /Loading the story|正在載入故事/.test(root.textContent!),
          };
        });
      const zh = await shown();
      expect(zh.title).toBe('故事無法載入');
      expect(zh.role).toBe('alert');
      expect(zh.problems).toMatch(/bad-front-matter\.md:\d+:\d+: error: /);
      expect(zh.loading).toBe(false);
      await page.evaluate(() => (document.querySelector('geo-story')!.lang = 'en'));
      const en = await shown();
      expect(en.title).toBe('The story could not be loaded');
      expect(en.loading).toBe(false);
      const errors = await page.evaluate(() => (window as unknown as { storyErrors: string[] }).storyErrors);
      expect(errors[0]).toMatch(/bad-front-matter\.md:\d+:\d+: error: /);
    });
  });

  it('releases the map and its WebGL context when removed', async () => {
    await withPage(pageUrl(), async ({ page, errors }) => {
      await waitReady(page);
      const lost = await page.evaluate(async () => {
        const el = document.querySelector('geo-story')!;
        const canvas = el.map!.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        el.remove();
        await new Promise((r) => setTimeout(r, 50));
        return { lost: gl.isContextLost(), map: el.map === undefined };
      });
      expect(lost).toEqual({ lost: true, map: true });
      expect(errors).toEqual([]);
    });
  });

  it('survives a move in the DOM without losing its map', async () => {
    await withPage(pageUrl(), async ({ page, errors }) => {
      await waitReady(page);
      const kept = await page.evaluate(async () => {
        const el = document.querySelector('geo-story')!;
        const map = el.map;
        const wrapper = document.createElement('div');
        document.body.append(wrapper);
        wrapper.append(el);
        await new Promise((r) => setTimeout(r, 50));
        const canvas = el.map!.getCanvas();
        const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
        return el.map === map && !gl.isContextLost();
      });
      expect(kept).toBe(true);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo(1));
      const chapters = await declared(page);
      expectStoryAt(await waitSettled(page), chapters[1]!);
      expect(errors).toEqual([]);
    });
  });
});
