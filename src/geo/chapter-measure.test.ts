import { length } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { resolveChapterMeasure } from './chapter-measure';
import { lineLength } from './line-length';

/** One degree of great circle on Turf's sphere (R = 6,371,008.8 m). */
const DEGREE = (6371008.8 * Math.PI) / 180;

/** The story's corridor layer: the centreline and the named points along it. */
const corridor = JSON.parse(
  readFileSync(new URL('../../geo/corridor.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Geometry>;
const centreline = corridor.features.find((f) => f.id === 'centreline')!;

const layer: FeatureCollection<Geometry | null> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'spot', properties: {}, geometry: { type: 'Point', coordinates: [0.5, 0.5] } },
    { type: 'Feature', id: 'nothing', properties: {}, geometry: null },
    {
      type: 'Feature',
      id: 'corner',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 0],
          [1, 1],
        ],
      },
    },
    {
      type: 'Feature',
      id: 2,
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [5, 0],
          [6, 0],
        ],
      },
    },
  ],
};

describe('resolveChapterMeasure', () => {
  it('measures the whole corridor centreline from km 0 to its end, as long as Turf says', () => {
    const got = resolveChapterMeasure({ layer: 'corridor', feature: 'centreline' }, corridor)!;
    const turf = length(centreline, { units: 'meters' });
    expect(got.fromChainageMeters).toBe(0);
    expect(got.toChainageMeters).toBeCloseTo(turf, 6);
    expect(got.alongMeters).toBeCloseTo(turf, 6);
    expect(got.alongMeters).toBeCloseTo(5386, -1);
    expect(got.feature).toBe('centreline');
    expect(lineLength(got.slice)).toBeCloseTo(turf, 3);
    expect(got.straightMeters).toBeLessThan(got.alongMeters);
  });

  it('measures between two named points given as coordinates, in the declared order', () => {
    const at = (id: string) => corridor.features.find((f) => f.id === id)!.geometry as Point;
    const got = resolveChapterMeasure(
      {
        layer: 'corridor',
        feature: 'centreline',
        from: at('hung-fa-chai').coordinates as [number, number],
        to: at('boundary-saddle').coordinates as [number, number],
      },
      corridor,
    )!;
    expect(got.fromChainageMeters).toBeGreaterThan(got.toChainageMeters);
    expect(got.fromChainageMeters / 1000).toBeCloseTo(4.9, 1);
    expect(got.toChainageMeters / 1000).toBeCloseTo(3.3, 1);
    expect(got.alongMeters).toBeCloseTo(got.fromChainageMeters - got.toChainageMeters, 9);
  });

  it('takes kilometres along the line, clamped to it', () => {
    const got = resolveChapterMeasure(
      { layer: 'x', feature: 'corner', from: 0.5 * (DEGREE / 1000), to: 99_999 },
      layer,
    )!;
    expect(got.from[0]).toBeCloseTo(0.5, 9);
    expect(got.to).toEqual([1, 1]);
    expect(got.alongMeters).toBeCloseTo(1.5 * DEGREE, 6);
  });

  it('uses the first line of the layer when no feature is named, and matches ids strictly', () => {
    expect(resolveChapterMeasure({ layer: 'x' }, layer)!.feature).toBe('corner');
    expect(resolveChapterMeasure({ layer: 'x', feature: 2 }, layer)!.alongMeters).toBeCloseTo(DEGREE, 6);
    expect(resolveChapterMeasure({ layer: 'x', feature: '2' }, layer)).toBeUndefined();
  });

  it('is undefined for a point, a missing feature or an empty line', () => {
    expect(resolveChapterMeasure({ layer: 'x', feature: 'spot' }, layer)).toBeUndefined();
    expect(resolveChapterMeasure({ layer: 'x', feature: 'nothing' }, layer)).toBeUndefined();
    const empty: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } }],
    };
    expect(resolveChapterMeasure({ layer: 'x' }, empty)).toBeUndefined();
  });
});
