import { distance } from '@turf/turf';
import type { LngLat } from '../story/types';

/**
 * Geodesic length in metres of the path through `points`; 0 for fewer than 2 points.
 *
 * The sum of great-circle distances (Turf `distance`) between consecutive points on Turf's
 * sphere, R = 6,371,008.8 m; elevations are ignored.
 *
 * @example
 * straightDistance([[0, 0], [0, 1]]); // 111195.08… (one degree of meridian)
 * straightDistance([[114.21464, 22.58228]]); // 0
 */
export function straightDistance(points: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    total += distance(points[i - 1], points[i], { units: 'meters' });
  }
  return total;
}
