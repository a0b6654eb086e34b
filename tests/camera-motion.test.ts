import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { useBrowser } from './support/use-browser.js';

const url = `${inject('baseUrl')}index.html?story=${encodeURIComponent('/tests/fixtures/stories/framing.md')}`;

/**
 * Goes to a chapter and counts the map's `move` events until it is still: exactly one for a jump,
 * more for a flight (how many depends on the frame rate, which a loaded machine lowers).
 */
async function movesTo(page: Page, id: string): Promise<number> {
  await page.evaluate((chapter) => {
    const el = document.querySelector('geo-story')!;
    const w = window as unknown as { moves: number; counting?: boolean };
    w.moves = 0;
    if (!w.counting) el.map!.on('move', () => w.moves++);
    w.counting = true;
    el.goTo(chapter);
  }, id);
  await page.waitForFunction((chapter) => document.querySelector('geo-story')!.chapterId === chapter, id);
  await waitSettled(page);
  return page.evaluate(() => (window as unknown as { moves: number }).moves);
}

describe('camera motion', () => {
  const withPage = useBrowser();

  it('under reduced motion jumps, but flies a move the author marked essential', async () => {
    await withPage(url, { reducedMotion: 'reduce' }, async ({ page, errors }) => {
      await waitReady(page);
      expect(await movesTo(page, 'plain')).toBe(1);
      expect(await movesTo(page, 'essential')).toBeGreaterThan(1);
      expect(await movesTo(page, 'start')).toBe(1);
      const center = await page.evaluate(() => document.querySelector('geo-story')!.map!.getCenter().toArray());
      expect(center[0]).toBeCloseTo(114.2, 5);
      expect(errors).toEqual([]);
    });
  });

  it('without reduced motion flies every move', async () => {
    await withPage(url, { reducedMotion: 'no-preference' }, async ({ page, errors }) => {
      await waitReady(page);
      expect(await movesTo(page, 'plain')).toBeGreaterThan(1);
      expect(await movesTo(page, 'essential')).toBeGreaterThan(1);
      expect(errors).toEqual([]);
    });
  });
});
