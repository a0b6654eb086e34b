/** Detail of `geo-story-chapter-change`: the chapter the reader is now on. */
export interface GeoStoryChapterChangeDetail {
  /** Chapter id, as in the story file and `data-chapter-id`. */
  id: string;
  /** 0-based index in the story's chapters. */
  index: number;
}

/** Fired when the reader (scrolling, keys, `goTo`, the URL hash) moves to another chapter. */
export type GeoStoryChapterChangeEvent = CustomEvent<GeoStoryChapterChangeDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'geo-story-chapter-change': GeoStoryChapterChangeEvent;
  }
}
