import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang, LayerStyle, StoryLayer } from '../story/types.js';
import { labelFont, labelText } from './labels.js';

// Only MapLibre's types: the layers are plain objects, built and tested without a map.

const POLYGON: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const LINE: ExpressionSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const POINT: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];
/** What the line highlight draws: polygon outlines as well as lines. */
const OUTLINED: ExpressionSpecification = ['any', POLYGON, LINE];

/** Source id of a story layer. */
export function storySourceId(layerId: string): string {
  return `story:${layerId}`;
}

/** The feature property the viewer copies each feature's top-level id into (MapLibre keeps only numeric ids). */
export const FEATURE_ID_PROPERTY = '__geo_story_id';

/**
 * A layer's data as its source gets it: each feature's top-level id copied into
 * `FEATURE_ID_PROPERTY`, since MapLibre drops string ids and highlights filter on them.
 * @example withIdProperty(corridorLayer).features[0].properties.__geo_story_id; // 'centreline'
 */
export function withIdProperty(collection: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) =>
      f.id === undefined ? f : { ...f, properties: { ...(f.properties ?? {}), [FEATURE_ID_PROPERTY]: String(f.id) } },
    ),
  };
}

/** The filter of a highlight layer: features of `geometry` whose copied id is one of `ids` (none when empty). */
export function highlightFilter(
  geometry: ExpressionSpecification,
  ids: readonly (string | number)[],
): FilterSpecification {
  return ['all', geometry, ['in', ['to-string', ['get', FEATURE_ID_PROPERTY]], ['literal', ids.map(String)]]];
}

/** A dash pattern that draws a solid line: dashes with no gaps. */
export const SOLID_DASH = [1, 0];

/**
 * The `line-dasharray` of a story layer: its dash for every feature, or, with `dashWhere`, a
 * data-driven expression giving the dash to the features whose property has that value and a
 * solid line to the others (a feature without the property is solid). `width` is the width of the
 * line it is for: the dash is in line widths, so a wider line gets it rescaled to the same
 * lengths in pixels as the layer's own line, and the two patterns line up.
 * @example lineDash({ ...style, dash: [2, 1], dashWhere: { property: 'mode', value: 'sea' } });
 * // ['case', ['==', ['get', 'mode'], 'sea'], ['literal', [2, 1]], ['literal', [1, 0]]]
 */
export function lineDash(style: LayerStyle, width = style.lineWidth): number[] | ExpressionSpecification | undefined {
  const { dashWhere } = style;
  if (!style.dash) return undefined;
  const dash =
    width === style.lineWidth || style.lineWidth === 0
      ? style.dash
      : style.dash.map((d) => (d * style.lineWidth) / width);
  if (!dashWhere) return dash;
  return ['case', ['==', ['get', dashWhere.property], dashWhere.value], ['literal', dash], ['literal', SOLID_DASH]];
}

/** The MapLibre layers drawing one story layer, split by role so visibility and highlight can address them. */
export interface StoryLayerSpecs {
  /** Every MapLibre layer of this story layer, bottom to top. */
  all: LayerSpecification[];
  /** Highlight layers with their geometry filter, for `highlightFilter`. */
  highlight: { id: string; geometry: ExpressionSpecification }[];
  /** Layers whose `text-field` follows the language. */
  labels: string[];
}

/**
 * MapLibre layers for a story layer: polygons as fill + outline, lines as lines, points as
 * circles (and labels when asked), each with a highlight twin drawn above it. All start hidden:
 * the chapter diff decides what shows.
 * @example storyLayerSpecs(story.layers[0], 'zh-Hant').all.forEach((l) => map.addLayer(l))
 */
export function storyLayerSpecs(layer: StoryLayer, lang: Lang): StoryLayerSpecs {
  const source = storySourceId(layer.id);
  const { color, fillOpacity, lineWidth, circleRadius, label } = layer.style;
  const hidden = 'none' as const;
  const id = (part: string) => `${layer.id}::${part}`;
  const dash = lineDash(layer.style);
  const linePaint = { 'line-color': color, 'line-width': lineWidth, ...(dash && { 'line-dasharray': dash }) };
  // A highlighted line keeps its dash, at the same lengths: a dashed route stays dashed when emphasised.
  const highlightWidth = lineWidth * 2 + 1;
  const highlightDash = lineDash(layer.style, highlightWidth);
  // Round caps would add half a line width to each end of every dash and close the gaps; with a
  // dash the ends are square, as the legend swatch draws them. (line-cap is one per layer.)
  const cap = dash ? ('butt' as const) : ('round' as const);
  const all: LayerSpecification[] = [
    {
      id: id('fill'),
      type: 'fill',
      source,
      filter: POLYGON,
      layout: { visibility: hidden },
      paint: { 'fill-color': color, 'fill-opacity': fillOpacity },
    },
    {
      id: id('outline'),
      type: 'line',
      source,
      filter: POLYGON,
      layout: { visibility: hidden, 'line-join': 'round' },
      paint: linePaint,
    },
    {
      id: id('line'),
      type: 'line',
      source,
      filter: LINE,
      layout: { visibility: hidden, 'line-join': 'round', 'line-cap': cap },
      paint: linePaint,
    },
    {
      id: id('circle'),
      type: 'circle',
      source,
      filter: POINT,
      layout: { visibility: hidden },
      paint: {
        'circle-color': color,
        'circle-radius': circleRadius,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: id('hl-fill'),
      type: 'fill',
      source,
      filter: highlightFilter(POLYGON, []),
      layout: { visibility: hidden },
      paint: { 'fill-color': color, 'fill-opacity': Math.min(1, fillOpacity + 0.15) },
    },
    {
      id: id('hl-line'),
      type: 'line',
      source,
      filter: highlightFilter(OUTLINED, []),
      layout: { visibility: hidden, 'line-join': 'round', 'line-cap': cap },
      paint: {
        'line-color': color,
        'line-width': highlightWidth,
        'line-gap-width': 0,
        ...(highlightDash && { 'line-dasharray': highlightDash }),
      },
    },
    {
      id: id('hl-circle'),
      type: 'circle',
      source,
      filter: highlightFilter(POINT, []),
      layout: { visibility: hidden },
      paint: {
        'circle-color': color,
        'circle-radius': circleRadius * 1.6,
        'circle-stroke-color': '#1b1b1b',
        'circle-stroke-width': 2,
      },
    },
  ];
  const labels: string[] = [];
  if (label) {
    labels.push(id('label'));
    all.push({
      id: id('label'),
      type: 'symbol',
      source,
      filter: ['any', POINT, POLYGON],
      layout: {
        visibility: hidden,
        'text-field': labelText(lang),
        'text-font': labelFont(lang),
        'text-size': 13,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: { 'text-color': '#1d2327', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    });
  }
  // A layer drawn from vector tiles names the source layer it draws (the archive may hold several).
  const sourceLayer = layer.sourceLayer;
  return {
    all: sourceLayer ? all.map((l) => ({ ...l, 'source-layer': sourceLayer }) as LayerSpecification) : all,
    highlight: [
      { id: id('hl-fill'), geometry: POLYGON },
      { id: id('hl-line'), geometry: OUTLINED },
      { id: id('hl-circle'), geometry: POINT },
    ],
    labels,
  };
}
