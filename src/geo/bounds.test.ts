import { featureCollection, lineString, point, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureBounds } from './bounds';
import { runFixtures } from './fixtures/run-fixtures';

describe('featureBounds', () => {
  runFixtures('bounds', (input) => {
    const fc = input as FeatureCollection;
    // The whole layer, every id present, and one id that is absent.
    const present = new Set(fc.features.flatMap((f) => (f.id === undefined ? [] : [f.id])));
    const ids: (string | number | undefined)[] = [undefined, ...present, 'absent'];
    const features: Feature<Geometry | null>[] = ids.map((featureId) => {
      const bounds = featureBounds(fc, featureId);
      const properties = { featureId: featureId ?? null, bounds: bounds ?? null };
      if (!bounds) return { type: 'Feature', properties, geometry: null };
      const [w, s, e, n] = bounds;
      const ring = [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ];
      return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
    });
    return { type: 'FeatureCollection', features };
  });

  it('fits the corridor layer between the two summits', () => {
    const layer = featureCollection<LineString | Point>([
      lineString(
        [
          [114.21464, 22.58228],
          [114.203, 22.56],
          [114.18991, 22.54103],
        ],
        {},
        { id: 'centreline' },
      ),
      point([114.1941, 22.54298], {}, { id: 'hung_fa_chai' }),
    ]);
    expect(featureBounds(layer)).toEqual([114.18991, 22.54103, 114.21464, 22.58228]);
    expect(featureBounds(layer, 'hung_fa_chai')).toEqual([114.1941, 22.54298, 114.1941, 22.54298]);
  });

  it('is undefined for an empty layer, an unknown id, or a feature without geometry', () => {
    const layer: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'nowhere', properties: {}, geometry: null }],
    };
    expect(featureBounds(featureCollection([]))).toBeUndefined();
    expect(featureBounds(layer)).toBeUndefined();
    expect(featureBounds(layer, 'nowhere')).toBeUndefined();
    expect(featureBounds(layer, 'missing')).toBeUndefined();
  });

  it('matches ids strictly: 1 and "1" are different features', () => {
    const layer = featureCollection([point([1, 1], {}, { id: 1 }), point([2, 2], {}, { id: '1' })]);
    expect(featureBounds(layer, 1)).toEqual([1, 1, 1, 1]);
    expect(featureBounds(layer, '1')).toEqual([2, 2, 2, 2]);
  });

  it('recomputes bounds instead of trusting a stale bbox member', () => {
    const square = polygon(
      [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [0, 1],
          [0, 0],
        ],
      ],
      {},
      { id: 'sq', bbox: [50, 50, 51, 51] },
    );
    const layer = { ...featureCollection([square]), bbox: [50, 50, 51, 51] as [number, number, number, number] };
    expect(featureBounds(layer)).toEqual([0, 0, 2, 1]);
    expect(featureBounds(layer, 'sq')).toEqual([0, 0, 2, 1]);
  });

  it('ignores elevation and gives two-dimensional bounds', () => {
    const layer = featureCollection([
      lineString([
        [0, 0, 10],
        [1, 2, 900],
      ]),
    ]);
    expect(featureBounds(layer)).toEqual([0, 0, 1, 2]);
  });
});
