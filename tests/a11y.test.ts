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

  it('has no serious or critical violation in Simplified Chinese, in the first chapter and in a converted one; one heading outline, its text marked zh-Hans-CN', () =>
    withPage(pageUrl('zh-Hans'), async ({ page, errors }) => {
      await waitReady(page);
      // The outline and the language tags, as the headings tests check them in the other languages, on this one page load.
      const o = await outline(page);
      expectWholeOutline(o);
      for (const [piece, langs] of Object.entries(o.langs)) {
        expect(langs.length, piece).toBeGreaterThan(0);
        for (const l of langs) expect(l, piece).toBe('zh-Hans-CN');
      }
      expect(o.buttons).toEqual({ 繁體中文: 'zh-Hant-HK', 简体中文: 'zh-Hans-CN', English: 'en' });
      await page.evaluate(AXE);
      const findings = await seriousViolations(page, 'overview');
      // The second chapter's Simplified text is converted, and says so under it.
      await page.evaluate(() => document.querySelector('geo-story')!.goTo(1));
      await waitSettled(page);
      await page.waitForFunction(() =>
        document.querySelector('geo-story')!.shadowRoot!.querySelector('.chapter.active .converted'),
      );
      findings.push(...(await seriousViolations(page, 'standards-agreement')));
      expect(findings).toEqual([]);
      expect(errors).toEqual([]);
    }));
});

/** The element's headings in document order (chapter text included), and the language of each piece of text. */
interface Outline {
  headings: { level: number; text: string }[];
  chapters: number;
  /** The `lang` in effect (nearest `lang` attribute) of each piece: layout, title, subtitle, chapter titles, bodies and sources. */
  langs: Record<string, string[]>;
  /** The language buttons' own `lang`, by their text. */
  buttons: Record<string, string>;
}

/** Reads the heading outline and the `lang` of every text piece in the element's shadow root. */
function outline(page: Page): Promise<Outline> {
  return page.evaluate(() => {
    const el = document.querySelector('geo-story')!;
    const root = el.shadowRoot!;
    const langOf = (n: Element) => n.closest('[lang]')?.getAttribute('lang') ?? '';
    const all = (sel: string) => [...root.querySelectorAll(sel)].map(langOf);
    return {
      headings: [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
        level: Number(h.localName[1]),
        text: h.textContent!.trim(),
      })),
      chapters: el.chapters.length,
      langs: {
        layout: all('.layout'),
        title: all('h1'),
        subtitle: all('.subtitle'),
        chapterTitles: all('.chapter h2'),
        bodies: all('.chapter .body'),
        sources: all('.sources li'),
        panel: [...(root.querySelector('geo-story-layers')?.shadowRoot?.querySelectorAll('.panel') ?? [])].map(langOf),
      },
      buttons: Object.fromEntries(
        [...root.querySelectorAll('.lang-switch button')].map((b) => [b.textContent!.trim(), b.getAttribute('lang')!]),
      ),
    };
  });
}

/** Checks that the headings form one outline: a single h1 first, and no level skipped on the way down. */
function expectWholeOutline(o: Outline): void {
  const levels = o.headings.map((h) => h.level);
  expect(levels[0], JSON.stringify(o.headings)).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++)
    expect(levels[i]! - levels[i - 1]!, JSON.stringify(o.headings.slice(i - 1, i + 1))).toBeLessThanOrEqual(1);
  expect(levels.filter((l) => l === 2)).toHaveLength(o.chapters);
}

describe('headings and languages', () => {
  const withPage = useBrowser();
  const TAGS = { 'zh-Hant': 'zh-Hant-HK', en: 'en' } as const;

  // Simplified Chinese: checked on the page load of its axe test above.
  for (const lang of ['zh-Hant', 'en'] as const)
    it(`gives the default story one heading outline and marks its text ${TAGS[lang]} (${lang})`, () =>
      withPage(pageUrl(lang), async ({ page, errors }) => {
        await waitReady(page);
        const o = await outline(page);
        expectWholeOutline(o);
        for (const [piece, langs] of Object.entries(o.langs)) {
          expect(langs.length, piece).toBeGreaterThan(0);
          for (const l of langs) expect(l, piece).toBe(TAGS[lang]);
        }
        // Each language button is marked in the language of its name, whichever is current.
        expect(o.buttons).toEqual({ 繁體中文: 'zh-Hant-HK', 简体中文: 'zh-Hans-CN', English: 'en' });
        expect(errors).toEqual([]);
      }));

  it('puts headings in chapter text below the chapter heading, in both languages', async () => {
    const url = (lang: string) => `${base}index.html?story=/tests/fixtures/stories/outline.md&lang=${lang}`;
    for (const [lang, words] of [
      ['en', ['Headings and languages', 'The first chapter', 'Background', 'Detail', 'Sources', 'The second chapter']],
      ['zh-Hant', ['標題與語言', '第一章', '背景', '細節', '資料來源', '第二章']],
    ] as const)
      await withPage(url(lang), async ({ page, errors }) => {
        await page.waitForFunction(() => document.querySelector('geo-story')!.chapters.length === 2);
        const o = await outline(page);
        expectWholeOutline(o);
        // The sources heading is an h3 in each chapter that cites any.
        expect(o.headings.map((h) => h.level)).toEqual([1, 2, 3, 4, 3, 2]);
        expect(o.headings.map((h) => h.text)).toEqual(words);
        for (const langs of Object.values(o.langs)) for (const l of langs) expect(l).toBe(TAGS[lang]);
        expect(errors).toEqual([]);
      });
  });
});
