/**
 * Prints figures, asserts nothing. Builds the site and the library into dist-bench/, serves it on
 * 127.0.0.1 and, in headless Chromium, loads in turn the story page and a baseline page (plain
 * MapLibre drawing the same basemap and story layers as GeoJSON, no story: scripts/bench/baseline.ts),
 * each `--runs` times (5 unless given): first chapter text on screen, map first idle, the longest
 * main-thread task during a 10-step wheel flick and the time until the map stops, and the script
 * and all bytes (gzip) fetched before the map's first idle; median, min and max of each, and the
 * story page's ratio to the baseline. Then the gzip size of every chunk and asset, and pages of
 * 1, 10 and 20 elements; how long validating a layer of a million positions takes
 * (scripts/bench/validation.ts); and the demonstration layer of stories/hk-land-tiles.md read from its
 * PMTiles archive against the same data as one GeoJSON file (scripts/bench/tiles.ts). Writes
 * everything as JSON to bench/results/.
 * Usage: npm run bench [-- --runs 5] [--profile] [--pages-only] [--tiles-only]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { build } from 'vite';
import { launch } from '../tests/support/browser.js';
import { startStaticServer } from '../tests/support/static-server.js';
import { BASELINE_PATH, buildBaseline } from './bench/baseline.js';
import { hardeningFigures } from './bench/hardening.js';
import { manyTimings } from './bench/many.js';
import { runPage, type PageKind, type PageRun } from './bench/page-run.js';
import { profileFlick } from './bench/profile.js';
import { kb, sizeOfUrl, sizesIn, type Size } from './bench/sizes.js';
import { spread, type Spread } from './bench/stats.js';
import { printTileFigures, tileFigures } from './bench/tiles.js';
import { validationFigures } from './bench/validation.js';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'dist-bench');
const roots = [outDir, root];
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const profile = process.argv.includes('--profile');
// --pages-only: the story page and the baseline, without the pages of many elements.
const pagesOnly = process.argv.includes('--pages-only');
// --tiles-only: the PMTiles archive against one GeoJSON file, nothing else.
const tilesOnly = process.argv.includes('--tiles-only');
const STORY = 'stories/gba-cooperation.md';

/** The figures of one page over its runs. */
interface PageFigures {
  textMs: Spread;
  idleMs: Spread;
  longestTaskMs: Spread;
  flickMs: Spread;
  scriptGzipBeforeIdle: Spread;
  allGzipBeforeIdle: Spread;
  heapBytes: Spread;
  /** Files fetched before the map's first idle in the first run, with their sizes. */
  filesBeforeIdle: Size[];
}

const SCRIPT = /\.m?js(\?|$)/;

async function figures(list: PageRun[]): Promise<PageFigures> {
  const gz = async (urls: string[], keep: (u: string) => boolean) => {
    const sizes = await Promise.all(urls.filter(keep).map((u) => sizeOfUrl(u, roots)));
    return sizes.reduce((sum, s) => sum + (s?.gzip ?? 0), 0);
  };
  const files = await Promise.all(list[0]!.beforeIdle.map((u) => sizeOfUrl(u, roots)));
  return {
    textMs: spread(list.map((r) => r.textMs)),
    idleMs: spread(list.map((r) => r.idleMs)),
    longestTaskMs: spread(list.map((r) => r.longestTaskMs)),
    flickMs: spread(list.map((r) => r.flickMs)),
    scriptGzipBeforeIdle: spread(await Promise.all(list.map((r) => gz(r.beforeIdle, (u) => SCRIPT.test(u))))),
    allGzipBeforeIdle: spread(await Promise.all(list.map((r) => gz(r.beforeIdle, () => true)))),
    heapBytes: spread(list.map((r) => r.heapBytes)),
    filesBeforeIdle: files.filter((s): s is Size => !!s),
  };
}

async function compare(
  baselineHtml: string,
): Promise<{ story: PageFigures; baseline: PageFigures; runs: Record<PageKind, PageRun[]> }> {
  const server = await startStaticServer(roots, { [BASELINE_PATH]: baselineHtml });
  const browser = await launch();
  const results: Record<PageKind, PageRun[]> = { story: [], baseline: [] };
  const urls: Record<PageKind, string> = {
    story: `${server.url}index.html`,
    baseline: `${server.url}${BASELINE_PATH.slice(1)}`,
  };
  try {
    // Alternating, so that a busy moment of the machine falls on both pages alike.
    for (let i = 0; i < runs; i++)
      for (const kind of ['story', 'baseline'] as const) {
        const run = await runPage(browser, urls[kind], kind);
        results[kind].push(run);
        process.stdout.write(
          `  ${kind.padEnd(8)} run ${i + 1}: text ${run.textMs.toFixed(0)} ms, idle ${run.idleMs.toFixed(0)} ms, longest task ${run.longestTaskMs.toFixed(0)} ms, flick ${run.flickMs.toFixed(0)} ms\n`,
        );
      }
    if (profile) {
      const run = await runPage(browser, urls.story, 'story', profileFlick);
      const frame = run.worstFrame;
      if (frame) {
        console.log(
          `Longest animation frame of that flick: ${frame.duration.toFixed(0)} ms, style and layout ${frame.styleAndLayout.toFixed(0)} ms; scripts:`,
        );
        for (const s of frame.scripts)
          console.log(`  ${s.duration.toFixed(0).padStart(5)} ms  ${s.invoker}  ${s.source}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { story: await figures(results.story), baseline: await figures(results.baseline), runs: results };
}

function printComparison(story: PageFigures, baseline: PageFigures): void {
  const rows: [string, keyof PageFigures, (n: number) => string][] = [
    ['first chapter text on screen', 'textMs', (n) => `${n.toFixed(0)} ms`],
    ['map idle (first)', 'idleMs', (n) => `${n.toFixed(0)} ms`],
    ['longest task in a 10-step flick', 'longestTaskMs', (n) => `${n.toFixed(0)} ms`],
    ['flick until the map stops', 'flickMs', (n) => `${n.toFixed(0)} ms`],
    ['script before map idle (gzip)', 'scriptGzipBeforeIdle', kb],
    ['everything before map idle (gzip)', 'allGzipBeforeIdle', kb],
    ['JS heap after idle', 'heapBytes', kb],
  ];
  const cell = (s: Spread, f: (n: number) => string) => `${f(s.median)} (${f(s.min)}-${f(s.max)})`.padStart(30);
  console.log(`\nStory page vs baseline (plain MapLibre, same data), median (min-max) of ${runs}:`);
  console.log(`  ${'figure'.padEnd(36)}${'story page'.padStart(30)}${'baseline'.padStart(30)}   ratio`);
  for (const [name, key, f] of rows) {
    const a = story[key] as Spread;
    const b = baseline[key] as Spread;
    const ratio = b.median ? `${(a.median / b.median).toFixed(2)}x` : '-';
    console.log(`  ${name.padEnd(36)}${cell(a, f)}${cell(b, f)}   ${ratio}`);
  }
  for (const [name, page] of [
    ['story page', story],
    ['baseline', baseline],
  ] as const) {
    console.log(`\nFetched before the map's first idle, ${name} (first run, raw / gzip):`);
    for (const s of page.filesBeforeIdle)
      console.log(`  ${s.file.padEnd(60)} ${kb(s.raw).padStart(10)} / ${kb(s.gzip).padStart(9)}`);
  }
}

async function bundleSizes(): Promise<{ site: Size[]; library: Size[] }> {
  const site = await sizesIn(resolve(outDir, 'assets'), (f) => !f.endsWith('.map'));
  const library = await sizesIn(
    outDir,
    (f) => f.startsWith('geo-story') && !f.endsWith('.map') && !f.endsWith('.d.ts'),
  );
  for (const [name, list] of [
    ['site (dist/assets/)', site],
    ['library (dist/geo-story*)', library],
  ] as const) {
    console.log(`\nBuilt files of the ${name}, raw / gzip:`);
    for (const s of list) console.log(`  ${s.file.padEnd(56)} ${kb(s.raw).padStart(10)} / ${kb(s.gzip).padStart(9)}`);
  }
  return { site, library };
}

const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
// The library build beside the site, as `npm run build` does, for the pages of many elements.
await build({
  root,
  logLevel: 'warn',
  configFile: resolve(root, 'vite.lib.config.ts'),
  build: { outDir, emptyOutDir: false },
});
const baselineHtml = await buildBaseline(root, outDir, STORY, 'zh-Hant');
process.env.NODE_ENV = nodeEnv;

const validation = tilesOnly ? undefined : validationFigures(runs);
const sizes = tilesOnly ? undefined : await bundleSizes();
let compared: Awaited<ReturnType<typeof compare>> | undefined;
if (!tilesOnly) {
  console.log(`\nStory page (index.html) and baseline, ${runs} loads each, headless Chromium, software WebGL:`);
  compared = await compare(baselineHtml);
  printComparison(compared.story, compared.baseline);
}
const many = pagesOnly || tilesOnly ? undefined : await manyTimings(roots, runs);
const underLoad = pagesOnly || tilesOnly ? undefined : await hardeningFigures(roots);
console.log(`\nA PMTiles layer against one GeoJSON file, ${runs} loads of each view:`);
const tiles = await tileFigures(roots, root, runs);
printTileFigures(tiles, runs);

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? '',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  platform: process.platform,
};
const at = new Date().toISOString();
const results = resolve(root, 'bench/results');
await mkdir(results, { recursive: true });
const json = JSON.stringify(
  {
    at,
    machine,
    runs,
    validation,
    sizes,
    story: compared?.story,
    baseline: compared?.baseline,
    many,
    underLoad,
    tiles,
  },
  null,
  2,
);
const file = resolve(results, `${at.replace(/[:.]/g, '-')}.json`);
await writeFile(file, json);
await writeFile(resolve(results, 'latest.json'), json);
console.log(`\nWritten to ${file} and bench/results/latest.json`);
