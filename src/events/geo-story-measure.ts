/**
 * Detail of `geo-story-measure`, and what `measure(points)` returns: a path's straight length,
 * and its length along a corridor line when both ends snap to one (within 12 px on the map).
 */
export interface GeoStoryMeasureDetail {
  /** Great-circle length of the path through every point, in metres. */
  straightMeters: number;
  /** Metres along the corridor between the projections of the first and last points, when both snap. */
  alongMeters?: number;
  /** Chainages of those projections, first point then last: metres from the corridor line's first vertex. */
  chainageMeters?: [from: number, to: number];
  /** Id of the story layer holding the corridor line snapped to. */
  layer?: string;
  /** Top-level id of that line feature, when it has one. */
  feature?: string | number;
}

/** Fired when the reader changes a measured path on the map, or the host page calls `measure(points)`. */
export type GeoStoryMeasureEvent = CustomEvent<GeoStoryMeasureDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'geo-story-measure': GeoStoryMeasureEvent;
  }
}
