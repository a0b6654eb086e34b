/**
 * Chainage: positions along a line.
 *
 * Chainage is the distance in metres from the line's first vertex, as stored, measured along
 * the line: the sum of great-circle segment lengths on Turf's sphere (R = 6,371,008.8 m), the
 * same measure as `lineLength`. Chainage 0 is the first vertex and `lineLength(line)` the last;
 * for the Wutongshan-Robin's Nest corridor, whose centreline is stored from Big Wutong summit
 * southwards, km 0 is the Shenzhen end. On the reversed line a point at chainage c sits at L - c.
 * In a MultiLineString the parts follow one another in stored order and the gaps between them
 * count nothing, so the first vertex of part 2 has the chainage of the last vertex of part 1.
 */

import { along, distance, lineString, nearestPointOnLine } from '@turf/turf';
import type { Position } from 'geojson';
import type { LngLat } from '../story/types';
import { lineLength, lineParts, type LineInput } from './line-length';

/**
 * Where a point meets a line: its nearest point on the line, that point's chainage, and the offset.
 *
 * @example
 * const { chainageMeters } = nearestOnLine(centreline, [114.1941, 22.54298]); // 4903.85… (Hung Fa Chai)
 */
export interface NearestOnLine {
  /** The nearest point on the line. */
  point: LngLat;
  /** Chainage of `point`: metres along the line from its first vertex. */
  chainageMeters: number;
  /** Great-circle distance in metres from the given point to `point`; unsigned. */
  offsetMeters: number;
}

/** First two axes of a position, as a typed pair; `+ 0` turns the -0 that projections can yield into 0. */
function toLngLat(position: Position): LngLat {
  return [position[0] + 0, position[1] + 0];
}

/**
 * Nearest point on a line to `p`, with its chainage (defined at the top of this file) and offset.
 *
 * The projection follows great circles (Turf `nearestPointOnLine`), so the offset is
 * perpendicular to the segment it lands on, except when `p` lies beyond an end of the line:
 * then the nearest point is that end (chainage 0 or the full length) and the offset is the
 * distance to it. A point equally near two parts of the line resolves to the earlier one.
 * A line with positions but no segment counts as its nearest vertex at chainage 0.
 *
 * @throws {RangeError} when the line has no positions at all.
 * @example
 * const equator: LineString = { type: 'LineString', coordinates: [[0, 0], [1, 0]] };
 * nearestOnLine(equator, [0.5, 0.2]);
 * // { point: [0.5, 0], chainageMeters: 55597.54…, offsetMeters: 22239.01… }
 */
export function nearestOnLine(line: LineInput, p: LngLat): NearestOnLine {
  const parts = lineParts(line);
  const positions = parts.flat();
  if (positions.length === 0) throw new RangeError('nearestOnLine: the line has no positions');
  if (parts.every((part) => part.length < 2)) {
    // No segment to project onto; Turf would answer with an infinite point.
    let best = { point: toLngLat(positions[0]), chainageMeters: 0, offsetMeters: Infinity };
    for (const position of positions) {
      const offsetMeters = distance(p, position, { units: 'meters' });
      if (offsetMeters < best.offsetMeters) best = { point: toLngLat(position), chainageMeters: 0, offsetMeters };
    }
    return best;
  }
  const nearest = nearestPointOnLine(line, p, { units: 'meters' });
  return {
    point: toLngLat(nearest.geometry.coordinates),
    // totalDistance runs over all parts of a MultiLineString, skipping the gaps: our chainage.
    chainageMeters: nearest.properties.totalDistance,
    offsetMeters: nearest.properties.pointDistance,
  };
}

/**
 * The point at a given chainage on a line (Turf `along` on the part it falls in).
 *
 * Chainages below 0 give the first vertex and beyond the line's length the last one. At the
 * chainage where one part of a MultiLineString ends and the next begins, the end of the
 * earlier part is returned.
 *
 * @throws {RangeError} when `meters` is NaN or the line has no positions.
 * @example
 * const meridian: LineString = { type: 'LineString', coordinates: [[0, 0], [0, 1]] };
 * pointAtChainage(meridian, 55597.54); // [0, 0.5] (to a few nanodegrees)
 * pointAtChainage(meridian, -10); // [0, 0]
 */
export function pointAtChainage(line: LineInput, meters: number): LngLat {
  if (Number.isNaN(meters)) throw new RangeError('pointAtChainage: chainage is NaN');
  const parts = lineParts(line).filter((part) => part.length > 0);
  if (parts.length === 0) throw new RangeError('pointAtChainage: the line has no positions');
  let remaining = Math.max(0, meters);
  for (const part of parts) {
    if (part.length === 1) {
      if (remaining === 0) return toLngLat(part[0]);
      continue;
    }
    const partLine = lineString(part);
    const partLength = lineLength(partLine);
    if (remaining <= partLength) return toLngLat(along(partLine, remaining, { units: 'meters' }).geometry.coordinates);
    remaining -= partLength;
  }
  const last = parts[parts.length - 1];
  return toLngLat(last[last.length - 1]);
}
