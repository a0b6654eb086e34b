/**
 * Pages of 1, 10 and 20 elements of the library build: the time until the first (visible) map is
 * idle, the JS heap and the live WebGL contexts; then a scroll through the page of 20.
 */
import type { Browser } from 'playwright-core';
import { launch, newPage } from '../../tests/support/browser.js';
import { startStaticServer } from '../../tests/support/static-server.js';
import { kb } from './sizes.js';
import { spread } from './stats.js';

/** One page of many elements, median of its runs. */
export interface ManyFigures {
  elements: number;
  firstIdleMs: number;
  heapBytes: number;
  liveContexts: number;
  mapsBuilt: number;
}

/** The scroll through the page of most elements. */
export interface ScrollFigures {
  elements: number;
  ms: number;
  peakContexts: number;
  givenBack: number;
  stillMedianMs: number | undefined;
  stillMaxMs: number | undefined;
}

/** A page of `n` elements of the library build, each 500 px high with the default story, one below the other. */
function manyPage(n: number): string {
  const stories = Array.from(
    { length: n },
    (_, i) => `<geo-story id="s${i}" height="500px" src="/stories/gba-cooperation.md"></geo-story>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><script type="module" src="/geo-story.js"></script>
<title>${n} stories</title></head><body style="margin:0">${stories.join('\n')}</body></html>`;
}

/** Counts the WebGL contexts the page made that are still alive (installed before any page script). */
const COUNT_CONTEXTS = () => {
  const contexts = new Set<WebGLRenderingContext>();
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const ctx = (getContext as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    if (ctx && /webgl/.test(type)) contexts.add(ctx as WebGLRenderingContext);
    return ctx;
  } as typeof getContext;
  (window as unknown as { __live: () => number }).__live = () => [...contexts].filter((c) => !c.isContextLost()).length;
};

/** Measures pages of 1, 10 and 20 elements (median of at most 3 runs each) and prints them. */
export async function manyTimings(
  roots: string[],
  runs: number,
): Promise<{ pages: ManyFigures[]; scroll: ScrollFigures }> {
  const counts = [1, 10, 20];
  const pages = Object.fromEntries(counts.map((n) => [`/bench/many-${n}.html`, manyPage(n)]));
  const server = await startStaticServer(roots, pages);
  const browser = await launch();
  const manyRuns = Math.max(1, Math.min(runs, 3));
  const figures: ManyFigures[] = [];
  console.log(`\nMany elements on one page (library build, default story, 500 px each), median of ${manyRuns}:`);
  console.log('  elements  first visible map idle   JS heap after   live WebGL contexts  maps built');
  try {
    for (const n of counts) {
      const idle: number[] = [];
      const heap: number[] = [];
      const live: number[] = [];
      const built: number[] = [];
      for (let i = 0; i < manyRuns; i++) {
        const { page, context } = await newPage(browser, { init: COUNT_CONTEXTS });
        try {
          await page.goto(`${server.url}bench/many-${n}.html`);
          const r = await page.evaluate(async () => {
            await customElements.whenDefined('geo-story');
            const els = [...document.querySelectorAll('geo-story')];
            await els[0]!.ready;
            const idleAt = performance.now();
            // Then let every map the pool granted reach its first idle, so the heap and contexts are the page's steady state.
            const deadline = performance.now() + 30_000;
            while (performance.now() < deadline && els.some((el) => el.map && !el.map.loaded()))
              await new Promise((r) => setTimeout(r, 100));
            const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
            const live = (window as unknown as { __live: () => number }).__live();
            return { idleAt, heap: memory?.usedJSHeapSize ?? 0, live, built: els.filter((el) => el.map).length };
          });
          idle.push(r.idleAt);
          heap.push(r.heap);
          live.push(r.live);
          built.push(r.built);
        } finally {
          await context.close();
        }
      }
      const f: ManyFigures = {
        elements: n,
        firstIdleMs: spread(idle).median,
        heapBytes: spread(heap).median,
        liveContexts: spread(live).median,
        mapsBuilt: spread(built).median,
      };
      figures.push(f);
      console.log(
        `  ${String(n).padStart(8)}  ${`${f.firstIdleMs.toFixed(0)} ms`.padStart(21)}   ${kb(f.heapBytes).padStart(13)}   ${String(f.liveContexts).padStart(19)}  ${String(f.mapsBuilt).padStart(10)}`,
      );
    }
    const scroll = await scrollThrough(browser, server.url, counts.at(-1)!);
    return { pages: figures, scroll };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Scrolls a page of many elements from the first to the last, each time waiting for that
 * element's map: the most live WebGL contexts meanwhile, the maps given back, and what the still
 * image of each map given back cost (read from the frame just drawn, so no preserveDrawingBuffer).
 */
async function scrollThrough(browser: Browser, base: string, n: number): Promise<ScrollFigures> {
  const { page, context } = await newPage(browser, { init: COUNT_CONTEXTS });
  try {
    await page.goto(`${base}bench/many-${n}.html`);
    const r = await page.evaluate(async () => {
      await customElements.whenDefined('geo-story');
      const live = (window as unknown as { __live: () => number }).__live;
      const start = performance.now();
      let peak = 0;
      for (const el of document.querySelectorAll('geo-story')) {
        el.scrollIntoView({ block: 'start' });
        while (!el.map?.loaded()) {
          peak = Math.max(peak, live());
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      const stills = performance.getEntriesByName('geo-story:still-image').map((e) => e.duration);
      return { ms: performance.now() - start, peak, stills };
    });
    const stills = r.stills.length ? spread(r.stills) : undefined;
    const figures: ScrollFigures = {
      elements: n,
      ms: r.ms,
      peakContexts: r.peak,
      givenBack: r.stills.length,
      stillMedianMs: stills?.median,
      stillMaxMs: stills?.max,
    };
    console.log(
      `  scrolled through all ${n}: ${(r.ms / 1000).toFixed(1)} s, at most ${r.peak} live contexts, ${r.stills.length} maps given back; still image ${stills ? `median ${stills.median.toFixed(1)} ms, max ${stills.max.toFixed(1)} ms` : 'none'}`,
    );
    return figures;
  } finally {
    await context.close();
  }
}
