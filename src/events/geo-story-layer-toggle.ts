/** Detail of `geo-story-layer-toggle`: a story layer the reader (or the host page) switched on or off. */
export interface GeoStoryLayerToggleDetail {
  /** Layer id, as in the story's front matter. */
  id: string;
  /** Whether the layer is now visible. */
  visible: boolean;
}

/** Fired when a layer's visibility changes through the layer panel or `setLayerVisible`; not when a chapter changes it. */
export type GeoStoryLayerToggleEvent = CustomEvent<GeoStoryLayerToggleDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'geo-story-layer-toggle': GeoStoryLayerToggleEvent;
  }
}
