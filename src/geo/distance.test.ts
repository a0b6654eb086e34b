import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../story/types';
import { straightDistance } from './distance';
import { runFixtures } from './fixtures/run-fixtures';
import { path, R, RAD } from './fixtures/shapes';

describe('straightDistance', () => {
  runFixtures('distance', (input) => {
    const points = (input as FeatureCollection<Point>).features.map((f) => f.geometry.coordinates as LngLat);
    return {
      type: 'Feature',
      properties: { straightMeters: straightDistance(points) },
      geometry: { type: 'LineString', coordinates: points },
    };
  });

  it('measures one degree of meridian as R·π/180, about 111.195 km', () => {
    expect(straightDistance(path([0, 0], [0, 1]))).toBeCloseTo(R * RAD, 6);
    expect(straightDistance(path([0, 0], [0, 1]))).toBeCloseTo(111_195.08, 2);
  });

  it('measures one degree of equator the same as one of meridian, on the sphere', () => {
    expect(straightDistance(path([0, 0], [1, 0]))).toBeCloseTo(R * RAD, 6);
  });

  it('follows the great circle between two points on 60°N, shorter than the parallel', () => {
    // Central angle between (0°, φ) and (1°, φ): 2·asin(cos φ · sin 0.5°).
    const expected = 2 * R * Math.asin(Math.cos(60 * RAD) * Math.sin(0.5 * RAD));
    const got = straightDistance(path([0, 60], [1, 60]));
    expect(got).toBeCloseTo(expected, 6);
    expect(got).toBeLessThan(R * RAD * Math.cos(60 * RAD));
  });

  it('adds the segments of a path and does not go back to the start', () => {
    expect(straightDistance(path([0, 0], [1, 0], [1, 1]))).toBeCloseTo(2 * R * RAD, 6);
  });

  it('is the same in both directions', () => {
    const points = path([114.21464, 22.58228], [114.2065, 22.5665], [114.18991, 22.54103]);
    expect(straightDistance([...points].reverse())).toBeCloseTo(straightDistance(points), 9);
  });

  it('is 0 for no point, one point, or the same point twice', () => {
    expect(straightDistance([])).toBe(0);
    expect(straightDistance([[114.2, 22.5]])).toBe(0);
    expect(straightDistance(path([114.2, 22.5], [114.2, 22.5]))).toBe(0);
  });
});
