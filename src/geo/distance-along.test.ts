import { length, lineSlice } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../story/types';
import { distanceAlong } from './distance-along';
import { runFixtures } from './fixtures/run-fixtures';
import { centreline, corner, DEGREE, twoParts } from './fixtures/shapes';

describe('distanceAlong', () => {
  runFixtures('distance-along', (input) => {
    const fc = input as FeatureCollection<LineString | MultiLineString | Point>;
    const line = fc.features.find((f) => f.geometry.type !== 'Point')?.geometry as LineString | MultiLineString;
    const byRole = (role: string) =>
      fc.features.find((f) => f.geometry.type === 'Point' && f.properties?.role === role)?.geometry as Point;
    const a = byRole('a').coordinates as LngLat;
    const b = byRole('b').coordinates as LngLat;
    return { type: 'Feature', properties: { a, b, ...distanceAlong(line, a, b) }, geometry: null };
  });

  it('measures along the bend of the corner, not across it', () => {
    // (0.5, 0.2) projects to (0.5, 0); (1, 0.5) lies on the meridian leg.
    const got = distanceAlong(corner, [0.5, 0.2], [1, 0.5]);
    expect(got.fromChainageMeters).toBeCloseTo(0.5 * DEGREE, 6);
    expect(got.toChainageMeters).toBeCloseTo(1.5 * DEGREE, 6);
    expect(got.alongMeters).toBeCloseTo(DEGREE, 6);
  });

  it('gives the same distance whichever point comes first, and swaps the chainages', () => {
    const a: LngLat = [114.2185, 22.547];
    const b: LngLat = [114.21, 22.575];
    const ab = distanceAlong(centreline, a, b);
    const ba = distanceAlong(centreline, b, a);
    expect(ba.alongMeters).toBe(ab.alongMeters);
    expect(ba.fromChainageMeters).toBe(ab.toChainageMeters);
    expect(ba.toChainageMeters).toBe(ab.fromChainageMeters);
    expect(ab.alongMeters).toBeGreaterThan(0);
  });

  it('agrees with the length of a Turf lineSlice between the same points', () => {
    const a: LngLat = [114.2185, 22.547];
    const b: LngLat = [114.205, 22.57];
    const slice = lineSlice(a, b, centreline);
    expect(distanceAlong(centreline, a, b).alongMeters).toBeCloseTo(length(slice, { units: 'meters' }), 6);
  });

  it('runs the whole line for points beyond both ends', () => {
    const got = distanceAlong(corner, [-1, 0], [1, 3]);
    expect(got.fromChainageMeters).toBe(0);
    expect(got.alongMeters).toBeCloseTo(2 * DEGREE, 6);
  });

  it('is 0 when both points project to the same place', () => {
    expect(distanceAlong(corner, [0.5, 0.1], [0.5, -0.2]).alongMeters).toBeCloseTo(0, 6);
    expect(distanceAlong(corner, [-2, 0], [-1, 0.5]).alongMeters).toBe(0);
  });

  it('skips the gap between the parts of a MultiLineString', () => {
    expect(distanceAlong(twoParts, [0.5, 0.1], [2.5, 0.1]).alongMeters).toBeCloseTo(DEGREE, 6);
  });
});
