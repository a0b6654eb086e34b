/** Detail of `geo-story-layers-change`: the layer whose checkbox the reader switched in a layer panel. */
export interface GeoStoryLayersChangeDetail {
  /** Layer id, as in the story's front matter. */
  id: string;
  /** Whether the reader wants the layer shown. */
  visible: boolean;
}

/**
 * Fired by `<geo-story-layers>` when the reader switches a checkbox: a request to the story, which
 * applies it (and then fires `geo-story-layer-toggle`). Bubbles, but stays inside its shadow root.
 */
export type GeoStoryLayersChangeEvent = CustomEvent<GeoStoryLayersChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'geo-story-layers-change': GeoStoryLayersChangeEvent;
  }
}
