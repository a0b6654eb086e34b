import { featureCollection, lineString, point, polygon } from '@turf/turf';
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { FitTarget } from '../story/types';
import { featureIdBounds, resolveFit, type LayerData } from './fit-bounds';

const at = (i: number) => ({ line: 10 + i, column: 9, field: `chapters[0].camera.fit[${i}]` });

const trail = featureCollection<Geometry>([
  lineString(
    [
      [114.0, 22.0],
      [114.1, 22.0],
      [114.2, 22.0],
    ],
    {},
    { id: 'ridge' },
  ),
  point([114.05, 22.1], {}, { id: 7 }),
]);
const parks = featureCollection<Geometry>([
  polygon(
    [
      [
        [114.5, 22.5],
        [114.6, 22.5],
        [114.6, 22.6],
        [114.5, 22.5],
      ],
    ],
    {},
    { id: 'north-park' },
  ),
]);

const loaded: Record<string, LayerData> = { trail, parks, empty: featureCollection([]) };
const data = (id: string) => loaded[id];
const layer = (i: number, name: string, feature?: string): FitTarget => ({
  kind: 'layer',
  layer: name,
  ...(feature !== undefined && { feature }),
  at: at(i),
});

describe('featureIdBounds', () => {
  it('finds a feature by its id as written, or by the number its digits spell', () => {
    expect(featureIdBounds(trail, 'ridge')).toEqual([114.0, 22.0, 114.2, 22.0]);
    expect(featureIdBounds(trail, '7')).toEqual([114.05, 22.1, 114.05, 22.1]);
    expect(featureIdBounds(trail, undefined)).toEqual([114.0, 22.0, 114.2, 22.1]);
    expect(featureIdBounds(trail, 'missing')).toBeUndefined();
  });
});

describe('resolveFit', () => {
  it('frames the union of features of several layers, and a box', () => {
    expect(resolveFit([layer(0, 'trail', '7'), layer(1, 'parks', 'north-park')], data)).toEqual({
      bounds: [114.05, 22.1, 114.6, 22.6],
      waiting: [],
      problems: [],
    });
    const box: FitTarget = { kind: 'bbox', bbox: [113.9, 21.9, 114.0, 22.05] };
    expect(resolveFit([box, layer(1, 'trail')], data).bounds).toEqual([113.9, 21.9, 114.2, 22.1]);
  });

  it("frames a measure's stretch of the line, not the whole line", () => {
    const target: FitTarget = {
      kind: 'measure',
      measure: { layer: 'trail', feature: 'ridge', from: 0, to: 5 },
      at: at(0),
    };
    const { bounds } = resolveFit([target], data);
    expect(bounds![0]).toBeCloseTo(114.0, 6);
    // 5 km along the ridge at latitude 22 is about 0.0485 degrees of longitude.
    expect(bounds![2]).toBeGreaterThan(114.04);
    expect(bounds![2]).toBeLessThan(114.06);
  });

  it('waits for a layer still loading, and frames the rest when a layer failed to load', () => {
    const later = (id: string) => (id === 'parks' ? undefined : loaded[id]);
    expect(resolveFit([layer(0, 'trail', 'ridge'), layer(1, 'parks')], later)).toEqual({
      bounds: [114.0, 22.0, 114.2, 22.0],
      waiting: ['parks'],
      problems: [],
    });
    const failed = (id: string) => (id === 'parks' ? null : loaded[id]);
    expect(resolveFit([layer(0, 'trail', 'ridge'), layer(1, 'parks')], failed)).toEqual({
      bounds: [114.0, 22.0, 114.2, 22.0],
      waiting: [],
      problems: [],
    });
  });

  it('reports a feature of another layer, naming the reference that would find it', () => {
    const { bounds, problems } = resolveFit([layer(0, 'trail', 'ridge'), layer(1, 'trail', 'north-park')], data, [
      'trail',
      'parks',
    ]);
    expect(bounds).toEqual([114.0, 22.0, 114.2, 22.0]);
    expect(problems).toEqual([
      {
        at: at(1),
        message: 'no feature has the id "north-park"; the layer "parks" has one: fit parks/north-park',
      },
    ]);
  });

  it('reports a feature that is nowhere with the ids the layer has, an empty layer, and an unworkable measure', () => {
    const measure: FitTarget = { kind: 'measure', measure: { layer: 'parks' }, at: at(2) };
    const { bounds, problems } = resolveFit([layer(0, 'trail', 'ridgeline'), layer(1, 'empty'), measure], data, [
      'trail',
      'parks',
      'empty',
    ]);
    expect(bounds).toBeUndefined();
    expect(problems).toEqual([
      { at: at(0), message: 'no feature has the id "ridgeline"; its ids are ridge, 7' },
      { at: at(1), message: 'the layer has no feature with coordinates to fit' },
      {
        at: at(2),
        message: 'the chapter\'s measure cannot be worked out on the layer "parks", so there is no stretch to fit',
      },
    ]);
  });
});
