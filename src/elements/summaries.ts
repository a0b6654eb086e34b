import type { GeometryKind } from '../map/legend.js';
import type { LayerStyle, Story } from '../story/types.js';

/** A chapter as the host page sees it: id and title in the current language. */
export interface ChapterSummary {
  id: string;
  title: string;
}

/** A story layer as the host page and the layer panel see it. */
export interface LayerSummary {
  /** Layer id, as in the story's front matter. */
  id: string;
  /** Title in the current language. */
  title: string;
  /** Whether it is visible now: the chapter's choice, or the reader's until the next chapter starts. */
  visible: boolean;
  /** Id of its group in the layer panel, if any. */
  group?: string;
  /** Kinds of geometry in its data, for the legend swatch; empty until the data is loaded. */
  geometry: GeometryKind[];
  /** Why it cannot be shown, in the current language, when its file could not be loaded or is invalid. */
  unavailable?: string;
}

/** A story layer as the layer panel and the chapter legends show it: its summary and the style its swatch is drawn from. */
export interface PanelLayer extends LayerSummary {
  /** The layer's paint, as in the story's front matter. */
  style: LayerStyle;
}

/** A group of layers in the layer panel. */
export interface LayerGroupSummary {
  /** Group id, as in the story's front matter. */
  id: string;
  /** Heading in the current language. */
  title: string;
}

/** What a `<geo-story-layers for=...>` reads and calls on the story it follows: the public API of `<geo-story>`. */
export interface LayerPanelTarget extends HTMLElement {
  /** The parsed story, once loaded. */
  readonly story: Story | undefined;
  /** The story's layers in the current language, with what is visible now. */
  readonly layers: LayerSummary[];
  /** Resolves when the element has rendered its latest state. */
  readonly updateComplete: Promise<boolean>;
  /** Shows or hides a story layer until the next chapter starts. */
  setLayerVisible(id: string, visible: boolean): boolean;
}
