import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

/**
 * A bounding box as [west, south, east, north] in degrees (RFC 7946 section 5, two dimensions).
 *
 * @example
 * const corridorBox: Bounds = [114.18991, 22.54103, 114.21464, 22.58228];
 */
export type Bounds = [west: number, south: number, east: number, north: number];

/**
 * Bounds of a layer, or of its features with top-level `id` equal to `featureId`; undefined if none.
 *
 * Undefined too when the matching features have no coordinates (null geometries are allowed). Ids
 * are compared strictly (RFC 7946 section 3.2 allows strings and numbers), so `1` does not match
 * `"1"`. Several features sharing the id give the bounds of all of them. Stored `bbox` members are
 * ignored and the box is recomputed, since a stale one would misplace the camera. Boxes that cross
 * the antimeridian (RFC 7946 section 5.2) are not detected.
 *
 * @example
 * featureBounds(corridorLayer); // [114.18991, 22.54103, 114.21464, 22.58228]
 * featureBounds(corridorLayer, 'centreline'); // the bounds of that one feature
 * featureBounds(corridorLayer, 'missing'); // undefined
 */
export function featureBounds(
  data: FeatureCollection<Geometry | null>,
  featureId?: string | number,
): Bounds | undefined {
  const features = data.features.filter(
    (f): f is Feature<Geometry> => f.geometry !== null && (featureId === undefined || f.id === featureId),
  );
  // Turf's recomputed box is always two-dimensional, whatever the coordinates carry.
  const [west, south, east, north] = bbox({ type: 'FeatureCollection', features }, { recompute: true });
  // Turf leaves its Infinity seeds in place when it met no coordinate at all.
  if (![west, south, east, north].every(Number.isFinite)) return undefined;
  return [west, south, east, north];
}
