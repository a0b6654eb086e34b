import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { waitReady, waitSettled } from './support/browser.js';
import { expectStoryAt } from './support/expect-story.js';
import { useBrowser } from './support/use-browser.js';

const base = inject('baseUrl');

/** Installed before any page script: every unhandled promise rejection becomes a console error the test sees. */
const REPORT_REJECTIONS = () => {
  window.addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${String(e.reason)}`));
};

/**
 * Counts the map's camera moves as they start and end: a move that starts while another is still
 * running is an overlap. Every move MapLibre makes fires movestart and, when it ends or is
 * stopped, moveend.
 */
async function watchMoves(page: Page): Promise<void> {
  await page.evaluate(() => {
    const map = document.querySelector('geo-story')!.map!;
    const w = window as unknown as { moves: { running: number; started: number; overlaps: number } };
    const moves = (w.moves = { running: 0, started: 0, overlaps: 0 });
    map.on('movestart', () => {
      moves.started++;
      if (++moves.running > 1) moves.overlaps++;
    });
    map.on('moveend', () => moves.running--);
  });
}

describe('under load', () => {
  const withPage = useBrowser();

  it('crossing every chapter within a second, back and forth ten times, ends in the last chapter with no overlapping moves', async () => {
    const url = `${base}index.html?lang=en&story=${encodeURIComponent('/tests/fixtures/stories/three-chapters.md')}`;
    const options = { width: 900, height: 700, reducedMotion: 'no-preference', init: REPORT_REJECTIONS } as const;
    await withPage(url, options, async ({ page, errors }) => {
      await waitReady(page);
      await waitSettled(page);
      await watchMoves(page);
      const count = await page.evaluate(() => document.querySelector('geo-story')!.chapters.length);
      // Ten times through every chapter and back, each way within one second, then once more forward.
      const path = [...Array(count).keys()];
      const steps = [...Array(10)].flatMap(() => [...path, ...[...path].reverse()]).concat(path);
      await page.evaluate(
        async ([steps, count]) => {
          const el = document.querySelector('geo-story')!;
          const start = performance.now();
          for (const [i, index] of steps.entries()) {
            el.goTo(index);
            // Paced by the clock: every chapter crossed within one second, each way.
            const due = start + ((i + 1) * 1000) / count;
            await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
          }
        },
        [steps, count] as const,
      );
      await page.waitForFunction((last) => document.querySelector('geo-story')!.chapterIndex === last, count - 1);
      const after = await waitSettled(page);
      const moves = await page.evaluate(() => (window as unknown as { moves: object }).moves);
      expect(moves).toMatchObject({ running: 0, overlaps: 0 });
      // The storm did move the camera, many times.
      expect((moves as { started: number }).started).toBeGreaterThan(steps.length / 2);
      expect(after.chapterIndex).toBe(count - 1);
      // The same place as reached by going there calmly.
      await page.evaluate(() => document.querySelector('geo-story')!.goTo(0));
      await page.waitForFunction(() => document.querySelector('geo-story')!.chapterIndex === 0);
      await waitSettled(page);
      await page.evaluate((last) => document.querySelector('geo-story')!.goTo(last), count - 1);
      await page.waitForFunction((last) => document.querySelector('geo-story')!.chapterIndex === last, count - 1);
      const calm = await waitSettled(page);
      expectStoryAt(after, calm);
      expect(errors).toEqual([]);
    });
  });
});
