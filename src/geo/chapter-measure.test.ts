import { length } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ChapterMeasure } from '../story/types';
import { measureProblems, resolveChapterMeasure } from './chapter-measure';
import { runFixtures } from './fixtures/run-fixtures';
import { corner, DEGREE } from './fixtures/shapes';
import { lineLength } from './line-length';

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
    { type: 'Feature', id: 'corner', properties: {}, geometry: corner },
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
  // Each input is a layer with the measures to work out on it in a foreign member, `measures`.
  // Each gives one feature: the measured stretch with its figures, or no geometry and the problems.
  runFixtures('chapter-measure', (input) => {
    const layerData = input as FeatureCollection<Geometry | null> & { measures?: ChapterMeasure[] };
    return {
      type: 'FeatureCollection',
      features: (layerData.measures ?? []).map((measure) => {
        const got = resolveChapterMeasure(measure, layerData);
        if (!got) {
          return {
            type: 'Feature',
            properties: { measure, problems: measureProblems(measure, layerData) },
            geometry: null,
          };
        }
        const { slice, ...figures } = got;
        return { type: 'Feature', properties: { measure, ...figures }, geometry: slice };
      }),
    };
  });

  it('measures the whole corridor centreline from km 0 to its end, as long as Turf says', () => {
    const got = resolveChapterMeasure({ layer: 'corridor', feature: 'centreline' }, corridor)!;
    const turf = length(centreline, { units: 'meters' });
    expect(got.fromChainageMeters).toBe(0);
    expect(got.toChainageMeters).toBeCloseTo(turf, 6);
    expect(got.alongMeters).toBeCloseTo(turf, 6);
    expect(got.alongMeters).toBeCloseTo(5549, -1);
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
    expect(got.fromChainageMeters / 1000).toBeCloseTo(5.07, 1);
    expect(got.toChainageMeters / 1000).toBeCloseTo(3.08, 1);
    expect(got.alongMeters).toBeCloseTo(got.fromChainageMeters - got.toChainageMeters, 9);
  });

  it('measures between two named points given by id, as if given by their coordinates', () => {
    const at = (id: string) => (corridor.features.find((f) => f.id === id)!.geometry as Point).coordinates;
    const byId = resolveChapterMeasure(
      { layer: 'corridor', feature: 'centreline', from: 'hung-fa-chai', to: 'boundary-saddle' },
      corridor,
    );
    const byCoordinates = resolveChapterMeasure(
      {
        layer: 'corridor',
        feature: 'centreline',
        from: at('hung-fa-chai') as [number, number],
        to: at('boundary-saddle') as [number, number],
      },
      corridor,
    );
    expect(byId).toEqual(byCoordinates);
    expect(measureProblems({ layer: 'corridor', from: 'hung-fa-chai', to: 'boundary-saddle' }, corridor)).toEqual([]);
  });

  it('compares the ids of named points as text, and uses only Point features', () => {
    expect(resolveChapterMeasure({ layer: 'x', from: '2' }, layer)).toBeUndefined(); // a line, not a Point
    const numbered: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [
        ...layer.features,
        { type: 'Feature', id: 9, properties: {}, geometry: { type: 'Point', coordinates: [1, 0.5] } },
      ],
    };
    expect(resolveChapterMeasure({ layer: 'x', to: '9' }, numbered)!.toChainageMeters).toBeCloseTo(1.5 * DEGREE, 6);
    expect(measureProblems({ layer: 'x', from: '2', to: 'nothing' }, layer)).toEqual([
      { field: 'from', message: 'the feature "2" is a LineString, not a Point' },
      { field: 'to', message: 'the feature "nothing" is a feature without geometry, not a Point' },
    ]);
  });

  it('is undefined when a named point is missing, and says why', () => {
    const measure = { layer: 'x', feature: 'corner', from: 'spot', to: 'nowhere' };
    expect(resolveChapterMeasure(measure, layer)).toBeUndefined();
    expect(measureProblems(measure, layer)).toEqual([{ field: 'to', message: 'no feature has the id "nowhere"' }]);
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

  it('says why a line cannot be measured, naming the field at fault', () => {
    expect(measureProblems({ layer: 'x', feature: 'spot' }, layer)).toEqual([
      { field: 'feature', message: 'the feature "spot" is a Point, not a LineString or MultiLineString' },
    ]);
    expect(measureProblems({ layer: 'x', feature: '2' }, layer)).toEqual([
      { field: 'feature', message: 'no feature has the id "2"; there is one with the id 2' },
    ]);
    const points: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features: [layer.features[0]!] };
    expect(measureProblems({ layer: 'x' }, points)).toEqual([
      { field: 'layer', message: 'the layer has no LineString or MultiLineString to measure along' },
    ]);
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
