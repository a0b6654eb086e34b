/**
 * Prints figures, asserts nothing: bundle sizes of what text-first needs and of the map chunk,
 * and, in headless Chromium, the time to the first chapter's text and to the map's first idle,
 * plus the JS heap after loading. Usage: npm run bench [-- --runs 5]
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

await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
await bundleSizes();
await pageTimings();
