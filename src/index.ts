/**
 * geo-story: importing this module defines the `<geo-story>` and `<geo-story-layers>` elements.
 * The map module (MapLibre) is loaded on demand by the element, so text renders first.
 */
export { GeoStory } from './elements/geo-story.js';
export type { ChapterSummary, LayerSummary } from './elements/summaries.js';
export { GeoStoryLayers } from './elements/geo-story-layers.js';
export { mapPool, type MapPool } from './elements/map-host-controller.js';
export { limits, type Limits } from './story/limits.js';
export type * from './events/index.js';
export type { Chapter, ChapterMeasure, Issue, Lang, LngLat, Localized, Story, StoryLayer } from './story/types.js';
