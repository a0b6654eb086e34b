import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString } from 'geojson';
import type { ChapterMeasure, LngLat } from '../story/types';
import { nearestOnLine, pointAtChainage } from './chainage';
import { straightDistance } from './distance';
import { lineLength, lineParts } from './line-length';
import { sliceByChainage } from './slice';

/**
 * A chapter's declared measurement worked out on its layer's data.
 *
 * @example
 * const { alongMeters, fromChainageMeters, toChainageMeters } = resolveChapterMeasure(measure, corridorLayer)!;
 */
export interface ResolvedMeasure {
  /** Metres along the line between the two ends. */
  alongMeters: number;
  /** Great-circle metres between the two ends. */
  straightMeters: number;
  /** Chainage of the start, metres from the line's first vertex. */
  fromChainageMeters: number;
  /** Chainage of the end, metres from the line's first vertex. */
  toChainageMeters: number;
  /** The start, on the line. */
  from: LngLat;
  /** The end, on the line. */
  to: LngLat;
  /** The measured stretch of the line, for drawing. */
  slice: MultiLineString;
  /** Top-level id of the line measured along, when it has one. */
  feature?: string | number;
}

function isLine(f: Feature<Geometry | null>): f is Feature<LineString | MultiLineString> {
  return f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';
}

/**
 * Works out a chapter's `measure` on the GeoJSON of its layer; undefined when there is no such line.
 *
 * The line is the feature with top-level id `measure.feature` (compared strictly, as in
 * `featureBounds`), or the layer's first LineString / MultiLineString when no feature is named.
 * Each end is either a chainage in km (clamped to the line) or a [lon, lat] projected onto the
 * line; a missing `from` is the line's start (km 0) and a missing `to` its end. The ends keep
 * their declared order in the result, the measured stretch always runs in the line's direction.
 *
 * @example
 * resolveChapterMeasure({ layer: 'corridor', feature: 'centreline' }, corridorLayer);
 * // { alongMeters: 5385.7…, fromChainageMeters: 0, toChainageMeters: 5385.7…, … }
 */
export function resolveChapterMeasure(
  measure: ChapterMeasure,
  data: FeatureCollection<Geometry | null>,
): ResolvedMeasure | undefined {
  const line = data.features.find((f) => (measure.feature === undefined || f.id === measure.feature) && isLine(f));
  if (!line || !isLine(line) || lineParts(line).every((part) => part.length === 0)) return undefined;
  const total = lineLength(line);
  const chainageOf = (end: number | LngLat | undefined, fallback: number): number => {
    if (end === undefined) return fallback;
    if (typeof end === 'number') return Math.min(Math.max(end * 1000, 0), total);
    return nearestOnLine(line, end).chainageMeters;
  };
  const fromChainageMeters = chainageOf(measure.from, 0);
  const toChainageMeters = chainageOf(measure.to, total);
  const from = pointAtChainage(line, fromChainageMeters);
  const to = pointAtChainage(line, toChainageMeters);
  const result: ResolvedMeasure = {
    alongMeters: Math.abs(toChainageMeters - fromChainageMeters),
    straightMeters: straightDistance([from, to]),
    fromChainageMeters,
    toChainageMeters,
    from,
    to,
    slice: sliceByChainage(line, fromChainageMeters, toChainageMeters),
  };
  if (line.id !== undefined) result.feature = line.id;
  return result;
}
