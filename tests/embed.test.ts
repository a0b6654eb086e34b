import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, type PageTest } from './support/use-browser.js';

const base = inject('baseUrl');
const fixturePage = (name: string) => `${base}tests/fixtures/pages/${name}.html`;

/**
 * Installed before any page script: records every chapter-change event with the id of the element
 * that fired it (composedPath()[0] sees through shadow roots), every layout shift, and every WebGL
 * context the page creates, so a test can count the ones still alive.
 */
const INIT = () => {
  const w = window as unknown as Record<string, unknown>;
  const events: { from: string; id: string; index: number }[] = [];
  w.__events = events;
  document.addEventListener('geo-story-chapter-change', (e) => {
    const source = e.composedPath()[0] as Element;
    events.push({ from: source.id, id: e.detail.id, index: e.detail.index });
  });
  const shifts: { value: number; time: number }[] = [];
  w.__shifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!entry.hadRecentInput) shifts.push({ value: entry.value, time: entry.startTime });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const contexts = new Set<WebGLRenderingContext | WebGL2RenderingContext>();
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const ctx = (getContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    if (ctx && /webgl/.test(type)) contexts.add(ctx as WebGLRenderingContext);
    return ctx;
  } as typeof getContext;
  w.__liveContexts = () => [...contexts].filter((c) => !c.isContextLost()).length;
};

/**
 * A <geo-story> addressed by a path of selectors, one per shadow root to cross:
 * `'#left'` in the page, `'story-panel >>> geo-story'` inside story-panel's shadow root.
 */
type StoryPath = string;

/** What a test compares between elements: chapter, camera, and the events each one fired. */
interface Snapshot {
  chapterId: string | undefined;
  chapterIndex: number;
  center: [number, number];
  zoom: number;
  lang: string;
  title: string;
}

function snapshot(page: Page, path: StoryPath): Promise<Snapshot> {
  return page.evaluate((path) => {
    let root: ParentNode = document;
    const parts = path.split(' >>> ');
    for (const sel of parts.slice(0, -1)) root = root.querySelector(sel)!.shadowRoot!;
    const el = root.querySelector(parts.at(-1)!) as HTMLElementTagNameMap['geo-story'];
    const c = el.map!.getCenter();
    return {
      chapterId: el.chapterId,
      chapterIndex: el.chapterIndex,
      center: [c.lng, c.lat] as [number, number],
      zoom: el.map!.getZoom(),
      lang: el.shadowRoot!.querySelector('.layout')!.getAttribute('lang')!,
      title: el.shadowRoot!.querySelector('h1')!.textContent!.trim(),
    };
  }, path);
}

/** Waits until the element's map exists, has loaded and stands still. */
async function settled(page: Page, path: StoryPath): Promise<Snapshot> {
  await page.waitForFunction(
    (path) => {
      let root: ParentNode = document;
      const parts = path.split(' >>> ');
      for (const sel of parts.slice(0, -1))
        root = root.querySelector(sel)?.shadowRoot ?? document.createDocumentFragment();
      const el = root.querySelector(parts.at(-1)!) as HTMLElementTagNameMap['geo-story'] | null;
      const map = el?.map;
      return !!map && map.loaded() && !map.isMoving();
    },
    path,
    { timeout: 60_000, polling: 100 },
  );
  return snapshot(page, path);
}

/** A chapter's id and, for a `view` camera, the camera it declares (a `fit` camera depends on the box). */
interface Declared {
  id: string;
  center?: [number, number];
  zoom?: number;
}

/** The camera each chapter of the element's story declares. */
function declaredCameras(page: Page, path: StoryPath): Promise<Declared[]> {
  return page.evaluate((path) => {
    let root: ParentNode = document;
    const parts = path.split(' >>> ');
    for (const sel of parts.slice(0, -1)) root = root.querySelector(sel)!.shadowRoot!;
    const el = root.querySelector(parts.at(-1)!) as HTMLElementTagNameMap['geo-story'];
    return el.story!.chapters.map((c) =>
      c.camera.kind === 'view' ? { id: c.id, center: c.camera.center, zoom: c.camera.zoom } : { id: c.id },
    );
  }, path);
}

/** Where to put the mouse to scroll this element: over its text column, in the visible part of it. */
async function pointOver(page: Page, path: StoryPath): Promise<{ x: number; y: number }> {
  return page.evaluate((path) => {
    let root: ParentNode = document;
    const parts = path.split(' >>> ');
    for (const sel of parts.slice(0, -1)) root = root.querySelector(sel)!.shadowRoot!;
    const el = root.querySelector(parts.at(-1)!)!;
    const r = el.getBoundingClientRect();
    const top = Math.max(r.top, 0);
    const bottom = Math.min(r.bottom, innerHeight);
    return { x: r.left + r.width * 0.25, y: (top + bottom) / 2 };
  }, path);
}

/** Turns the mouse wheel at `at` until the element reaches chapter `index`. */
async function wheelTo(page: Page, path: StoryPath, index: number, at?: { x: number; y: number }): Promise<void> {
  const point = at ?? (await pointOver(page, path));
  await page.mouse.move(point.x, point.y);
  for (let i = 0; i < 200; i++) {
    const current = (await snapshot(page, path)).chapterIndex;
    if (current === index) return;
    await page.mouse.wheel(0, current < index ? 60 : -60);
    await page.waitForTimeout(60);
  }
  throw new Error(`wheel did not bring ${path} to chapter ${index}`);
}

/**
 * Checks that the element measures against `scroller` (a path like the story's, or null for the
 * window): the active chapter's top is at or above the middle of that scroller and the next
 * chapter's top below it. Measured against any other box, a chapter top would sit between the
 * two middles right after a step (the fixtures keep them more than one wheel step apart).
 */
async function expectReadingLine(page: Page, path: StoryPath, scroller: string | null): Promise<void> {
  await page.waitForTimeout(400);
  const geometry = await page.evaluate(
    ([path, scroller]) => {
      const find = (p: string) => {
        let root: ParentNode = document;
        const parts = p.split(' >>> ');
        for (const sel of parts.slice(0, -1)) root = (root.querySelector(sel) as Element).shadowRoot!;
        return root.querySelector(parts.at(-1)!)!;
      };
      const el = find(path) as HTMLElementTagNameMap['geo-story'];
      const box = scroller ? find(scroller) : null;
      const line = box ? box.getBoundingClientRect().top + box.clientHeight / 2 : innerHeight / 2;
      const tops = [...el.shadowRoot!.querySelectorAll('[data-chapter-id]')].map((c) => c.getBoundingClientRect().top);
      return { line, index: el.chapterIndex, top: tops[el.chapterIndex]!, next: tops[el.chapterIndex + 1] ?? Infinity };
    },
    [path, scroller] as const,
  );
  expect(geometry.top).toBeLessThanOrEqual(geometry.line + 1);
  expect(geometry.next).toBeGreaterThan(geometry.line - 1);
}

type Recorded = { from: string; id: string; index: number }[];
const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: Recorded }).__events);
const liveContexts = (page: Page) =>
  page.evaluate(() => (window as unknown as { __liveContexts: () => number }).__liveContexts());

function expectCamera(state: Snapshot, camera: Declared) {
  expect(state.chapterId).toBe(camera.id);
  if (!camera.center || camera.zoom === undefined) return;
  expect(state.center[0]).toBeCloseTo(camera.center[0], 4);
  expect(state.center[1]).toBeCloseTo(camera.center[1], 4);
  expect(state.zoom).toBeCloseTo(camera.zoom, 2);
}

describe('embedding dist/geo-story.js in plain pages', () => {
  const withPage = useBrowser();
  /** Opens a fixture page with INIT installed; HTTP errors count as errors too. */
  const withFixture = <T>(name: string, test: PageTest<T>) =>
    withPage(fixturePage(name), { init: INIT, httpErrors: true }, test);

  it('loads from the one script: element defined, map chunk, worker and basemap from beside it, no global CSS', async () => {
    const requests: string[] = [];
    // Opened blank, so that every request of the fixture page is seen; this test keeps its own
    // error list, with warnings.
    await withPage('about:blank', async ({ page }) => {
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      const errors: string[] = [];
      // Warnings too (a development build of Lit, for one, announces itself with a warning), but
      // not the GPU driver's performance notes on software WebGL.
      page.on('console', (m) => {
        if (m.type() === 'error' || (m.type() === 'warning' && !m.text().startsWith('[.WebGL-')))
          errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(fixturePage('flow'));
      await settled(page, '#story');
      const scripts = requests.filter((p) => /\.m?js$/.test(p));
      // Every script comes from the library build at the root: the entry, its chunks and the worker.
      expect(scripts).toContain('/geo-story.js');
      expect(scripts.every((p) => /^\/geo-story[^/]*\.m?js$/.test(p))).toBe(true);
      expect(scripts.some((p) => /^\/geo-story-maplibre-gl-worker-[^/]+\.mjs$/.test(p))).toBe(true);
      // The land is tiles in a folder beside the build; the small boundary and labels travel inside the map chunk.
      expect(requests.filter((p) => p.endsWith('.geojson') && p.startsWith('/geo-story-'))).toEqual([]);
      const tiles = requests.filter((p) => p.endsWith('.pbf'));
      expect(tiles.length).toBeGreaterThan(0);
      expect(tiles.every((p) => /^\/geo-story-basemap-[0-9a-f]+\/\d+\/\d+\/\d+\.pbf$/.test(p))).toBe(true);
      // Nothing leaks into the page: no stylesheet, no <link>, no <style> added to the document.
      const leaks = await page.evaluate(() => ({
        sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        links: document.querySelectorAll('link:not([href="./flow.css"]):not([rel=icon])').length,
        styles: document.querySelectorAll('style').length,
      }));
      expect(leaks).toEqual({ sheets: 1, adopted: 0, links: 0, styles: 0 }); // the one sheet is the page's own flow.css
      expect(errors).toEqual([]);
    });
  });

  it('(a) in page flow: the window scrolls the chapters; the map box is reserved, so nothing shifts when the map appears', async () => {
    await withFixture('flow', async ({ page, errors }) => {
      // Text first: measure the layout once the chapters are there, before the map is drawn.
      await page.waitForFunction(
        () => !!document.querySelector('geo-story')?.shadowRoot?.querySelector('[data-chapter-id]'),
      );
      const boxes = () =>
        page.evaluate(() => {
          const root = document.querySelector('geo-story')!.shadowRoot!;
          const rect = (sel: string) => {
            const r = root.querySelector(sel)!.getBoundingClientRect();
            return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
          };
          return { map: rect('.map-box'), chapter: rect('[data-chapter-id="mirs-bay"]'), shiftedAt: performance.now() };
        });
      const before = await boxes();
      const cameras = await declaredCameras(page, '#story');
      expectCamera(await settled(page, '#story'), cameras[0]!);
      const after = await boxes();
      expect(after.map).toEqual(before.map);
      expect(after.chapter).toEqual(before.chapter);
      const shift = await page.evaluate(
        (since) =>
          (window as unknown as { __shifts: { value: number; time: number }[] }).__shifts
            .filter((s) => s.time >= since)
            .reduce((a, s) => a + s.value, 0),
        before.shiftedAt,
      );
      expect(shift).toBeLessThan(0.001);

      await wheelTo(page, '#story', 2);
      await expectReadingLine(page, '#story', null);
      expectCamera(await settled(page, '#story'), cameras[2]!);
      await wheelTo(page, '#story', 1);
      await expectReadingLine(page, '#story', null);
      expectCamera(await settled(page, '#story'), cameras[1]!);
      const fired = await events(page);
      expect(fired.every((e) => e.from === 'story')).toBe(true);
      expect(fired.map((e) => e.id)).toEqual(['mirs-bay', 'port-shelter', 'mirs-bay']);
      expect(errors).toEqual([]);
    });
  });

  it('(b) in a 600 px scroll container mid-page: scrolling the page does not step chapters, scrolling the container does', async () => {
    await withFixture('container', async ({ page, errors }) => {
      const first = await settled(page, '#story');
      const cameras = await declaredCameras(page, '#story');
      expectCamera(first, cameras[0]!);
      // The reader wheels the page (beside the panel) until the panel has gone past the top:
      // measured against the window, its chapters would all have crossed the reading line.
      await page.mouse.move(10, 400);
      while ((await page.evaluate(() => document.querySelector('#panel')!.getBoundingClientRect().bottom)) > -200) {
        await page.mouse.wheel(0, 200);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(400);
      expect((await snapshot(page, '#story')).chapterIndex).toBe(0);
      expect(await events(page)).toEqual([]);

      // Panel at the top of the window: its middle is 100 px above the window's.
      await page.evaluate(() => document.querySelector('#panel')!.scrollIntoView({ block: 'start' }));
      const pageY = await page.evaluate(() => scrollY);
      await wheelTo(page, '#story', 1);
      await expectReadingLine(page, '#story', '#panel');
      const atOne = await settled(page, '#story');
      await wheelTo(page, '#story', 2);
      await expectReadingLine(page, '#story', '#panel');
      const moved = await settled(page, '#story');
      expectCamera(moved, cameras[2]!);
      // Chapter 2 fits its layer's features: the camera left where chapter 1 put it.
      const c1 = atOne.center;
      expect(Math.hypot(moved.center[0] - c1[0], moved.center[1] - c1[1])).toBeGreaterThan(0.01);
      const after = await page.evaluate(() => ({ pageY: scrollY, panel: document.querySelector('#panel')!.scrollTop }));
      expect(after.pageY).toBe(pageY);
      expect(after.panel).toBeGreaterThan(0);
      const fired = await events(page);
      expect(fired.map((e) => [e.from, e.id])).toEqual([
        ['story', cameras[1]!.id],
        ['story', cameras[2]!.id],
      ]);
      expect(errors).toEqual([]);
    });
  });

  it('(c) two elements, two stories: each scrolls on its own, fires its own events, keeps its own language', async () => {
    await withFixture('two', async ({ page, errors }) => {
      await settled(page, '#left');
      await settled(page, '#right');
      const left = await declaredCameras(page, '#left');
      const right = await declaredCameras(page, '#right');
      expect(left.map((c) => c.id)).toEqual(['corridor', 'mirs-bay', 'port-shelter']);
      expect(right.map((c) => c.id)).toEqual(['overview', 'sai-kung', 'dapeng']);
      const sizes = await page.evaluate(() =>
        ['#left', '#right'].map((sel) => Math.round(document.querySelector(sel)!.getBoundingClientRect().height)),
      );
      // Both fixed at 480 px, one by the attribute, one by --geo-story-height.
      expect(sizes).toEqual([480, 480]);
      const rightBefore = await settled(page, '#right');
      expectCamera(rightBefore, right[0]!);

      await wheelTo(page, '#left', 1);
      await expectReadingLine(page, '#left', '#left >>> .layout');
      await wheelTo(page, '#left', 2);
      await expectReadingLine(page, '#left', '#left >>> .layout');
      expectCamera(await settled(page, '#left'), left[2]!);
      expect(await snapshot(page, '#right')).toEqual(rightBefore);
      expect((await events(page)).map((e) => [e.from, e.id])).toEqual([
        ['left', 'mirs-bay'],
        ['left', 'port-shelter'],
      ]);
      const pageY = await page.evaluate(() => scrollY);
      expect(pageY).toBe(0);

      const leftAfter = await snapshot(page, '#left');
      await wheelTo(page, '#right', 1);
      await expectReadingLine(page, '#right', '#right >>> .layout');
      expectCamera(await settled(page, '#right'), right[1]!);
      expect(await snapshot(page, '#left')).toEqual(leftAfter);
      expect((await events(page)).slice(2).map((e) => [e.from, e.id])).toEqual([['right', 'sai-kung']]);

      // A language switch in one leaves the other alone.
      await page.evaluate(
        () => ((document.querySelector('#right') as HTMLElementTagNameMap['geo-story']).lang = 'zh-Hant'),
      );
      await page.waitForFunction(() =>
        document.querySelector('#right')!.shadowRoot!.querySelector('h1')!.textContent!.includes('兩個海灣'),
      );
      const leftLang = await snapshot(page, '#left');
      // Its text stays marked as Hong Kong Traditional Chinese.
      expect(leftLang.lang).toBe('zh-Hant-HK');
      expect(leftLang.title).toBe('山與海：深港三個地方');
      await page.evaluate(() => ((document.querySelector('#left') as HTMLElementTagNameMap['geo-story']).lang = 'en'));
      await page.waitForFunction(() =>
        document.querySelector('#left')!.shadowRoot!.querySelector('h1')!.textContent!.trim().startsWith('Hills'),
      );
      expect((await snapshot(page, '#right')).title).toBe('兩個海灣');
      expect(errors).toEqual([]);
    });
  });

  it("(d) inside another component's shadow root: that component's scroller steps the chapters", async () => {
    await withFixture('shadow', async ({ page, errors }) => {
      const path = 'story-panel >>> geo-story';
      await settled(page, path);
      const cameras = await declaredCameras(page, path);
      expectCamera(await snapshot(page, path), cameras[0]!);
      // The reader wheels the page (beside the panel) until the panel is gone past the top,
      // without touching the story.
      await page.mouse.move(5, 400);
      for (let i = 0; i < 5; i++) {
        await page.mouse.wheel(0, 200);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(400);
      expect(
        await page.evaluate(() => document.querySelector('story-panel')!.getBoundingClientRect().bottom),
      ).toBeLessThan(0);
      expect((await snapshot(page, path)).chapterIndex).toBe(0);
      expect(await events(page)).toEqual([]);
      // Back up to 160 px down the page: the panel's middle is then well above the window's.
      await page.evaluate(() => window.scrollTo(0, 160));

      const box = 'story-panel >>> .box';
      await wheelTo(page, path, 1);
      await expectReadingLine(page, path, box);
      await wheelTo(page, path, 2);
      await expectReadingLine(page, path, box);
      expectCamera(await settled(page, path), cameras[2]!);
      await wheelTo(page, path, 1);
      await expectReadingLine(page, path, box);
      expectCamera(await settled(page, path), cameras[1]!);
      const scrolled = await page.evaluate(() => ({
        box: document.querySelector('story-panel')!.shadowRoot!.querySelector('.box')!.scrollTop,
        page: scrollY,
      }));
      expect(scrolled.box).toBeGreaterThan(0);
      expect(scrolled.page).toBe(160);
      const fired = await events(page);
      expect(fired.every((e) => e.from === 'inner')).toBe(true);
      expect(fired.map((e) => e.id)).toEqual(['mirs-bay', 'port-shelter', 'mirs-bay']);
      expect(errors).toEqual([]);
    });
  });

  it('src is live: a new story replaces the old one and its map; lang switches without a new map', async () => {
    await withFixture('flow', async ({ page, errors }) => {
      await settled(page, '#story');
      const before = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        (window as unknown as { __oldMap: unknown }).__oldMap = el.map;
        el.lang = 'en';
        return el.map === (window as unknown as { __oldMap: unknown }).__oldMap;
      });
      expect(before).toBe(true);
      await page.waitForFunction(() =>
        document.querySelector('geo-story')!.shadowRoot!.querySelector('h1')!.textContent!.trim().startsWith('Hills'),
      );
      expect(
        await page.evaluate(
          () => document.querySelector('geo-story')!.map === (window as unknown as { __oldMap: unknown }).__oldMap,
        ),
      ).toBe(true);
      expect(await liveContexts(page)).toBe(1);

      await page.evaluate(() =>
        document.querySelector('geo-story')!.setAttribute('src', '/tests/fixtures/stories/two-bays.md'),
      );
      await page.waitForFunction(() => document.querySelector('geo-story')!.story?.id === 'two-bays');
      const cameras = await declaredCameras(page, '#story');
      expectCamera(await settled(page, '#story'), cameras[0]!);
      const swapped = await page.evaluate(() => {
        const el = document.querySelector('geo-story')!;
        const old = (window as unknown as { __oldMap: import('maplibre-gl').Map }).__oldMap;
        return { newMap: el.map !== old, title: el.shadowRoot!.querySelector('h1')!.textContent!.trim() };
      });
      expect(swapped).toEqual({ newMap: true, title: 'Two bays' });
      // The old map's WebGL context was released; only the new one is alive.
      expect(await liveContexts(page)).toBe(1);
      await wheelTo(page, '#story', 1);
      expectCamera(await settled(page, '#story'), cameras[1]!);
      expect((await events(page)).map((e) => e.id)).toEqual(['sai-kung']);
      expect(errors).toEqual([]);
    });
  });

  it('removed and re-added 20 times: live WebGL contexts do not grow and the last instance still works', async () => {
    await withFixture('flow', async ({ page, errors }) => {
      await settled(page, '#story');
      const counts: number[] = [await liveContexts(page)];
      for (let i = 0; i < 20; i++) {
        // Most cycles remove the element while its new map is still loading; every fifth waits
        // for the map to be complete first.
        const cycle = await page.evaluate(
          async (untilReady) => {
            const el = document.querySelector('geo-story')!;
            const parent = el.parentNode!;
            const next = el.nextSibling;
            el.remove();
            // Let the removal take effect (a move in the same task would keep the map).
            await new Promise((r) => setTimeout(r, 20));
            const released = el.map === undefined;
            const ready = new Promise((r) => el.addEventListener('geo-story-ready', () => r(true), { once: true }));
            parent.insertBefore(el, next);
            const created = new Promise((r) => {
              const poll = () => (el.map ? r(true) : setTimeout(poll, 20));
              poll();
            });
            const rebuilt = await Promise.race([
              untilReady ? ready : created,
              new Promise((r) => setTimeout(() => r(false), 30_000)),
            ]);
            return {
              released,
              rebuilt,
              live: (window as unknown as { __liveContexts: () => number }).__liveContexts(),
            };
          },
          i % 5 === 4,
        );
        expect(cycle.released && cycle.rebuilt).toBe(true);
        counts.push(cycle.live);
      }
      expect(counts).toEqual(Array(21).fill(1));
      await settled(page, '#story');
      const cameras = await declaredCameras(page, '#story');
      await wheelTo(page, '#story', 2);
      expectCamera(await settled(page, '#story'), cameras[2]!);
      expect((await events(page)).map((e) => e.id)).toEqual(['mirs-bay', 'port-shelter']);
      expect(await liveContexts(page)).toBe(1);
      expect(errors).toEqual([]);
    });
  }, 240_000);
});
