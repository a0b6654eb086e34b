/**
 * Prints figures, asserts nothing: bundle sizes of what text-first needs and of the map chunk,
 * and, in headless Chromium, the time to the first chapter's text and to the map's first idle,
 * plus the JS heap after loading; then, for pages with 1, 10 and 20 elements of the library
 * build, the time until the first (visible) map is idle, the JS heap and the live WebGL contexts.
 * Usage: npm run bench [-- --runs 5]
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launch, newPage } from '../tests/support/browser.js';
import { startStaticServer } from '../tests/support/static-server.js';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'dist-bench');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function bundleSizes(): Promise<void> {
  const assets = resolve(outDir, 'assets');
  const files = (await readdir(assets)).filter((f) => /\.(m?js|geojson|css)$/.test(f));
  console.log('\nBundle (raw / gzip):');
  for (const f of files.sort()) {
    const data = await readFile(resolve(assets, f));
    const role =
      f.startsWith('index-') && f.endsWith('.js')
        ? '  <- loaded before text renders'
        : f.startsWith('story-map-')
          ? '  <- dynamic import (MapLibre + glue)'
          : '';
    console.log(
      `  ${f.padEnd(44)} ${kb((await stat(resolve(assets, f))).size).padStart(10)} / ${kb(gzipSync(data).length).padStart(9)}${role}`,
    );
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function pageTimings(): Promise<void> {
  const server = await startStaticServer([outDir, root]);
  const browser = await launch();
  const text: number[] = [];
  const idle: number[] = [];
  const heap: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { page, context } = await newPage(browser);
      try {
        await page.goto(`${server.url}index.html`);
        const t = await page.evaluate(async () => {
          await customElements.whenDefined('geo-story');
          const el = document.querySelector('geo-story')!;
          while (!el.shadowRoot?.querySelector('[data-chapter-id] h2'))
            await new Promise((r) => requestAnimationFrame(r));
          const textAt = performance.now();
          await el.ready;
          const idleAt = performance.now();
          const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
          return { textAt, idleAt, heap: memory?.usedJSHeapSize ?? 0 };
        });
        text.push(t.textAt);
        idle.push(t.idleAt);
        heap.push(t.heap);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\nDefault story, ${runs} loads in headless Chromium (software WebGL), ms from navigation start:`);
  console.log(
    `  first chapter text  median ${median(text).toFixed(0)}  (min ${Math.min(...text).toFixed(0)}, max ${Math.max(...text).toFixed(0)})`,
  );
  console.log(
    `  map first idle      median ${median(idle).toFixed(0)}  (min ${Math.min(...idle).toFixed(0)}, max ${Math.max(...idle).toFixed(0)})`,
  );
  console.log(`  JS heap after ready median ${kb(median(heap))}`);
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

async function manyTimings(): Promise<void> {
  const counts = [1, 10, 20];
  const pages = Object.fromEntries(counts.map((n) => [`/bench/many-${n}.html`, manyPage(n)]));
  const server = await startStaticServer([outDir, root], pages);
  const browser = await launch();
  const manyRuns = Math.max(1, Math.min(runs, 3));
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
      console.log(
        `  ${String(n).padStart(8)}  ${`${median(idle).toFixed(0)} ms`.padStart(21)}   ${kb(median(heap)).padStart(13)}   ${String(median(live)).padStart(19)}  ${String(median(built)).padStart(10)}`,
      );
    }
    await scrollThrough(browser, server.url, counts.at(-1)!);
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
async function scrollThrough(browser: Awaited<ReturnType<typeof launch>>, base: string, n: number): Promise<void> {
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
    const stills = r.stills.length
      ? `median ${median(r.stills).toFixed(1)} ms, max ${Math.max(...r.stills).toFixed(1)} ms`
      : 'none';
    console.log(
      `  scrolled through all ${n}: ${(r.ms / 1000).toFixed(1)} s, at most ${r.peak} live contexts, ${r.stills.length} maps given back; still image ${stills}`,
    );
  } finally {
    await context.close();
  }
}

await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
// The library build beside the site, as `npm run build` does, for the pages of many elements.
await build({
  root,
  logLevel: 'warn',
  configFile: resolve(root, 'vite.lib.config.ts'),
  build: { outDir, emptyOutDir: false },
});
await bundleSizes();
await pageTimings();
await manyTimings();
