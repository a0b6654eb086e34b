import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { expectStoryAt } from './support/expect-story.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');
const demo = (hash = '') => `${base}index.html${hash}`;
const fixturePage = (name: string, hash = '') => `${base}tests/fixtures/pages/${name}.html${hash}`;

/** Installed before any page script: records every chapter-change event with the id of the element that fired it. */
const RECORD_EVENTS = () => {
  const events: { from: string; id: string }[] = [];
  (window as unknown as { __events: typeof events }).__events = events;
  document.addEventListener('geo-story-chapter-change', (e) => {
    events.push({ from: (e.composedPath()[0] as Element).id, id: e.detail.id });
  });
};

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { __events: { from: string; id: string }[] }).__events);
const hashOf = (page: Page) => page.evaluate(() => location.hash);
const historyLength = (page: Page) => page.evaluate(() => history.length);

/** The layers the current chapter declares, sorted as StoryState.visible is. */
function declaredLayers(page: Page, selector = 'geo-story'): Promise<string[]> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElementTagNameMap['geo-story'];
    return [...el.story!.chapters[el.chapterIndex]!.layers].sort();
  }, selector);
}

/**
 * Where the current chapter's text sits in the box that scrolls it (the window, or the element
 * itself with a fixed height): its top must be above the reading line (the middle) and the next
 * chapter's top below it, so the scroll position and the chapter agree.
 */
async function expectTextAtChapter(page: Page, selector = 'geo-story'): Promise<void> {
  const g = await page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElementTagNameMap['geo-story'];
    const layout = el.shadowRoot!.querySelector('.layout')!;
    const fixed = el.hasAttribute('height');
    const box = fixed ? layout.getBoundingClientRect() : { top: 0, height: innerHeight };
    const tops = [...el.shadowRoot!.querySelectorAll('[data-chapter-id]')].map((c) => c.getBoundingClientRect().top);
    return {
      line: box.top + box.height / 2,
      boxTop: box.top,
      top: tops[el.chapterIndex]!,
      next: tops[el.chapterIndex + 1] ?? Infinity,
      current: el.shadowRoot!.querySelector('[aria-current="step"]')?.getAttribute('data-chapter-id'),
      id: el.chapterId,
    };
  }, selector);
  expect(g.current).toBe(g.id);
  expect(g.top).toBeGreaterThanOrEqual(g.boxTop - 1);
  expect(g.top).toBeLessThanOrEqual(g.line + 1);
  expect(g.next).toBeGreaterThan(g.line - 1);
}

/** Turns the mouse wheel over the element at `selector` until it reaches chapter `index`. */
async function wheelTo(page: Page, index: number, selector = 'geo-story'): Promise<void> {
  const r = await page.evaluate((sel) => {
    const box = document.querySelector(sel)!.getBoundingClientRect();
    return { x: box.left + box.width * 0.25, y: (Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2 };
  }, selector);
  await page.mouse.move(r.x, r.y);
  for (let i = 0; i < 200; i++) {
    const current = await page.evaluate(
      (sel) => (document.querySelector(sel) as HTMLElementTagNameMap['geo-story']).chapterIndex,
      selector,
    );
    if (current === index) return;
    await page.mouse.wheel(0, current < index ? 100 : -100);
    await page.waitForTimeout(60);
  }
  throw new Error(`wheel did not bring ${selector} to chapter ${index}`);
}

const chapterOf = (page: Page, selector: string) =>
  page.evaluate((sel) => (document.querySelector(sel) as HTMLElementTagNameMap['geo-story']).chapterId, selector);

describe('<geo-story hash>: deep links to chapters', () => {
  const withPage = useBrowser();

  it('the demo page opened at #gba-cooperation/mirs-bay starts at that chapter, text and map, without a chapter-change event', async () => {
    // The same chapter reached with goTo() on a page without a hash: what the map should show.
    const reference = await withPage(demo(), async ({ page }) => {
      await waitReady(page);
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('mirs-bay'));
      return waitSettled(page);
    });
    expect(reference.chapterId).toBe('mirs-bay');

    await withPage(demo('#gba-cooperation/mirs-bay'), { init: RECORD_EVENTS }, async ({ page, errors }) => {
      await waitReady(page);
      const state = await waitSettled(page);
      expectStoryAt(state, reference);
      expect(state.visible).toEqual(await declaredLayers(page));
      await expectTextAtChapter(page);
      // Placed by the link, not moved by the reader: no event.
      expect(await events(page)).toEqual([]);
      expect(await hashOf(page)).toBe('#gba-cooperation/mirs-bay');
      // And it stays there once everything has loaded and laid out.
      await page.waitForTimeout(500);
      expect(await chapterOf(page, 'geo-story')).toBe('mirs-bay');
      expect(errors).toEqual([]);
    });
  });

  it('moving to another chapter replaces the hash without adding history entries', async () => {
    await withPage(demo('#gba-cooperation/mirs-bay'), { init: RECORD_EVENTS }, async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      const entries = await historyLength(page);

      await page.evaluate(() => document.querySelector('geo-story')!.goTo('port-shelter'));
      expect(await hashOf(page)).toBe('#gba-cooperation/port-shelter');
      const afterGoTo = await waitSettled(page);
      expect(afterGoTo.chapterId).toBe('port-shelter');
      await expectTextAtChapter(page);

      // The reader scrolls back a chapter with the wheel.
      const index = await page.evaluate(() => document.querySelector('geo-story')!.chapterIndex);
      await wheelTo(page, index - 1);
      expect(await hashOf(page)).toBe('#gba-cooperation/mirs-bay');
      expect(await historyLength(page)).toBe(entries);
      expect((await events(page)).map((e) => e.id)).toEqual(['port-shelter', 'mirs-bay']);
      expect(errors).toEqual([]);
    });
  });

  it("goes to the chapter a new hash names, only when it is this story's", async () => {
    await withPage(demo(), { init: RECORD_EVENTS }, async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      expect(await hashOf(page)).toBe('');

      await page.evaluate(() => (location.hash = '#gba-cooperation/corridor'));
      await page.waitForFunction(() => document.querySelector('geo-story')!.chapterId === 'corridor');
      const state = await waitSettled(page);
      expect(state.visible).toEqual(await declaredLayers(page));
      await expectTextAtChapter(page);
      expect(await events(page)).toEqual([{ from: 'story', id: 'corridor' }]);

      // Another story's hash, and a chapter this story does not have: nothing moves.
      for (const hash of ['#two-bays/dapeng', '#gba-cooperation/no-such-chapter']) {
        await page.evaluate((h) => (location.hash = h), hash);
        await page.waitForTimeout(400);
        expect(await chapterOf(page, 'geo-story')).toBe('corridor');
      }

      // The bare form works with one element following the hash, and is rewritten in full.
      await page.evaluate(() => (location.hash = '#carbon'));
      await page.waitForFunction(() => document.querySelector('geo-story')!.chapterId === 'carbon');
      expect(await hashOf(page)).toBe('#gba-cooperation/carbon');
      await waitSettled(page);
      await expectTextAtChapter(page);
      expect(errors).toEqual([]);
    });
  });

  it('an element without hash neither reads nor writes the hash', async () => {
    await withPage(
      fixturePage('two', '#three-chapters/mirs-bay'),
      { init: RECORD_EVENTS },
      async ({ page, errors }) => {
        await waitReady(page, '#left');
        await waitSettled(page, '#left');
        expect(await chapterOf(page, '#left')).toBe('corridor');
        const entries = await historyLength(page);

        await wheelTo(page, 1, '#left');
        await page.waitForTimeout(300);
        expect(await hashOf(page)).toBe('#three-chapters/mirs-bay');

        await page.evaluate(() => (location.hash = '#three-chapters/port-shelter'));
        await page.waitForTimeout(500);
        expect(await chapterOf(page, '#left')).toBe('mirs-bay');
        expect(await historyLength(page)).toBe(entries + 1); // the page's own assignment, nothing more
        expect((await events(page)).map((e) => [e.from, e.id])).toEqual([['left', 'mirs-bay']]);
        expect(errors).toEqual([]);
      },
    );
  });

  it('two elements with hash each follow only their own story id', async () => {
    await withPage(fixturePage('two-hash', '#two-bays/dapeng'), { init: RECORD_EVENTS }, async ({ page, errors }) => {
      await Promise.all([waitReady(page, '#left'), waitReady(page, '#right')]);
      await waitSettled(page, '#left');
      const right = await waitSettled(page, '#right');
      expect(right.chapterId).toBe('dapeng');
      expect(right.visible).toEqual(await declaredLayers(page, '#right'));
      await expectTextAtChapter(page, '#right');
      expect(await chapterOf(page, '#left')).toBe('corridor');
      expect(await events(page)).toEqual([]);

      await page.evaluate(() => (location.hash = '#three-chapters/port-shelter'));
      await page.waitForFunction(
        () => document.querySelector<HTMLElementTagNameMap['geo-story']>('#left')!.chapterId === 'port-shelter',
      );
      const left = await waitSettled(page, '#left');
      expect(left.visible).toEqual(await declaredLayers(page, '#left'));
      await expectTextAtChapter(page, '#left');
      expect(await chapterOf(page, '#right')).toBe('dapeng');

      // The reader scrolls the right one: the hash now names its chapter, and the left one stays.
      await wheelTo(page, 1, '#right');
      expect(await hashOf(page)).toBe('#two-bays/sai-kung');
      await page.waitForTimeout(300);
      expect(await chapterOf(page, '#left')).toBe('port-shelter');

      // A bare chapter id both stories could claim (mirs-bay is a chapter of three-chapters only, but
      // two elements follow the hash): neither takes it.
      await page.evaluate(() => (location.hash = '#mirs-bay'));
      await page.waitForTimeout(500);
      expect([await chapterOf(page, '#left'), await chapterOf(page, '#right')]).toEqual(['port-shelter', 'sai-kung']);
      expect((await events(page)).map((e) => [e.from, e.id])).toEqual([
        ['left', 'port-shelter'],
        ['right', 'sai-kung'],
      ]);
      expect(errors).toEqual([]);
    });
  });
});
