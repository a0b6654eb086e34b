/** Detail of `geo-story-ready`. */
export interface GeoStoryReadyDetail {
  /** Story id. */
  storyId: string;
  /** Milliseconds from the element's connection to the map's first idle. */
  firstIdleMs: number;
}

/** Fired once per loaded story, when it is parsed and the map has reached its first idle. */
export type GeoStoryReadyEvent = CustomEvent<GeoStoryReadyDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'geo-story-ready': GeoStoryReadyEvent;
  }
}
