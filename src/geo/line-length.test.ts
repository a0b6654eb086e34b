import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString, MultiLineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { runFixtures } from './fixtures/run-fixtures';
import { equatorDegree, R, RAD, twoParts } from './fixtures/shapes';
import { lineLength, lineParts } from './line-length';

/** Haversine distance written out here, so the corridor length is checked without Turf. */
function haversine(a: Position, b: Position): number {
  const h =
    Math.sin(((b[1] - a[1]) * RAD) / 2) ** 2 +
    Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(((b[0] - a[0]) * RAD) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

describe('lineLength', () => {
  runFixtures('line-length', (input) => {
    const fc = input as FeatureCollection<LineString | MultiLineString>;
    return {
      ...fc,
      features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, lengthMeters: lineLength(f) } })),
    };
  });

  it('gives the corridor centreline about 5.39 km, as a hand-written haversine sum does', () => {
    const file = new URL('./fixtures/line-length/in/corridor-centreline.geojson', import.meta.url);
    const [centreline] = (JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<LineString>).features;
    const coords = centreline.geometry.coordinates;
    expect(coords).toHaveLength(8);
    let expected = 0;
    for (let i = 1; i < coords.length; i++) expected += haversine(coords[i - 1], coords[i]);
    expect(lineLength(centreline)).toBeCloseTo(expected, 6);
    expect(lineLength(centreline)).toBeCloseTo(5385.71, 2);
  });

  it('measures one degree of equator as R·π/180', () => {
    expect(lineLength(equatorDegree)).toBeCloseTo(R * RAD, 6);
  });

  it('gives the same length for a bare geometry and for a Feature wrapping it', () => {
    const geometry: LineString = {
      type: 'LineString',
      coordinates: [
        [114.21464, 22.58228],
        [114.18991, 22.54103],
      ],
    };
    expect(lineLength({ type: 'Feature', properties: {}, geometry })).toBe(lineLength(geometry));
  });

  it('adds the parts of a MultiLineString and not the gaps between them', () => {
    expect(lineLength(twoParts)).toBeCloseTo(2 * R * RAD, 6);
  });

  it('is 0 for an empty line, a single vertex, or an empty MultiLineString', () => {
    expect(lineLength({ type: 'LineString', coordinates: [] })).toBe(0);
    expect(lineLength({ type: 'LineString', coordinates: [[114.2, 22.5]] })).toBe(0);
    expect(lineLength({ type: 'MultiLineString', coordinates: [] })).toBe(0);
  });

  it('does not depend on direction', () => {
    const coords: Position[] = [
      [114.21464, 22.58228],
      [114.212, 22.574],
      [114.2065, 22.5665],
    ];
    expect(lineLength({ type: 'LineString', coordinates: [...coords].reverse() })).toBeCloseTo(
      lineLength({ type: 'LineString', coordinates: coords }),
      9,
    );
  });
});

describe('lineParts', () => {
  it('gives one part for a LineString and one per line for a MultiLineString', () => {
    expect(lineParts(equatorDegree)).toEqual([
      [
        [0, 0],
        [1, 0],
      ],
    ]);
    expect(lineParts(twoParts)).toHaveLength(2);
  });
});
