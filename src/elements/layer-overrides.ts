import type { Chapter } from '../story/types.js';

/** The reader's layer toggles in the current chapter, by layer id, on top of the chapter's own layers. */
export type LayerOverrides = ReadonlyMap<string, boolean>;

/**
 * Whether a layer is visible in `chapter`: the reader's toggle if there is one, else the chapter's choice.
 * @example layerVisible(chapter, overrides, 'mirs-bay')
 */
export function layerVisible(chapter: Chapter, overrides: LayerOverrides, id: string): boolean {
  return overrides.get(id) ?? chapter.layers.includes(id);
}

/**
 * The toggles after the reader switches layer `id` to `visible`; switching it back to the
 * chapter's choice forgets the toggle, so only real departures from the chapter are kept.
 * @example overrides = withToggle(chapter, overrides, 'places', true)
 */
export function withToggle(chapter: Chapter, overrides: LayerOverrides, id: string, visible: boolean): LayerOverrides {
  const next = new Map(overrides);
  if (chapter.layers.includes(id) === visible) next.delete(id);
  else next.set(id, visible);
  return next;
}
