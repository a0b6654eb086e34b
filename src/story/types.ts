/**
 * The typed form of a story file. Nothing here touches the DOM or the map:
 * story/ turns Markdown + front matter into these plain objects, and the
 * element and map modules only read them; nothing flows back into a story.
 */

/**
 * Languages the viewer speaks, every interface string among them: Traditional Chinese, Simplified
 * Chinese, English. A story offers some of them (`Story.languages`).
 */
export const LANGS = ['zh-Hant', 'zh-Hans', 'en'] as const;

/** A language tag the viewer speaks. */
export type Lang = (typeof LANGS)[number];

/** The languages of a story that does not declare them. */
export const DEFAULT_LANGUAGES: readonly Lang[] = ['zh-Hant', 'en'];

/**
 * A story's text by language: each language the story offers (Simplified Chinese converted from
 * the Traditional where the author did not write it), any other missing.
 */
export type Localized = Partial<Record<Lang, string>>;

/** A longitude/latitude pair in WGS 84 (RFC 7946 axis order). */
export type LngLat = [number, number];

/** A feature property and the value that picks a feature out, e.g. `mode` = `'sea'`. */
export interface DashWhere {
  property: string;
  value: string | number | boolean;
}

/** How a story layer is drawn; the legend swatch is derived from the same fields. */
export interface LayerStyle {
  /** CSS colour used for fills, lines and circles. */
  color: string;
  /** Fill opacity for polygons, 0-1. */
  fillOpacity: number;
  /** Line width in CSS pixels for lines and polygon outlines. */
  lineWidth: number;
  /** Dash pattern for lines, in line widths (MapLibre `line-dasharray`). */
  dash?: number[];
  /** Dash only the features whose property has this value; the others are drawn solid. Needs `dash`. */
  dashWhere?: DashWhere;
  /** Legend label of the dashed features, when `dashWhere` picks them out. */
  dashLabel?: Localized;
  /** Circle radius in CSS pixels for points. */
  circleRadius: number;
  /** Label points (and polygon centres) with their name in the reader's language (`name_zh_hant`, `name_zh_hans`, `name_en`). */
  label: boolean;
}

/** One GeoJSON file drawn as a toggleable layer. */
export interface StoryLayer {
  /** Unique id within the story (kebab-case). */
  id: string;
  /** Path of the GeoJSON file or PMTiles archive, relative to the story file. */
  file: string;
  /** The layer of the PMTiles archive drawn (its `vector_layers` id); present exactly when `file` is an archive. */
  sourceLayer?: string;
  /** Title shown in the layer panel and legend. */
  title: Localized;
  /** Id of the group this layer is listed under in the panel. */
  group?: string;
  /** How it is drawn. */
  style: LayerStyle;
  /** Line number in the story file where this layer is declared. */
  line: number;
}

/** A named group of layers in the layer panel. */
export interface LayerGroup {
  /** Unique id within the story. */
  id: string;
  /** Group heading. */
  title: Localized;
}

/** Pixels kept clear on each side of the map. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where a field is written in the story file, and its name in issues (e.g. `chapters[2].camera.fit[1]`). */
export interface FieldAt {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Dotted path of the field, as issues name it. */
  field: string;
}

/** A camera given as an explicit view. */
export interface ViewCamera {
  kind: 'view';
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
  /** The move flies even when the reader prefers reduced motion. */
  essential: boolean;
}

/** A layer, or one feature of it, that a fit camera frames. */
export interface FitLayer {
  kind: 'layer';
  /** Layer id. */
  layer: string;
  /** Feature id within that layer (the text after the first slash); the whole layer when absent. */
  feature?: string;
  /** Where the reference is written. */
  at: FieldAt;
}

/** A box a fit camera frames: [west, south, east, north] in degrees. */
export interface FitBox {
  kind: 'bbox';
  bbox: [west: number, south: number, east: number, north: number];
}

/** The chapter's measured stretch, framed by a fit camera. */
export interface FitMeasure {
  kind: 'measure';
  /** The chapter's measurement. */
  measure: ChapterMeasure;
  /** Where `measure` is written as the fit. */
  at: FieldAt;
}

/** One of the things a fit camera frames. */
export type FitTarget = FitLayer | FitBox | FitMeasure;

/** A camera that fits the union of the bounds of its targets. */
export interface FitCamera {
  kind: 'fit';
  /** What to frame: layers, features, a box or the measured stretch; the camera frames all of them. */
  fit: FitTarget[];
  /** Padding in CSS pixels around the fitted bounds (the viewer adds the room the chapter card takes). */
  padding: Padding;
  /** Upper bound on the zoom the fit may choose. */
  maxZoom?: number;
  bearing: number;
  pitch: number;
  /** The move flies even when the reader prefers reduced motion. */
  essential: boolean;
}

/** Where a chapter puts the camera. */
export type CameraTarget = ViewCamera | FitCamera;

/** A cited source for a chapter. */
export interface SourceRef {
  /** What is cited (a publication, a dataset), in the story's words. */
  title: Localized;
  /** Where it can be read, when it is online. */
  url?: string;
}

/** A measurement a chapter shows: a stretch of a line, with its length along the line. */
export interface ChapterMeasure {
  /** Layer holding the line to measure along. */
  layer: string;
  /** Feature id of the line within that layer; the first LineString when absent. */
  feature?: string | number;
  /**
   * Start: km from the line's start, a [lon, lat] projected onto the line, or the id of a Point
   * feature in the same layer (compared as text), projected onto the line. The line's start when absent.
   */
  from?: number | LngLat | string;
  /** End: any of the forms `from` takes. The line's end when absent. */
  to?: number | LngLat | string;
}

/** One step of the story: text plus the map state it declares. */
export interface Chapter {
  /** Unique id within the story; used in URLs (#id) and `data-chapter-id`. */
  id: string;
  /** Chapter heading. */
  title: Localized;
  /** Where the camera goes. */
  camera: CameraTarget;
  /** Exactly the story layers visible in this chapter. */
  layers: string[];
  /** Feature ids to highlight, by layer id. */
  highlight: Record<string, (string | number)[]>;
  /**
   * Places the chapter's text names, labelled on the map in this chapter ahead of every other
   * label: point feature ids by layer id, and basemap label ids under `basemap`.
   */
  places: Record<string, (string | number)[]>;
  /** Markdown source of the chapter text; rendered (marked + DOMPurify) by the element. */
  body: Localized;
  /** Sources cited by this chapter. */
  sources: SourceRef[];
  /** A measurement to show, if any. */
  measure?: ChapterMeasure;
  /** Set when the chapter's Simplified Chinese text was converted from its Traditional, not written. */
  converted?: boolean;
  /** Line number of the chapter block in the story file. */
  line: number;
  /** Position of the chapter block in the file, from 0, counting dropped chapters: `chapters[index]` in issues. */
  index: number;
}

/** A parsed, validated story. */
export interface Story {
  /** Story id (kebab-case). */
  id: string;
  /** File name or URL the story was read from, as given to the parser. */
  file: string;
  title: Localized;
  subtitle?: Localized;
  /** The languages the story offers, in the order of the language switch. */
  languages: Lang[];
  /** Language shown when the host page does not choose one; one of `languages`. */
  defaultLang: Lang;
  /** Basemap: `offline` (embedded, the default) or a MapLibre style URL. */
  basemap: string;
  /** Layer groups, in panel order. */
  groups: LayerGroup[];
  layers: StoryLayer[];
  chapters: Chapter[];
}

/** A problem found in an input file, located precisely enough to fix it. */
export interface Issue {
  /** File the problem is in, as given to the parser or validator. */
  file: string;
  /** 1-based line number. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  /** Dotted path of the offending field, e.g. `chapters[2].camera.zoom`, or '' for the whole file. */
  field: string;
  /** What is wrong, in plain English. */
  message: string;
  /** Errors make the input unusable in part; warnings do not. */
  severity: 'error' | 'warning';
}

/** What parsing gives: the story when usable (possibly with some chapters dropped), and every issue. */
export interface ParseResult {
  story?: Story;
  issues: Issue[];
}

/** Orders issues top to bottom, by line then column, in place; issues at one place keep their order. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

/** Formats an issue as `file:line:column: severity: field: message` for terminals and error events. */
export function formatIssue(issue: Issue): string {
  const where = issue.column ? `${issue.file}:${issue.line}:${issue.column}` : `${issue.file}:${issue.line}`;
  const field = issue.field ? `${issue.field}: ` : '';
  return `${where}: ${issue.severity}: ${field}${issue.message}`;
}

/** The key of `Chapter.places` that names labels of the embedded basemap (`label_id`) rather than a story layer. */
export const BASEMAP_PLACES = 'basemap';
