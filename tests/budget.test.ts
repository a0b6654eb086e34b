import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const KB = 1024;

/**
 * Size budgets, in gzip bytes as a static host sends them: the script a compiled story needs before
 * its text shows, the map chunk (MapLibre and the map glue) and MapLibre's worker, and everything a
 * first visit of the site fetches until the map is ready. A change that outgrows one fails here;
 * raise a budget only with a reason in the commit. Timings are not budgets: see npm run bench.
 */
const BUDGET = { entry: 35 * KB, map: 310 * KB, worker: 150 * KB, firstVisit: 1024 * KB };

async function gzipSize(url: string): Promise<number> {
  const res = await fetch(url);
  expect(res.ok, url).toBe(true);
  return gzipSync(Buffer.from(await res.arrayBuffer())).length;
}

describe('size budgets', () => {
  const withPage = useBrowser();

  it('the entry, the map chunk, the worker and the whole first visit stay within budget', async () => {
    await withPage('about:blank', async ({ page }) => {
      const fetched = new Set<string>();
      page.on('requestfinished', (r) => fetched.add(r.url()));
      await page.goto(`${base}index.html`);
      await page.evaluate(() => document.querySelector('geo-story')!.ready);
      const urls = [...fetched];
      const one = (pattern: RegExp) => {
        const found = urls.filter((u) => pattern.test(new URL(u).pathname));
        expect(found, `one file matching ${pattern}`).toHaveLength(1);
        return found[0]!;
      };
      const sizes = {
        entry: await gzipSize(one(/\/assets\/index-[^/]*\.js$/)),
        map: await gzipSize(one(/\/story-map-[^/]*\.js$/)),
        worker: await gzipSize(one(/\/maplibre-gl-worker-[^/]*\.mjs$/)),
        firstVisit: (await Promise.all(urls.map(gzipSize))).reduce((a, b) => a + b, 0),
      };
      console.log(
        `gzip: ${Object.entries(sizes)
          .map(([k, v]) => `${k} ${(v / KB).toFixed(1)} KB of ${BUDGET[k as keyof typeof BUDGET] / KB} KB`)
          .join(', ')}`,
      );
      for (const key of Object.keys(BUDGET) as (keyof typeof BUDGET)[])
        expect(sizes[key], `${key}: ${sizes[key]} bytes`).toBeLessThanOrEqual(BUDGET[key]);
    });
  });
});
