import { length, lineSlice } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runFixtures } from './fixtures/run-fixtures';
import { centreline, corner, DEGREE, twoParts } from './fixtures/shapes';
import { lineLength } from './line-length';
import { sliceByChainage } from './slice';

describe('sliceByChainage', () => {
  runFixtures('slice', (input) => {
    const fc = input as FeatureCollection<LineString | MultiLineString>;
    const line = fc.features[0]!;
    const slices = (line.properties?.slices ?? []) as [number, number][];
    return {
      type: 'FeatureCollection',
      features: slices.map(([from, to]) => ({
        type: 'Feature',
        properties: { from, to },
        geometry: sliceByChainage(line, from, to),
      })),
    };
  });

  it('cuts across a vertex and keeps it', () => {
    const got = sliceByChainage(corner, 0.5 * DEGREE, 1.5 * DEGREE);
    expect(got.coordinates).toHaveLength(1);
    const [a, b, c] = got.coordinates[0]!;
    expect(a![0]).toBeCloseTo(0.5, 9);
    expect(b).toEqual([1, 0]);
    expect(c![1]).toBeCloseTo(0.5, 9);
  });

  it('is as long as the chainages are apart, and as long as a Turf lineSlice', () => {
    const got = sliceByChainage(centreline, 700, 4200);
    expect(lineLength(got)).toBeCloseTo(3500, 3);
    const [start, end] = [got.coordinates[0]![0]!, got.coordinates[0]!.at(-1)!];
    expect(lineLength(got)).toBeCloseTo(length(lineSlice(start, end, centreline), { units: 'meters' }), 3);
  });

  it('runs in the line’s direction whatever the order of the chainages', () => {
    expect(sliceByChainage(centreline, 4200, 700)).toEqual(sliceByChainage(centreline, 700, 4200));
  });

  it('covers the whole line from 0 to its length, and clamps beyond', () => {
    const whole = sliceByChainage(centreline, -50, 1e9);
    expect(whole.coordinates[0]).toEqual(centreline.coordinates);
  });

  it('does not bridge the gap between the parts of a MultiLineString', () => {
    const got = sliceByChainage(twoParts, 0.5 * DEGREE, 1.5 * DEGREE);
    expect(got.coordinates).toHaveLength(2);
    expect(lineLength(got)).toBeCloseTo(DEGREE, 3);
    expect(got.coordinates[1]![0]).toEqual([2, 0]);
  });

  it('gives a point-like part when both chainages are equal', () => {
    const got = sliceByChainage(corner, DEGREE, DEGREE);
    expect(got.coordinates).toHaveLength(1);
    expect(got.coordinates[0]).toHaveLength(2);
    for (const [lon, lat] of got.coordinates[0]!) {
      expect(lon).toBeCloseTo(1, 12);
      expect(lat).toBeCloseTo(0, 12);
    }
  });

  it('rejects NaN and empty lines', () => {
    expect(() => sliceByChainage(corner, Number.NaN, 1)).toThrow(RangeError);
    expect(() => sliceByChainage({ type: 'LineString', coordinates: [] }, 0, 1)).toThrow(RangeError);
  });
});
