import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
/** axe-core's source, evaluated in the page (the page's CSP forbids an inline script tag). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const pageUrl = (lang: string) => `${base}index.html?lang=${lang}`;

/** One serious or critical axe-core finding, short enough to read in a failure message. */
interface Finding {
  chapter: string;
  rule: string;
  impact: string;
  nodes: string[];
}

/** Runs axe-core on the page as it is now and returns its serious and critical violations. */
async function seriousViolations(page: Page, chapter: string): Promise<Finding[]> {
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    const r = (await axe.run(document, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
    };
    return r.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ chapter, ...v }));
}

describe('accessibility of the default story (axe-core)', () => {
  const withPage = useBrowser();
  const sizes = [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ];
  for (const lang of ['zh-Hant', 'en'])
    for (const size of sizes)
      it(`has no serious or critical violation in any chapter, ${lang} at ${size.width}x${size.height}`, () =>
        withPage(pageUrl(lang), size, async ({ page }) => {
          await waitReady(page);
          await page.evaluate(AXE);
          const ids = await page.evaluate(() => document.querySelector('geo-story')!.story!.chapters.map((c) => c.id));
          expect(ids.length).toBeGreaterThan(1);
          const findings: Finding[] = [];
          for (const id of ids) {
            await page.evaluate((c) => document.querySelector('geo-story')!.goTo(c), id);
            await waitSettled(page);
            findings.push(...(await seriousViolations(page, id)));
          }
          expect(findings).toEqual([]);
        }));
});
