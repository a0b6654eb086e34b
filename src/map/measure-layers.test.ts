import { describe, expect, it } from 'vitest';
import type { LngLat } from '../story/types.js';
import { chapterFeatures, MEASURE_SOURCE, measureLayers, readerFeatures } from './measure-layers.js';
import type { PathOnLines } from './measure-lines.js';

const roles = (c: { features: { properties: unknown }[] }) =>
  c.features.map((f) => (f.properties as { role: string }).role);

const a: LngLat = [114.2, 22.58];
const b: LngLat = [114.19, 22.54];
const snapped: PathOnLines = {
  detail: { straightMeters: 4900, alongMeters: 5100, chainageMeters: [0, 5100], layer: 'corridor' },
  along: { type: 'MultiLineString', coordinates: [[a, b]] },
  ends: [a, b],
};

describe('measureLayers', () => {
  it("draws the reader's path above its casing and under its handles, and the chapter's stretch with its ends", () => {
    const { reader, chapter } = MEASURE_SOURCE;
    expect(measureLayers().map((l) => l.id)).toEqual([
      `${reader}:along-casing`,
      `${reader}:along`,
      `${reader}:path`,
      `${reader}:end`,
      `${reader}:point`,
      `${chapter}:along`,
      `${chapter}:end`,
    ]);
    const dashed = measureLayers().find((l) => l.id === `${chapter}:along`);
    expect(dashed?.type === 'line' && dashed.paint?.['line-dasharray']).toEqual([1.5, 1]);
  });
});

describe('readerFeatures', () => {
  it('has only handles until the path has two points', () => {
    expect(roles(readerFeatures([a], undefined))).toEqual(['point']);
  });

  it('draws the stretch along the corridor and its ends when both ends snapped', () => {
    expect(roles(readerFeatures([a, b], snapped))).toEqual(['along', 'path', 'end', 'end', 'point', 'point']);
  });

  it('draws just the straight path when an end did not snap', () => {
    expect(roles(readerFeatures([a, b], { detail: { straightMeters: 4900 } }))).toEqual(['path', 'point', 'point']);
  });
});

describe('chapterFeatures', () => {
  it("draws a chapter's declared stretch and its two ends", () => {
    const features = chapterFeatures({
      alongMeters: 5100,
      straightMeters: 4900,
      fromChainageMeters: 0,
      toChainageMeters: 5100,
      from: a,
      to: b,
      slice: snapped.along!,
    });
    expect(roles(features)).toEqual(['along', 'end', 'end']);
  });
});
