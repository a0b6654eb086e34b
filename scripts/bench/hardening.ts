/**
 * Figures of the viewer under load, printed by `npm run bench` (asserting nothing): the JS heap an
 * element keeps per removal and return (20 cycles, each waiting for the new map's first idle, with
 * garbage collected before each reading: Chromium with --enable-precise-memory-info and
 * --js-flags=--expose-gc), and how responsive a page of ten elements stays while they load and
 * while it is scrolled through (the longest main-thread task and the total time of tasks over
 * 50 ms, from the Long Tasks API).
 */
import { launch, newPage } from '../../tests/support/browser.js';
import { fixturePages } from '../../tests/fixtures/pages/pages.js';
import { startStaticServer } from '../../tests/support/static-server.js';

/** What `hardeningFigures` measured. */
export interface HardeningFigures {
  cycles: number;
  /** JS heap after garbage collection: after the first cycle, after the last, and the growth per cycle between them. */
  heapAfterFirstBytes: number;
  heapAfterLastBytes: number;
  heapPerCycleBytes: number;
  /** The page of ten elements: time until every map the pool granted was idle, its longest task and total blocking time. */
  tenLoadMs: number;
  tenLongestTaskMs: number;
  tenBlockingMs: number;
  /** The same while the page is scrolled from top to bottom. */
  tenScrollLongestTaskMs: number;
  tenScrollBlockingMs: number;
}

const TEN = '/bench/ten.html';

/** Ten elements of the fixture story, 400 px high each, on a page of the library build. */
function tenPage(): string {
  const stories = Array.from(
    { length: 10 },
    (_, i) =>
      `<geo-story id="s${i}" lang="en" height="400px" src="/tests/fixtures/stories/three-chapters.md"></geo-story>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><script type="module" src="/geo-story.js"></script>
<title>ten stories</title></head><body>${stories.join('\n')}</body></html>`;
}

/** Installed before any page script: every long task, kept for the page to read. */
const RECORD_LONG_TASKS = () => {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/** The longest task and the blocking time (the part of each task over 50 ms) between two times. */
function taskFigures(tasks: { start: number; duration: number }[], from: number, to: number) {
  const within = tasks.filter((t) => t.start >= from && t.start < to);
  return {
    longest: Math.max(0, ...within.map((t) => t.duration)),
    blocking: within.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
  };
}

/** Measures and prints the figures above, on the build in `roots` (served as the browser tests serve it). */
export async function hardeningFigures(roots: string[], cycles = 20): Promise<HardeningFigures> {
  const server = await startStaticServer(roots, { ...fixturePages(), [TEN]: tenPage() });
  const browser = await launch(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  try {
    const heap = await newPage(browser);
    await heap.page.goto(`${server.url}tests/fixtures/pages/flow.html`);
    // No named inner functions in what runs in the page: tsx would wrap them in a helper the page lacks.
    const readings = await heap.page.evaluate(async (cycles) => {
      const el = document.querySelector('geo-story')!;
      await el.ready;
      const w = window as unknown as { gc: () => void };
      const out: number[] = [];
      for (let i = 0; i < cycles; i++) {
        const parent = el.parentNode!;
        const next = el.nextSibling;
        el.remove();
        await new Promise((r) => setTimeout(r, 20));
        parent.insertBefore(el, next);
        while (!(el.map && el.map.loaded() && !el.map.isMoving())) await new Promise((r) => setTimeout(r, 50));
        w.gc();
        out.push((performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
      }
      return out;
    }, cycles);
    await heap.context.close();

    const ten = await newPage(browser, { init: RECORD_LONG_TASKS });
    await ten.page.goto(`${server.url}${TEN.slice(1)}`);
    const load = await ten.page.evaluate(async () => {
      await customElements.whenDefined('geo-story');
      const els = [...document.querySelectorAll('geo-story')];
      await els[0]!.ready;
      // Every map the pool granted, idle.
      while (!els.every((el) => !el.map || (el.map.loaded() && !el.map.isMoving())))
        await new Promise((r) => setTimeout(r, 100));
      return performance.now();
    });
    const scroll = await ten.page.evaluate(async () => {
      const start = performance.now();
      const els = [...document.querySelectorAll('geo-story')];
      for (const el of els) {
        el.scrollIntoView();
        await el.ready.catch(() => undefined);
      }
      return { start, end: performance.now() };
    });
    const tasks = await ten.page.evaluate(
      () => (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks,
    );
    await ten.context.close();

    const loading = taskFigures(tasks, 0, load);
    const scrolling = taskFigures(tasks, scroll.start, scroll.end);
    const first = readings[0]!;
    const last = readings.at(-1)!;
    const figures: HardeningFigures = {
      cycles,
      heapAfterFirstBytes: first,
      heapAfterLastBytes: last,
      heapPerCycleBytes: (last - first) / Math.max(1, cycles - 1),
      tenLoadMs: load,
      tenLongestTaskMs: loading.longest,
      tenBlockingMs: loading.blocking,
      tenScrollLongestTaskMs: scrolling.longest,
      tenScrollBlockingMs: scrolling.blocking,
    };
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
    console.log(`\nUnder load (library build, fixture story):`);
    console.log(
      `  removed and returned ${cycles} times: JS heap ${mb(first)} after the first, ${mb(last)} after the last, ${(figures.heapPerCycleBytes / 1024).toFixed(1)} KB per cycle`,
    );
    console.log(
      `  ten elements: all granted maps idle at ${Math.round(load)} ms, longest task ${Math.round(loading.longest)} ms, blocking ${Math.round(loading.blocking)} ms; scrolled through: longest task ${Math.round(scrolling.longest)} ms, blocking ${Math.round(scrolling.blocking)} ms`,
    );
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}
