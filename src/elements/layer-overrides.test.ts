import { describe, expect, it } from 'vitest';
import type { Chapter } from '../story/types.js';
import { layerVisible, withToggle, type LayerOverrides } from './layer-overrides.js';

// Only `layers` matters here.
const chapter = { layers: ['corridor', 'protected-areas'] } as unknown as Chapter;
const none: LayerOverrides = new Map();

describe('layerVisible', () => {
  it("is the chapter's choice without a toggle, and the toggle with one", () => {
    expect(layerVisible(chapter, none, 'corridor')).toBe(true);
    expect(layerVisible(chapter, none, 'places')).toBe(false);
    expect(layerVisible(chapter, new Map([['corridor', false]]), 'corridor')).toBe(false);
    expect(layerVisible(chapter, new Map([['places', true]]), 'places')).toBe(true);
  });
});

describe('withToggle', () => {
  it('keeps a departure from the chapter, and forgets it when the layer is switched back', () => {
    const off = withToggle(chapter, none, 'corridor', false);
    expect([...off]).toEqual([['corridor', false]]);
    expect([...withToggle(chapter, off, 'corridor', true)]).toEqual([]);
    expect([...withToggle(chapter, none, 'places', true)]).toEqual([['places', true]]);
  });

  it('leaves the toggles it was given as they were', () => {
    const off = withToggle(chapter, none, 'corridor', false);
    withToggle(chapter, off, 'places', true);
    expect([...off]).toEqual([['corridor', false]]);
    expect(none.size).toBe(0);
  });
});
