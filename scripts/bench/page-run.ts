/**
 * One load of a page in headless Chromium, measured as a reader meets it: when the first
 * chapter's text is on screen, when the map is first idle, which files were fetched before that,
 * and then a flick of 10 wheel steps, one chapter each, through the text: the longest main-thread
 * task meanwhile (Long Tasks API) and how long until the map stops.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { newPage } from '../../tests/support/browser.js';

/** Which kind of page: the story page (`<geo-story>`) or the baseline (plain MapLibre, `window.baseline`). */
export type PageKind = 'story' | 'baseline';

/** One file the page fetched, and when its response ended (ms since the epoch). */
export interface Fetched {
  url: string;
  endedAt: number;
}

/** A long animation frame's scripts, for finding what a long task is. */
export interface FrameScript {
  invoker: string;
  source: string;
  duration: number;
}

/** What one load of a page measured. */
export interface PageRun {
  /** ms from navigation start to the first frame with the first chapter's title in the DOM. */
  textMs: number;
  /** ms from navigation start to the map's first idle. */
  idleMs: number;
  /** JS heap after the first idle, bytes. */
  heapBytes: number;
  /** Files whose response ended before the map's first idle. */
  beforeIdle: string[];
  /** Every file fetched by the end of the flick. */
  all: string[];
  /** Longest main-thread task during the flick, ms (0: none over 50 ms, the Long Tasks API's threshold). */
  longestTaskMs: number;
  /** Main-thread tasks over 50 ms during the flick. */
  longTasks: number;
  /** ms from the first wheel step to the map's last idle after the flick. */
  flickMs: number;
  /** Scripts of the longest animation frame during the flick (Long Animation Frames API). */
  worstFrame: { duration: number; styleAndLayout: number; scripts: FrameScript[] } | undefined;
}

/** Installed before any page script: long tasks, long animation frames, and the first frame that holds chapter text. */
const OBSERVE = () => {
  const bench = {
    tasks: [] as { start: number; duration: number }[],
    frames: [] as { start: number; duration: number; styleAndLayout: number; scripts: unknown[] }[],
    textAt: 0,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const f = e as PerformanceEntry & { styleAndLayoutStart: number; renderStart: number; scripts: unknown[] };
        const scripts = (
          f.scripts as { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[]
        ).map((s) => ({
          invoker: s.invoker,
          source: `${s.sourceFunctionName || '(anonymous)'} ${s.sourceURL.split('/').pop()}`,
          duration: s.duration,
        }));
        bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          styleAndLayout:
            f.startTime + f.duration - (f.styleAndLayoutStart || f.renderStart || f.startTime + f.duration),
          scripts,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long Animation Frames are a diagnosis only.
  }
  // The element's own chapters, the baseline's, or the text prerendered into the page.
  const QUERY = '[data-chapter-id] h2, [data-prerendered-chapter] h2';
  const hasText = () =>
    !!document.querySelector(QUERY) ||
    [...document.querySelectorAll('geo-story')].some((el) => el.shadowRoot?.querySelector(QUERY));
  const poll = () => {
    if (hasText()) bench.textAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
};

/** Loads `url` (a page of `kind`) in a new context and measures it; with `cdp`, profiles the flick. */
export async function runPage(
  browser: Browser,
  url: string,
  kind: PageKind,
  profile?: (cdp: CDPSession, during: () => Promise<void>) => Promise<void>,
): Promise<PageRun> {
  const { page, context } = await newPage(browser, { reducedMotion: 'no-preference' });
  // tsx compiles with esbuild's keepNames, which wraps named functions in a `__name` helper that
  // functions serialised into the page do not carry.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(OBSERVE);
  const fetched: Fetched[] = [];
  const record = (request: import('playwright-core').Request) => {
    const t = request.timing();
    fetched.push({ url: request.url(), endedAt: t.startTime + t.responseEnd });
  };
  context.on('requestfinished', record);
  try {
    await page.goto(url);
    const load = await page.evaluate(async (kind) => {
      const bench = (window as unknown as { __bench: { textAt: number } }).__bench;
      if (kind === 'story') {
        await customElements.whenDefined('geo-story');
        await document.querySelector('geo-story')!.ready;
      } else await (window as unknown as { baseline: { ready: Promise<void> } }).baseline.ready;
      const idleAt = performance.now();
      while (!bench.textAt) await new Promise((r) => requestAnimationFrame(r));
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return { textAt: bench.textAt, idleAt, origin: performance.timeOrigin, heap: memory?.usedJSHeapSize ?? 0 };
    }, kind);
    const idleEpoch = load.origin + load.idleAt;
    const beforeIdle = fetched.filter((f) => f.endedAt <= idleEpoch).map((f) => f.url);
    const flick = profile ? await profiled(page, kind, profile) : await flickThrough(page, kind);
    return {
      textMs: load.textAt,
      idleMs: load.idleAt,
      heapBytes: load.heap,
      beforeIdle,
      all: fetched.map((f) => f.url),
      ...flick,
    };
  } finally {
    context.off('requestfinished', record);
    await context.close();
  }
}

async function profiled(
  page: Page,
  kind: PageKind,
  profile: (cdp: CDPSession, during: () => Promise<void>) => Promise<void>,
): Promise<Awaited<ReturnType<typeof flickThrough>>> {
  const cdp = await page.context().newCDPSession(page);
  let result: Awaited<ReturnType<typeof flickThrough>> | undefined;
  await profile(cdp, async () => {
    result = await flickThrough(page, kind);
  });
  return result!;
}

/** Ten wheel steps over the text, each as long as the distance between two chapters; then waits until the map has stopped. */
async function flickThrough(
  page: Page,
  kind: PageKind,
): Promise<Pick<PageRun, 'longestTaskMs' | 'longTasks' | 'flickMs' | 'worstFrame'>> {
  const setup = await page.evaluate((kind) => {
    const root =
      kind === 'story' ? (document.querySelector('geo-story')!.shadowRoot as ParentNode) : (document as ParentNode);
    const chapters = [...root.querySelectorAll<HTMLElement>('[data-chapter-id]')];
    const tops = chapters.map((c) => c.getBoundingClientRect().top);
    const step = (tops.at(-1)! - tops[0]!) / (chapters.length - 1);
    const box = chapters[0]!.getBoundingClientRect();
    const map =
      kind === 'story'
        ? document.querySelector('geo-story')!.map!
        : (window as unknown as { baseline: { map: import('maplibre-gl').Map } }).baseline.map;
    const flick = { idleAt: 0, start: 0 };
    (window as unknown as { __flick: typeof flick }).__flick = flick;
    map.on('idle', () => (flick.idleAt = performance.now()));
    return { step, x: box.left + box.width / 2, y: Math.min(400, box.top + box.height / 2), chapters: chapters.length };
  }, kind);
  await page.mouse.move(setup.x, setup.y);
  await page.evaluate(() => ((window as unknown as { __flick: { start: number } }).__flick.start = performance.now()));
  for (let i = 0; i < Math.min(10, setup.chapters - 1); i++) await page.mouse.wheel(0, setup.step);
  return page.evaluate(async (kind) => {
    const map =
      kind === 'story'
        ? document.querySelector('geo-story')!.map!
        : (window as unknown as { baseline: { map: import('maplibre-gl').Map } }).baseline.map;
    const flick = (window as unknown as { __flick: { idleAt: number; start: number } }).__flick;
    // Stopped: the page has not scrolled and the map has been idle for half a second.
    let lastY = scrollY;
    let quietSince = performance.now();
    const deadline = performance.now() + 30_000;
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      const still = scrollY === lastY && !map.isMoving() && map.loaded() && flick.idleAt > flick.start;
      lastY = scrollY;
      if (!still) quietSince = performance.now();
      else if (performance.now() - quietSince > 500) break;
    }
    const end = flick.idleAt;
    const bench = (
      window as unknown as {
        __bench: {
          tasks: { start: number; duration: number }[];
          frames: { start: number; duration: number; styleAndLayout: number; scripts: FrameScript[] }[];
        };
      }
    ).__bench;
    const during = <T extends { start: number }>(list: T[]) =>
      list.filter((e) => e.start >= flick.start && e.start <= end);
    const tasks = during(bench.tasks);
    const frames = during(bench.frames).sort((a, b) => b.duration - a.duration);
    const worst = frames[0];
    return {
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      flickMs: end - flick.start,
      worstFrame: worst && { duration: worst.duration, styleAndLayout: worst.styleAndLayout, scripts: worst.scripts },
    };
  }, kind);
}
