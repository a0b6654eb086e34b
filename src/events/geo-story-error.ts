import type { Issue } from '../story/types.js';

/** Detail of `geo-story-error`. */
export interface GeoStoryErrorDetail {
  /** One line a person can act on: `file:line:column: error: field: message`, or a load failure. */
  message: string;
  /** The located issues behind the message, when there are any. */
  issues?: Issue[];
}

/** Fired when the story or one of its layers cannot be loaded or has errors; what still works keeps working. */
export type GeoStoryErrorEvent = CustomEvent<GeoStoryErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'geo-story-error': GeoStoryErrorEvent;
  }
}
