import { polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  areaKm2,
  bboxOverlap,
  closeRing,
  dropRepeats,
  padBBox,
  polygonArea,
  polygonsOf,
  ringBBox,
  roundLine,
  roundPosition,
  roundTo,
  scaleToArea,
  signedRingArea,
  vertexCount,
  windRings,
} from './geometry';

// A unit square, counter-clockwise, closed; the same square clockwise; a right triangle of legs 2.
const CCW: Position[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];
const CW = [...CCW].reverse();
const TRIANGLE: Position[] = [
  [0, 0],
  [2, 0],
  [0, 2],
  [0, 0],
];
// A hole inside the square, counter-clockwise (the wrong way for a hole).
const HOLE_CCW: Position[] = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.75, 0.75],
  [0.25, 0.75],
  [0.25, 0.25],
];

describe('rounding', () => {
  it('rounds numbers and positions to 6 decimals, dropping a third coordinate', () => {
    expect(roundTo(1.23456789, 2)).toBe(1.23);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundPosition([114.1234564, 22.9999996, 12])).toEqual([114.123456, 23]);
  });

  it('keeps each run of equal positions once, also the runs rounding makes', () => {
    expect(
      dropRepeats([
        [0, 0],
        [0, 0],
        [1, 1],
        [1, 1],
        [1, 1],
        [0, 0],
      ]),
    ).toEqual([
      [0, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(
      roundLine([
        [1.0000004, 2],
        [1.0000001, 2.0000002],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('rings', () => {
  it('measures signed planar area: positive counter-clockwise, negative clockwise', () => {
    expect(signedRingArea(CCW)).toBe(1);
    expect(signedRingArea(CW)).toBe(-1);
    expect(signedRingArea(TRIANGLE)).toBe(2);
    expect(
      signedRingArea([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
    ).toBe(0);
  });

  it('closes an open ring and leaves a closed one as it is', () => {
    expect(closeRing(CCW.slice(0, 4))).toEqual(CCW);
    expect(closeRing(CCW)).toBe(CCW);
  });

  it('winds the exterior counter-clockwise and holes clockwise (RFC 7946 section 3.1.6)', () => {
    const [outer, hole] = windRings([CW, HOLE_CCW]);
    expect(signedRingArea(outer!)).toBe(1);
    expect(signedRingArea(hole!)).toBe(-0.25);
    // Rings already wound the right way are returned unchanged, and the input is not touched.
    expect(windRings([CCW])[0]).toBe(CCW);
    expect(signedRingArea(CW)).toBe(-1);
  });

  it('lists the polygons of a geometry and counts their positions', () => {
    expect(polygonsOf(polygon([CCW]).geometry)).toEqual([[CCW]]);
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [[CCW], [TRIANGLE]] })).toEqual([[CCW], [TRIANGLE]]);
    expect(polygonsOf(null)).toEqual([]);
    expect(vertexCount([[CCW, HOLE_CCW], [TRIANGLE]])).toBe(14);
  });
});

describe('boxes', () => {
  it('bounds a ring, and tells overlapping and touching boxes from apart ones', () => {
    expect(ringBBox(TRIANGLE)).toEqual([0, 0, 2, 2]);
    expect(bboxOverlap([0, 0, 1, 1], [0.5, 0.5, 2, 2])).toBe(true);
    expect(bboxOverlap([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
    expect(bboxOverlap([0, 0, 1, 1], [1.01, 0, 2, 1])).toBe(false);
    expect(padBBox([0, 0, 1, 1], 0.5)).toEqual([-0.5, -0.5, 1.5, 1.5]);
  });
});

describe('areas', () => {
  // A 0.01° square on the equator: about 1,112 m a side on Turf's sphere (mean radius 6,371,008.8 m).
  const side = (6_371_008.8 * 0.01 * Math.PI) / 180;
  const small = (x: number, y: number, d = 0.01): Position[] =>
    closeRing([
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
    ]);

  it('measures polygons in m² and km²', () => {
    expect(polygonArea([small(0, 0)]) / side ** 2).toBeCloseTo(1, 3);
    expect(areaKm2(polygon([small(0, 0)])) / (side ** 2 / 1e6)).toBeCloseTo(1, 3);
    // A hole takes its area away.
    expect(polygonArea([small(0, 0), [...small(0.0025, 0.0025, 0.005)].reverse()]) / side ** 2).toBeCloseTo(0.75, 3);
  });

  it('scales a polygon about its centroid to a target area', () => {
    const sized = scaleToArea(polygon([small(114, 22.5)]), 2);
    expect(areaKm2(sized)).toBeCloseTo(2, 4);
    const [x0, y0, x1, y1] = ringBBox(sized.geometry.coordinates[0]!);
    expect((x0 + x1) / 2).toBeCloseTo(114.005, 4);
    expect((y0 + y1) / 2).toBeCloseTo(22.505, 4);
  });
});
