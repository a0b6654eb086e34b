/**
 * geo-story: importing this module defines the `<geo-story>` element.
 * The map module (MapLibre) is loaded on demand by the element, so text renders first.
 */
export { GeoStory, type ChapterSummary } from './elements/geo-story.js';
export type { GeoStoryChapterChangeDetail, GeoStoryChapterChangeEvent } from './events/geo-story-chapter-change.js';
export type { GeoStoryErrorDetail, GeoStoryErrorEvent } from './events/geo-story-error.js';
export type { GeoStoryReadyDetail, GeoStoryReadyEvent } from './events/geo-story-ready.js';
export type { Chapter, Issue, Lang, Localized, Story, StoryLayer } from './story/types.js';
