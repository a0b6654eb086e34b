import type { FeatureCollection, Geometry } from 'geojson';
import type { LayerStyle, Localized } from '../story/types.js';

// Pure: no MapLibre and no DOM, so the legend element and the unit tests share it.

/** The kinds of geometry a layer draws, each with its own MapLibre layer (see `storyLayerSpecs`). */
export type GeometryKind = 'polygon' | 'line' | 'point';

/**
 * The kinds of geometry present in a layer's data, in drawing order (polygon, line, point).
 * @example geometryKinds(corridorLayer); // ['line', 'point']
 */
export function geometryKinds(data: FeatureCollection<Geometry | null>): GeometryKind[] {
  const found = new Set<GeometryKind>();
  const visit = (g: Geometry | null): void => {
    if (!g) return;
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') found.add('polygon');
    else if (g.type === 'LineString' || g.type === 'MultiLineString') found.add('line');
    else if (g.type === 'Point' || g.type === 'MultiPoint') found.add('point');
    else g.geometries.forEach(visit);
  };
  data.features.forEach((f) => visit(f.geometry));
  return (['polygon', 'line', 'point'] as const).filter((k) => found.has(k));
}

/** A legend swatch: what to draw in a small box, taken from the same style fields as the map's paint. */
export interface LegendSwatch {
  /** A filled square with an outline, for polygons (`fill-color`, `fill-opacity`, outline `line-*`). */
  fill?: { color: string; opacity: number; outlineWidth: number; dash?: string };
  /** A horizontal stroke, for lines (`line-color`, `line-width`, `line-dasharray`). */
  line?: { color: string; width: number; dash?: string };
  /** A dot with a white ring, for points (`circle-color`, `circle-radius`). */
  circle?: { color: string; radius: number };
}

/** Widest stroke and largest dot a 24 x 16 px swatch can show legibly. */
const MAX_STROKE = 5;
const MAX_RADIUS = 6;

/**
 * SVG `stroke-dasharray` for a MapLibre `line-dasharray` (in line widths) at a given width.
 * @example dashArray([3, 2], 1.5); // '4.5 3'
 */
export function dashArray(dash: readonly number[] | undefined, width: number): string | undefined {
  if (!dash || dash.length === 0 || dash.every((d) => d === 0)) return undefined;
  return dash.map((d) => +(d * width).toFixed(2)).join(' ');
}

/**
 * The swatch of a layer, from its style and the kinds of geometry it holds. Before the data is
 * known (`kinds` empty) a polygon swatch is shown, the fullest picture of the style. With
 * `dashWhere` this is the swatch of the features it does not pick out, which are drawn solid;
 * `dashedSwatch` is the other one.
 * @example legendSwatch(corridor.style, ['line', 'point']); // { line: {...}, circle: {...} }
 */
export function legendSwatch(style: LayerStyle, kinds: readonly GeometryKind[]): LegendSwatch {
  return swatchOf(style, kinds, style.dashWhere ? undefined : style.dash, true);
}

/**
 * The swatch of the features `dashWhere` picks out, dashed, with the legend label `dashLabel`
 * gives them; undefined when the layer has no `dashWhere` or draws no line and no polygon.
 * @example dashedSwatch(routes.style, ['line', 'point']); // { swatch: { line: {..., dash: '5 3.75'} }, label }
 */
export function dashedSwatch(
  style: LayerStyle,
  kinds: readonly GeometryKind[],
): { swatch: LegendSwatch; label: Localized } | undefined {
  if (!style.dashWhere || !style.dashLabel) return undefined;
  const swatch = swatchOf(style, kinds, style.dash, false);
  return swatch.fill || swatch.line ? { swatch, label: style.dashLabel } : undefined;
}

function swatchOf(
  style: LayerStyle,
  kinds: readonly GeometryKind[],
  dashes: readonly number[] | undefined,
  points: boolean,
): LegendSwatch {
  const shown = kinds.length ? kinds : (['polygon'] as const);
  const stroke = Math.min(Math.max(style.lineWidth, 1), MAX_STROKE);
  const dash = dashArray(dashes, stroke);
  const swatch: LegendSwatch = {};
  if (shown.includes('polygon'))
    swatch.fill = { color: style.color, opacity: style.fillOpacity, outlineWidth: stroke, ...(dash ? { dash } : {}) };
  if (shown.includes('line') && !swatch.fill)
    swatch.line = { color: style.color, width: stroke, ...(dash ? { dash } : {}) };
  if (points && shown.includes('point'))
    swatch.circle = { color: style.color, radius: Math.min(Math.max(style.circleRadius, 2), MAX_RADIUS) };
  return swatch;
}
