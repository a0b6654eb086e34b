/** Every geo-story event's type, each declared once in its own file and added to GlobalEventHandlersEventMap there. */
export type { GeoStoryChapterChangeDetail, GeoStoryChapterChangeEvent } from './geo-story-chapter-change.js';
export type { GeoStoryErrorDetail, GeoStoryErrorEvent } from './geo-story-error.js';
export type { GeoStoryLayerToggleDetail, GeoStoryLayerToggleEvent } from './geo-story-layer-toggle.js';
export type { GeoStoryLayersChangeDetail, GeoStoryLayersChangeEvent } from './geo-story-layers-change.js';
export type { GeoStoryMeasureDetail, GeoStoryMeasureEvent } from './geo-story-measure.js';
export type { GeoStoryReadyDetail, GeoStoryReadyEvent } from './geo-story-ready.js';
