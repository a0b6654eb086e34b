import type { Feature, LineString, MultiLineString } from 'geojson';
import type { LngLat } from '../story/types';
import { nearestOnLine, type NearestOnLine } from './chainage';
import { straightDistance } from './distance';
import { lineParts } from './line-length';

/**
 * A corridor line a measured path may snap to; its top-level `id` names it in the result.
 *
 * @example
 * const centreline: Corridor = { type: 'Feature', id: 'centreline', properties: {}, geometry: line };
 */
export type Corridor = Feature<LineString | MultiLineString>;

/**
 * Decides whether a path end point counts as on a corridor, given its projection `nearest` onto it.
 *
 * The projection is passed so that a screen-space test only has to compare two projected pixels.
 *
 * @example
 * const within12px: SnapTest = (p, _corridor, nearest) => {
 *   const a = map.project(p);
 *   const b = map.project(nearest.point);
 *   return Math.hypot(a.x - b.x, a.y - b.y) <= 12;
 * };
 */
export type SnapTest = (p: LngLat, corridor: Corridor, nearest: NearestOnLine) => boolean;

/**
 * What a measured path gives: the straight distance always, along-corridor figures when both ends snap.
 *
 * @example
 * const { straightMeters, alongMeters } = measurePath(points, corridors);
 */
export interface PathMeasure {
  /** Geodesic length of the path through all its points, in metres. */
  straightMeters: number;
  /** Metres along the corridor between the projections of the first and last points. */
  alongMeters?: number;
  /** Chainages of those projections, first point then last, in metres from the corridor's first vertex. */
  chainageMeters?: [from: number, to: number];
  /** Top-level `id` of the corridor snapped to, when it has one. */
  corridorId?: string | number;
}

/**
 * Snap distance in metres used when no test is given: about 12 CSS pixels at zoom 14 near latitude 22.5°.
 *
 * @example
 * measurePath(points, corridors, withinMeters(DEFAULT_SNAP_METERS)); // the same as leaving the test out
 */
export const DEFAULT_SNAP_METERS = 50;

/**
 * A snap test that accepts points within `maxMeters` of the corridor (great-circle offset).
 *
 * @example
 * measurePath(points, corridors, withinMeters(100));
 */
export function withinMeters(maxMeters: number): SnapTest {
  return (_p, _corridor, nearest) => nearest.offsetMeters <= maxMeters;
}

/**
 * Measures a path's straight length, and its length along a corridor when both ends snap to it.
 *
 * The straight length is great-circle, through every point. The along length is between the
 * projections of the first and last points onto the corridor, with their chainages. Intermediate
 * points count for the straight length only. When both ends snap to several corridors, the one with
 * the smallest sum of the two offsets wins (the earlier on a tie). Corridors without positions are
 * skipped. The snap test is passed in because the map decides in screen space (within 12 px);
 * without one, `withinMeters(DEFAULT_SNAP_METERS)` is used.
 *
 * @example
 * measurePath([[114.21464, 22.58228], [114.18991, 22.54103]], [centreline]);
 * // { straightMeters: 5242.8…, alongMeters: 5385.7…, chainageMeters: [0, 5385.7…], corridorId: 'centreline' }
 */
export function measurePath(
  points: readonly LngLat[],
  corridors: readonly Corridor[],
  snap: SnapTest = withinMeters(DEFAULT_SNAP_METERS),
): PathMeasure {
  const straightMeters = straightDistance(points);
  if (points.length < 2) return { straightMeters };
  const first = points[0];
  const last = points[points.length - 1];
  let best: { corridor: Corridor; from: NearestOnLine; to: NearestOnLine } | undefined;
  for (const corridor of corridors) {
    if (lineParts(corridor).every((part) => part.length === 0)) continue;
    const from = nearestOnLine(corridor, first);
    if (!snap(first, corridor, from)) continue;
    const to = nearestOnLine(corridor, last);
    if (!snap(last, corridor, to)) continue;
    if (!best || from.offsetMeters + to.offsetMeters < best.from.offsetMeters + best.to.offsetMeters) {
      best = { corridor, from, to };
    }
  }
  if (!best) return { straightMeters };
  const result: PathMeasure = {
    straightMeters,
    alongMeters: Math.abs(best.to.chainageMeters - best.from.chainageMeters),
    chainageMeters: [best.from.chainageMeters, best.to.chainageMeters],
  };
  if (best.corridor.id !== undefined) result.corridorId = best.corridor.id;
  return result;
}
