import { length } from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Geometry, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { withinMeters } from '../geo/measure.js';
import { lineLength } from '../geo/line-length.js';
import { linesOf, measureOnLines, withinPixels } from './measure-lines.js';

const corridor = JSON.parse(
  readFileSync(new URL('../../geo/corridor.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Geometry>;
const centreline = corridor.features.find((f) => f.id === 'centreline')!;
const ends = (centreline.geometry as LineString).coordinates;
const first = ends[0] as [number, number];
const last = ends.at(-1) as [number, number];

const road: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [114.21464, 22.58228],
          [114.3, 22.58228],
        ],
      },
    },
    { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } },
  ],
};

describe('linesOf', () => {
  it('keeps only line features with positions, with their layer', () => {
    expect(linesOf('corridor', corridor).map((l) => [l.layer, l.line.id])).toEqual([['corridor', 'centreline']]);
    expect(linesOf('road', road)).toHaveLength(1);
  });
});

describe('measureOnLines', () => {
  it('measures the corridor end to end as long as Turf says, naming its layer and feature', () => {
    const got = measureOnLines([first, last], linesOf('corridor', corridor));
    const turf = length(centreline, { units: 'meters' });
    expect(got.detail.alongMeters).toBeCloseTo(turf, 6);
    expect(got.detail.chainageMeters![0]).toBe(0);
    expect(got.detail.chainageMeters![1]).toBeCloseTo(turf, 6);
    expect(got.detail.layer).toBe('corridor');
    expect(got.detail.feature).toBe('centreline');
    expect(got.detail.straightMeters).toBeLessThan(turf);
    expect(lineLength(got.along!)).toBeCloseTo(turf, 3);
    expect(got.ends![0]).toEqual(first);
  });

  it('gives only the straight length when an end does not snap', () => {
    const got = measureOnLines([first, [114.25, 22.5]], linesOf('corridor', corridor), withinMeters(50));
    expect(Object.keys(got.detail)).toEqual(['straightMeters']);
    expect(got.along).toBeUndefined();
  });

  it('picks the line both ends are nearest, across layers, and leaves out a missing feature id', () => {
    const lines = [...linesOf('road', road), ...linesOf('corridor', corridor)];
    const got = measureOnLines(
      [
        [114.2146, 22.5822],
        [114.19, 22.5411],
      ],
      lines,
    );
    expect(got.detail.layer).toBe('corridor');
    const onRoad = measureOnLines(
      [
        [114.22, 22.5823],
        [114.29, 22.5823],
      ],
      lines,
    );
    expect(onRoad.detail.layer).toBe('road');
    expect('feature' in onRoad.detail).toBe(false);
  });
});

describe('withinPixels', () => {
  // A projection that reads degrees as pixels, so distances on screen are easy to check by hand.
  const project = (p: readonly number[]) => ({ x: p[0]!, y: p[1]! });
  const nearest = (point: [number, number]) => ({ point, offsetMeters: 0, chainageMeters: 0 });
  const line = { ...linesOf('road', road)[0]!.line, id: 0 };

  it('snaps an end at most 12 px from its nearest point on the line, on screen', () => {
    const snap = withinPixels(project);
    expect(snap([0, 0], line, nearest([12, 0]))).toBe(true);
    expect(snap([0, 0], line, nearest([12.5, 0]))).toBe(false);
    expect(withinPixels(project, 20)([0, 0], line, nearest([12, 16]))).toBe(true);
    expect(withinPixels(project, 19)([0, 0], line, nearest([12, 16]))).toBe(false);
  });
});
