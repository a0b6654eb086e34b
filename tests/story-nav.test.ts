import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const pageUrl = (lang: string) => `${base}index.html?lang=${lang}`;
/** axe-core's source, evaluated in the page (the page's CSP forbids an inline script tag). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the navigation over the map shows: the contents and the progress bar, each entry's name and mark. */
interface Shown {
  index: number;
  titles: string[];
  open: boolean;
  expanded: string | null;
  contents: { text: string; current: string | null }[];
  progress: { name: string; current: string | null; tabIndex: number }[];
}

function shown(page: Page): Promise<Shown> {
  return page.evaluate(async () => {
    const el = document.querySelector('geo-story')!;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const list = root.querySelector<HTMLElement>('[part="contents"]')!;
    return {
      index: el.chapterIndex,
      titles: el.chapters.map((c) => c.title),
      open: list.checkVisibility(),
      expanded: root.querySelector('[part="contents-toggle"]')!.getAttribute('aria-expanded'),
      contents: [...list.querySelectorAll('button')].map((b) => ({
        text: b.textContent!.replace(/\s+/g, ' ').trim(),
        current: b.getAttribute('aria-current'),
      })),
      progress: [...root.querySelectorAll<HTMLButtonElement>('[part="progress"] button')].map((b) => ({
        name: b.getAttribute('aria-label')!,
        current: b.getAttribute('aria-current'),
        tabIndex: b.tabIndex,
      })),
    };
  });
}

/** The one entry marked current in the contents and in the progress bar, by index; -1 when not exactly one. */
function marked(s: Shown): { contents: number; progress: number } {
  const one = (marks: (string | null)[]) =>
    marks.filter((m) => m === 'step').length === 1 ? marks.indexOf('step') : -1;
  return { contents: one(s.contents.map((c) => c.current)), progress: one(s.progress.map((p) => p.current)) };
}

const WORDS = {
  en: {
    contents: 'Contents',
    progress: 'Chapter progress',
    chapter: (n: number, total: number) => `Chapter ${n} of ${total}: `,
  },
  'zh-Hant': {
    contents: '目錄',
    progress: '章節進度',
    chapter: (n: number, total: number) => `第 ${n} 章，共 ${total} 章：`,
  },
} as const;

describe('chapter progress and contents', () => {
  const withPage = useBrowser();

  for (const lang of ['zh-Hant', 'en'] as const)
    it(`lists every chapter in the contents and the progress bar, marks the current one in both, and goes where chosen (${lang})`, () =>
      withPage(pageUrl(lang), async ({ page, errors }) => {
        await waitReady(page);
        await waitSettled(page);
        const words = WORDS[lang];
        const story = page.locator('geo-story');
        const toggle = story.getByRole('button', { name: words.contents, exact: true });
        let s = await shown(page);
        const total = s.titles.length;
        expect(total).toBeGreaterThan(2);
        expect(s.open).toBe(false);
        expect(s.expanded).toBe('false');
        expect(s.progress.map((p) => p.name)).toEqual(
          s.titles.map((t, i) => `${words.chapter(i + 1, total)}${t}${lang === 'en' ? '.' : '。'}`),
        );
        expect(marked(s)).toEqual({ contents: 0, progress: 0 });
        // One Tab stop for the whole bar: its current segment.
        expect(s.progress.map((p) => p.tabIndex)).toEqual(s.titles.map((_, i) => (i === 0 ? 0 : -1)));
        expect(await story.getByRole('list', { name: words.progress }).count()).toBe(1);

        await toggle.click();
        s = await shown(page);
        expect(s.open).toBe(true);
        expect(s.expanded).toBe('true');
        expect(s.contents.map((c) => c.text)).toEqual(s.titles.map((t, i) => `${i + 1} ${t}`));
        // Choosing a chapter goes there, closes the contents and marks it in both.
        const target = total - 2;
        await story.getByRole('list', { name: words.contents }).getByRole('button').nth(target).click();
        await page.waitForFunction((i) => document.querySelector('geo-story')!.chapterIndex === i, target);
        await waitSettled(page);
        s = await shown(page);
        expect(s.open).toBe(false);
        expect(marked(s)).toEqual({ contents: target, progress: target });
        expect(s.progress[target]!.tabIndex).toBe(0);

        // A segment of the bar goes to its chapter too.
        await story.getByRole('button', { name: s.progress[1]!.name }).click();
        await page.waitForFunction(() => document.querySelector('geo-story')!.chapterIndex === 1);
        s = await shown(page);
        expect(marked(s)).toEqual({ contents: 1, progress: 1 });
        expect(errors).toEqual([]);
      }));

  it('works from the keyboard: Tab reaches the contents and the bar, arrows step along the bar, Escape closes the contents', () =>
    withPage(pageUrl('en'), async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const story = page.locator('geo-story');
      const toggle = story.getByRole('button', { name: 'Contents', exact: true });
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect((await shown(page)).open).toBe(true);
      // Into the list, and out again with Escape: closed, the focus back on the button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      let s = await shown(page);
      expect(s.open).toBe(false);
      const onToggle = await page.evaluate(
        () => document.querySelector('geo-story')!.shadowRoot!.activeElement?.getAttribute('part') ?? '',
      );
      expect(onToggle).toBe('contents-toggle');
      // Tab from the button lands on the bar's current segment; Right and Left step, the focus follows.
      await page.keyboard.press('Tab');
      const focusedSegment = () =>
        page.evaluate(() => {
          const a = document.querySelector('geo-story')!.shadowRoot!.activeElement;
          return a?.closest('[part="progress"]')
            ? [...a.closest('ol')!.querySelectorAll('button')].indexOf(a as HTMLButtonElement)
            : -1;
        });
      expect(await focusedSegment()).toBe(0);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('geo-story')!.chapterIndex === 1);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('geo-story')!.chapterIndex === 2);
      await expect.poll(focusedSegment).toBe(2);
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.querySelector('geo-story')!.chapterIndex === 1);
      await expect.poll(focusedSegment).toBe(1);
      s = await shown(page);
      expect(marked(s)).toEqual({ contents: 1, progress: 1 });
      // Escape with the contents closed is still the element's: measure mode's key, not swallowed.
      await page.keyboard.press('m');
      await page.waitForFunction(() => document.querySelector('geo-story')!.measuring);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('geo-story')!.measuring);
      expect(errors).toEqual([]);
    }));

  for (const size of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    it(`is axe-clean with the contents open, in both languages, and fits beside the map's controls (${size.width}x${size.height})`, () =>
      withPage(pageUrl('zh-Hant'), size, async ({ page, errors }) => {
        await waitReady(page);
        await waitSettled(page);
        await page.evaluate(AXE);
        for (const lang of ['zh-Hant', 'en'] as const) {
          await page.evaluate((l) => (document.querySelector('geo-story')!.lang = l), lang);
          await page.locator('geo-story').getByRole('button', { name: WORDS[lang].contents, exact: true }).click();
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<unknown> } }).axe;
            const r = (await axe.run(document, { resultTypes: ['violations'] })) as {
              violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
            };
            return r.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
          });
          expect(violations, lang).toEqual([]);
          // The navigation, open contents included, keeps clear of the map's controls and stays on screen.
          const boxes = await page.evaluate(() => {
            const root = document.querySelector('geo-story')!.shadowRoot!;
            const box = (e: Element) => {
              const r = e.getBoundingClientRect();
              return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            };
            return {
              nav: [root.querySelector('[part="nav"]')!, root.querySelector('[part="contents"]')!].map(box),
              controls: [...root.querySelectorAll('.maplibregl-ctrl-top-right .maplibregl-ctrl')].map(box),
            };
          });
          for (const n of boxes.nav) {
            expect(n.left).toBeGreaterThanOrEqual(0);
            expect(n.right).toBeLessThanOrEqual(size.width);
            expect(n.bottom).toBeLessThanOrEqual(size.height);
            for (const c of boxes.controls) {
              const apart = n.right <= c.left || c.right <= n.left || n.bottom <= c.top || c.bottom <= n.top;
              expect(apart, JSON.stringify({ n, c })).toBe(true);
            }
          }
          await page.keyboard.press('Escape');
        }
        expect(errors).toEqual([]);
      }));
});
