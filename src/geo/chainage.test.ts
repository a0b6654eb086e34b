import type { FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '../story/types';
import { nearestOnLine, pointAtChainage } from './chainage';
import { runFixtures } from './fixtures/run-fixtures';
import { centreline, corner, DEGREE, R, RAD, twoParts } from './fixtures/shapes';
import { lineLength } from './line-length';

/** Splits a fixture input into its first line and its points. */
function lineAndPoints(input: unknown) {
  const fc = input as FeatureCollection<LineString | MultiLineString | Point>;
  const line = fc.features.find((f) => f.geometry.type !== 'Point') as
    FeatureCollection<LineString | MultiLineString>['features'][number] | undefined;
  if (!line) throw new Error('fixture has no line');
  const points = fc.features.filter(
    (f): f is FeatureCollection<Point>['features'][number] => f.geometry.type === 'Point',
  );
  return { line, points };
}

describe('nearestOnLine', () => {
  runFixtures('chainage/nearest-on-line', (input) => {
    const { line, points } = lineAndPoints(input);
    return {
      type: 'FeatureCollection',
      features: points.map((probe) => {
        const from = probe.geometry.coordinates as LngLat;
        const { point, chainageMeters, offsetMeters } = nearestOnLine(line, from);
        return {
          type: 'Feature',
          id: probe.id,
          properties: { from, chainageMeters, offsetMeters },
          geometry: { type: 'Point', coordinates: point },
        };
      }),
    };
  });

  it('projects straight down onto the equator, with chainage and offset in whole arcs of degrees', () => {
    const got = nearestOnLine(corner, [0.5, 0.2]);
    expect(got.point[0]).toBeCloseTo(0.5, 12);
    expect(got.point[1]).toBeCloseTo(0, 12);
    expect(got.chainageMeters).toBeCloseTo(0.5 * DEGREE, 6);
    expect(got.offsetMeters).toBeCloseTo(0.2 * DEGREE, 6);
  });

  it('projects onto a meridian along the great circle perpendicular to it, not along the parallel', () => {
    // Foot of the perpendicular from (1° + Δλ, φ) to the meridian 1°E: tan φf = tan φ / cos Δλ;
    // the offset arc is asin(cos φ · sin Δλ). Both by spherical trigonometry, not by Turf.
    const dLon = 0.3 * RAD;
    const lat = 0.5 * RAD;
    const footLat = Math.atan(Math.tan(lat) / Math.cos(dLon)) / RAD;
    const got = nearestOnLine(corner, [1.3, 0.5]);
    expect(got.point[0]).toBeCloseTo(1, 12);
    expect(got.point[1]).toBeCloseTo(footLat, 12);
    expect(footLat).toBeGreaterThan(0.5);
    expect(got.chainageMeters).toBeCloseTo(DEGREE + footLat * DEGREE, 6);
    expect(got.offsetMeters).toBeCloseTo(R * Math.asin(Math.cos(lat) * Math.sin(dLon)), 6);
  });

  it('projects points beyond either end onto that end', () => {
    const before = nearestOnLine(corner, [-0.4, 0.1]);
    expect(before.point).toEqual([0, 0]);
    expect(before.chainageMeters).toBe(0);
    const beyond = nearestOnLine(corner, [1.1, 1.6]);
    expect(beyond.point).toEqual([1, 1]);
    expect(beyond.chainageMeters).toBeCloseTo(2 * DEGREE, 6);
  });

  it('gives a vertex its own position, zero offset and the length up to it', () => {
    const got = nearestOnLine(corner, [1, 0]);
    expect(got.point).toEqual([1, 0]);
    expect(got.offsetMeters).toBe(0);
    expect(got.chainageMeters).toBeCloseTo(DEGREE, 6);
  });

  it('measures chainage from the first vertex as stored: reversing the line gives length minus chainage', () => {
    const reversed: LineString = { type: 'LineString', coordinates: [...corner.coordinates].reverse() };
    const p: LngLat = [0.7, 0.25];
    const forward = nearestOnLine(corner, p);
    const backward = nearestOnLine(reversed, p);
    expect(backward.chainageMeters).toBeCloseTo(lineLength(corner) - forward.chainageMeters, 6);
    expect(backward.offsetMeters).toBeCloseTo(forward.offsetMeters, 6);
  });

  it('runs chainage across the parts of a MultiLineString without counting the gaps', () => {
    expect(nearestOnLine(twoParts, [2.5, 0.1]).chainageMeters).toBeCloseTo(1.5 * DEGREE, 6);
    expect(nearestOnLine(twoParts, [0.25, -0.1]).chainageMeters).toBeCloseTo(0.25 * DEGREE, 6);
  });

  it('treats a line with a single vertex as that vertex at chainage 0', () => {
    const got = nearestOnLine({ type: 'LineString', coordinates: [[0, 0]] }, [0, 1]);
    expect(got).toEqual({ point: [0, 0], chainageMeters: 0, offsetMeters: expect.closeTo(DEGREE, 6) });
  });

  it('throws on a line without positions', () => {
    expect(() => nearestOnLine({ type: 'LineString', coordinates: [] }, [0, 0])).toThrow(RangeError);
    expect(() => nearestOnLine({ type: 'MultiLineString', coordinates: [[]] }, [0, 0])).toThrow(RangeError);
  });
});

describe('pointAtChainage', () => {
  runFixtures('chainage/point-at-chainage', (input) => {
    const { line } = lineAndPoints(input);
    const chainages = (line.properties?.chainagesMeters ?? []) as number[];
    return {
      type: 'FeatureCollection',
      features: chainages.map((chainageMeters) => ({
        type: 'Feature',
        properties: { chainageMeters },
        geometry: { type: 'Point', coordinates: pointAtChainage(line, chainageMeters) },
      })),
    };
  });

  it('finds whole and half degrees along the equator and up the meridian', () => {
    const close = (got: LngLat, want: LngLat) => {
      expect(got[0]).toBeCloseTo(want[0], 9);
      expect(got[1]).toBeCloseTo(want[1], 9);
    };
    close(pointAtChainage(corner, 0), [0, 0]);
    close(pointAtChainage(corner, 0.5 * DEGREE), [0.5, 0]);
    close(pointAtChainage(corner, DEGREE), [1, 0]);
    close(pointAtChainage(corner, 1.5 * DEGREE), [1, 0.5]);
    close(pointAtChainage(corner, 2 * DEGREE), [1, 1]);
  });

  it('clamps chainages before the start and beyond the end to the end vertices', () => {
    expect(pointAtChainage(corner, -5)).toEqual([0, 0]);
    expect(pointAtChainage(corner, 10 * DEGREE)).toEqual([1, 1]);
    expect(pointAtChainage(corner, Number.POSITIVE_INFINITY)).toEqual([1, 1]);
  });

  it('undoes nearestOnLine: the point at a projection’s chainage is the projection', () => {
    for (const p of [
      [114.1855, 22.5465],
      [114.2185, 22.547],
      [114.2, 22.57],
    ] as LngLat[]) {
      const nearest = nearestOnLine(centreline, p);
      const back = pointAtChainage(centreline, nearest.chainageMeters);
      // Within a millimetre: a millionth of a degree is about 0.1 m here.
      expect(Math.abs(back[0] - nearest.point[0])).toBeLessThan(1e-8);
      expect(Math.abs(back[1] - nearest.point[1])).toBeLessThan(1e-8);
    }
  });

  it('walks the parts of a MultiLineString in order, skipping the gaps', () => {
    // At the chainage where part 1 ends, the end of part 1 wins over the start of part 2.
    expect(pointAtChainage(twoParts, DEGREE)).toEqual([1, 0]);
    const mid = pointAtChainage(twoParts, 1.5 * DEGREE);
    expect(mid[0]).toBeCloseTo(2.5, 9);
    expect(mid[1]).toBeCloseTo(0, 9);
  });

  it('rejects NaN and lines without positions', () => {
    expect(() => pointAtChainage(corner, Number.NaN)).toThrow(RangeError);
    expect(() => pointAtChainage({ type: 'LineString', coordinates: [] }, 0)).toThrow(RangeError);
  });
});
