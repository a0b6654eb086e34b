import type { LngLat } from '../story/types';
import { nearestOnLine } from './chainage';
import type { LineInput } from './line-length';

/**
 * A distance measured along a line between two projected points.
 *
 * @example
 * const { alongMeters, fromChainageMeters, toChainageMeters } = distanceAlong(line, a, b);
 */
export interface AlongMeasure {
  /** Metres along the line between the two projections; never negative. */
  alongMeters: number;
  /** Chainage of the first point's projection, in metres from the line's first vertex. */
  fromChainageMeters: number;
  /** Chainage of the second point's projection, in metres from the line's first vertex. */
  toChainageMeters: number;
}

/**
 * Distance along a line between the projections of `a` and `b` onto it, with both chainages.
 *
 * Computed as the difference of the two chainages rather than as the length of a Turf
 * `lineSlice`: the result then agrees exactly with the chainages shown beside it, works on a
 * MultiLineString (where the gaps between parts count nothing), needs no slice geometry, and
 * is zero, not a degenerate line, when both points project to the same place. Swapping `a`
 * and `b` swaps the chainages and leaves `alongMeters` unchanged.
 *
 * @throws {RangeError} when the line has no positions.
 * @example
 * const equator: LineString = { type: 'LineString', coordinates: [[0, 0], [2, 0]] };
 * distanceAlong(equator, [1.5, 0.3], [0.5, -0.1]);
 * // { alongMeters: 111195.08…, fromChainageMeters: 166792.62…, toChainageMeters: 55597.54… }
 */
export function distanceAlong(line: LineInput, a: LngLat, b: LngLat): AlongMeasure {
  const fromChainageMeters = nearestOnLine(line, a).chainageMeters;
  const toChainageMeters = nearestOnLine(line, b).chainageMeters;
  return { alongMeters: Math.abs(toChainageMeters - fromChainageMeters), fromChainageMeters, toChainageMeters };
}
