/**
 * geo-story: importing this module defines the `<geo-story>` and `<geo-story-layers>` elements.
 * The map module (MapLibre) is loaded on demand by the element, so text renders first.
 */
export { GeoStory } from './elements/geo-story.js';
export type { ChapterSummary, LayerSummary } from './elements/summaries.js';
export { GeoStoryLayers } from './elements/geo-story-layers.js';
export type { GeoStoryChapterChangeDetail, GeoStoryChapterChangeEvent } from './events/geo-story-chapter-change.js';
export type { GeoStoryErrorDetail, GeoStoryErrorEvent } from './events/geo-story-error.js';
export type { GeoStoryLayerToggleDetail, GeoStoryLayerToggleEvent } from './events/geo-story-layer-toggle.js';
export type { GeoStoryLayersChangeDetail, GeoStoryLayersChangeEvent } from './events/geo-story-layers-change.js';
export type { GeoStoryMeasureDetail, GeoStoryMeasureEvent } from './events/geo-story-measure.js';
export type { GeoStoryReadyDetail, GeoStoryReadyEvent } from './events/geo-story-ready.js';
export type { Chapter, ChapterMeasure, Issue, Lang, LngLat, Localized, Story, StoryLayer } from './story/types.js';
