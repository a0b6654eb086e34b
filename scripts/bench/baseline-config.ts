import type { Lang, Padding, StoryLayer } from '../../src/story/types.js';

/** What the baseline page draws, handed to it as JSON in the page. */
export interface BaselineConfig {
  lang: Lang;
  /** URLs of the embedded basemap's three GeoJSON files. */
  basemap: { land: string; boundary: string; labels: string };
  /** The story's layers, each with the URL of its GeoJSON file. */
  layers: (StoryLayer & { url: string })[];
  /** Each chapter's view and visible layers. */
  chapters: { camera: BaselineCamera; layers: string[] }[];
}

/** A chapter's camera: a view, or bounds to fit (worked out from the layer's data by the bench). */
export type BaselineCamera =
  | { center: [number, number]; zoom: number; bearing?: number; pitch?: number }
  | { bounds: [number, number, number, number]; padding: Padding; maxZoom?: number; bearing?: number; pitch?: number };
