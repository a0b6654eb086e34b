import { expect } from 'vitest';
import type { StoryState } from './browser.js';

/** Where a story should stand: chapter, camera and visible story layers (sorted). */
export type StoryTarget = Pick<StoryState, 'chapterId' | 'center' | 'zoom' | 'visible'>;

/** Asserts that a story stands at `target`: same chapter and layers, centre to 4 decimals, zoom to 2. */
export function expectStoryAt(state: StoryState, target: StoryTarget): void {
  expect(state.chapterId).toBe(target.chapterId);
  expect(state.center[0]).toBeCloseTo(target.center[0], 4);
  expect(state.center[1]).toBeCloseTo(target.center[1], 4);
  expect(state.zoom).toBeCloseTo(target.zoom, 2);
  expect(state.visible).toEqual(target.visible);
}
