import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString } from 'geojson';
import type { GeoStoryMeasureDetail } from '../events/geo-story-measure.js';
import { measurePath, type Corridor, type SnapTest } from '../geo/measure.js';
import { lineParts } from '../geo/line-length.js';
import { sliceByChainage } from '../geo/slice.js';
import { pointAtChainage } from '../geo/chainage.js';
import type { LngLat } from '../story/types.js';

// Pure: no MapLibre and no DOM. The measure control passes the map's projection to `withinPixels`.

/** How near, in CSS pixels, a path end must be to a corridor line to snap to it. */
const SNAP_PIXELS = 12;

/**
 * A snap test on screen: an end snaps when its nearest point on the line is at most `pixels`
 * away once both are projected, so the reader's aim counts the same at every zoom.
 * @example measureOnLines(points, lines, withinPixels((p) => map.project(p)));
 */
export function withinPixels(project: (p: LngLat) => { x: number; y: number }, pixels = SNAP_PIXELS): SnapTest {
  return (p, _corridor, nearest) => {
    const a = project(p);
    const b = project(nearest.point);
    return Math.hypot(a.x - b.x, a.y - b.y) <= pixels;
  };
}

/** A corridor line of a story layer: a LineString / MultiLineString feature and the layer it is in. */
export interface LayerLine {
  /** Story layer id. */
  layer: string;
  /** The line feature, as stored in the layer's GeoJSON. */
  line: Feature<LineString | MultiLineString>;
}

/**
 * The lines of a layer that a measured path can snap to; features without positions are left out.
 * @example linesOf('corridor', corridorLayer).map((l) => l.line.id); // ['centreline']
 */
export function linesOf(layer: string, data: FeatureCollection<Geometry | null>): LayerLine[] {
  return data.features.flatMap((f) => {
    const g = f.geometry;
    if (g?.type !== 'LineString' && g?.type !== 'MultiLineString') return [];
    const line = f as Feature<LineString | MultiLineString>;
    return lineParts(line).some((part) => part.length > 0) ? [{ layer, line }] : [];
  });
}

/** A measured path with what the map draws for it. */
export interface PathOnLines {
  /** Figures for the readout, the event and `measure(points)`. */
  detail: GeoStoryMeasureDetail;
  /** The stretch of corridor between the two snapped ends, when both snap. */
  along?: MultiLineString;
  /** The two ends as projected onto the corridor, when both snap. */
  ends?: [LngLat, LngLat];
}

/**
 * Measures a path against the corridor lines on show: straight length always, along-line length,
 * chainages, and the line's layer and feature id when both ends snap to one line (see `measurePath`).
 * @example measureOnLines([[114.21464, 22.58228], [114.18991, 22.54103]], linesOf('corridor', data));
 */
export function measureOnLines(points: readonly LngLat[], lines: readonly LayerLine[], snap?: SnapTest): PathOnLines {
  // Index ids, so the winner can be traced back to its layer and its own id.
  const corridors: Corridor[] = lines.map((l, i) => ({ ...l.line, id: i }));
  const result = measurePath(points, corridors, snap);
  const detail: GeoStoryMeasureDetail = { straightMeters: result.straightMeters };
  if (
    result.alongMeters === undefined ||
    result.chainageMeters === undefined ||
    typeof result.corridorId !== 'number'
  ) {
    return { detail };
  }
  const { layer, line } = lines[result.corridorId]!;
  const [from, to] = result.chainageMeters;
  detail.alongMeters = result.alongMeters;
  detail.chainageMeters = [from, to];
  detail.layer = layer;
  if (line.id !== undefined) detail.feature = line.id;
  return {
    detail,
    along: sliceByChainage(line, from, to),
    ends: [pointAtChainage(line, from), pointAtChainage(line, to)],
  };
}
