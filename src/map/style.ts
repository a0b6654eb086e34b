import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang, LayerStyle, StoryLayer } from '../story/types.js';

// Type-only imports above: this module stays free of MapLibre's runtime, so it is
// unit-testable in Node and costs nothing in the text-first bundle.

/** URLs of the embedded basemap's GeoJSON files. */
export interface BasemapData {
  land: string;
  boundary: string;
  labels: string;
}

/** Colours of the embedded basemap, also used by the legend and the page around the map. */
export const BASEMAP_COLORS = {
  sea: '#cfe2ee',
  land: '#f3f0e8',
  coast: '#a9bccb',
  boundary: '#7a4f8c',
  label: '#2f3a40',
  water: '#4b7390',
  halo: '#ffffff',
} as const;

/**
 * Local font stack for labels. The style has no `glyphs` URL, so MapLibre draws glyphs with the
 * browser's own fonts (maplibre-style-spec #1068); Noto Sans CJK TC gives Traditional forms
 * where it is installed, and `sans-serif` is the fallback everywhere else.
 */
export const LABEL_FONT = ['Noto Sans CJK TC', 'Noto Sans TC', 'sans-serif'];

/** The feature property holding a name in a language. */
export function nameProperty(lang: Lang): 'name_zh_hant' | 'name_en' {
  return lang === 'en' ? 'name_en' : 'name_zh_hant';
}

/** A label expression: the name in `lang`, else the other language's. */
export function labelText(lang: Lang): ExpressionSpecification {
  const other = lang === 'en' ? 'zh-Hant' : 'en';
  return ['coalesce', ['get', nameProperty(lang)], ['get', nameProperty(other)], ''];
}

const POLYGON: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const LINE: ExpressionSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false];
const POINT: ExpressionSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/** Source id of the embedded basemap's part. */
export const BASEMAP_SOURCE = { land: 'basemap-land', boundary: 'basemap-boundary', labels: 'basemap-labels' } as const;

/** Ids of the basemap layers whose text depends on the language. */
export const BASEMAP_LABEL_LAYERS = ['basemap-labels-water', 'basemap-labels-place'] as const;

/**
 * The embedded offline basemap: sea, land, the Hong Kong - Mainland boundary and place labels,
 * from three small GeoJSON files; no tiles, no glyph server, no network beyond our own origin.
 * @example new maplibregl.Map({ container, style: offlineStyle(urls, 'en') })
 */
export function offlineStyle(data: BasemapData, lang: Lang): StyleSpecification {
  return {
    version: 8,
    name: 'geo-story offline basemap',
    sources: {
      [BASEMAP_SOURCE.land]: { type: 'geojson', data: data.land, attribution: '' },
      [BASEMAP_SOURCE.boundary]: { type: 'geojson', data: data.boundary },
      [BASEMAP_SOURCE.labels]: { type: 'geojson', data: data.labels },
    },
    layers: [
      { id: 'basemap-sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
      {
        id: 'basemap-land',
        type: 'fill',
        source: BASEMAP_SOURCE.land,
        paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-antialias': true },
      },
      {
        id: 'basemap-coast',
        type: 'line',
        source: BASEMAP_SOURCE.land,
        paint: {
          'line-color': BASEMAP_COLORS.coast,
          'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.4, 13, 1.2],
        },
      },
      {
        id: 'basemap-boundary',
        type: 'line',
        source: BASEMAP_SOURCE.boundary,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': BASEMAP_COLORS.boundary,
          'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1, 13, 2.5],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'basemap-labels-water',
        type: 'symbol',
        source: BASEMAP_SOURCE.labels,
        filter: ['==', ['get', 'kind'], 'water'],
        layout: {
          'text-field': labelText(lang),
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 12, 14],
          'text-letter-spacing': 0.1,
          'text-max-width': 8,
        },
        paint: { 'text-color': BASEMAP_COLORS.water, 'text-halo-color': BASEMAP_COLORS.sea, 'text-halo-width': 1.2 },
      },
      {
        id: 'basemap-labels-place',
        type: 'symbol',
        source: BASEMAP_SOURCE.labels,
        filter: ['!=', ['get', 'kind'], 'water'],
        layout: {
          'text-field': labelText(lang),
          'text-font': LABEL_FONT,
          // Rank 1 labels (cities) are larger; lesser ranks yield to them on collision.
          'text-size': [
            'interpolate',
            ['linear'],
            ['zoom'],
            7,
            ['match', ['get', 'rank'], 1, 14, 11],
            12,
            ['match', ['get', 'rank'], 1, 18, 14],
          ],
          'symbol-sort-key': ['coalesce', ['get', 'rank'], 9],
          'text-max-width': 8,
        },
        paint: { 'text-color': BASEMAP_COLORS.label, 'text-halo-color': BASEMAP_COLORS.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}

/** Source id of a story layer. */
export function storySourceId(layerId: string): string {
  return `story:${layerId}`;
}

/** The feature property the viewer copies each feature's top-level id into (MapLibre keeps only numeric ids). */
export const FEATURE_ID_PROPERTY = '__geo_story_id';

/** A filter matching no feature, for highlight layers with nothing highlighted. */
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
      filter: highlightFilter(['any', POLYGON, LINE], []),
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
        'text-font': LABEL_FONT,
        'text-size': 13,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-max-width': 9,
        'text-optional': true,
      },
      paint: { 'text-color': '#1d2327', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    });
  }
  return {
    all,
    highlight: [
      { id: id('hl-fill'), geometry: POLYGON },
      { id: id('hl-line'), geometry: ['any', POLYGON, LINE] },
      { id: id('hl-circle'), geometry: POINT },
    ],
    labels,
  };
}
