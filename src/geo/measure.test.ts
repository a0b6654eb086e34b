import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import type { LngLat } from '../story/types';
import { runFixtures } from './fixtures/run-fixtures';
import { DEGREE, path } from './fixtures/shapes';
import { DEFAULT_SNAP_METERS, measurePath, withinMeters, type Corridor } from './measure';

/** Builds a corridor feature from its coordinates, with an id unless `id` is undefined. */
function corridor(coordinates: LngLat[], id?: string | number): Feature<LineString> {
  const f: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
  if (id !== undefined) f.id = id;
  return f;
}

const equator = corridor(path([0, 0], [1, 0]), 'equator');

describe('measurePath', () => {
  runFixtures('measure', (input) => {
    const fc = input as FeatureCollection<LineString | MultiLineString | Point>;
    const corridors = fc.features.filter((f): f is Corridor => f.geometry.type !== 'Point');
    const path = fc.features
      .filter((f) => f.geometry.type === 'Point' && f.properties?.role === 'path')
      .map((f) => (f.geometry as Point).coordinates as LngLat);
    const properties = { ...measurePath(path, corridors) };
    return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: path } };
  });

  it('gives the straight length and the length along the corridor when both ends are on it', () => {
    const got = measurePath(path([0.25, 0.0001], [0.5, 0.3], [0.75, -0.0001]), [equator]);
    expect(got.corridorId).toBe('equator');
    expect(got.alongMeters).toBeCloseTo(0.5 * DEGREE, 6);
    expect(got.chainageMeters?.[0]).toBeCloseTo(0.25 * DEGREE, 6);
    expect(got.chainageMeters?.[1]).toBeCloseTo(0.75 * DEGREE, 6);
    // The middle point lengthens the straight path only; near the equator degrees are nearly planar.
    expect(got.straightMeters).toBeCloseTo(2 * Math.hypot(0.25, 0.3) * DEGREE, -2);
    expect(got.straightMeters).toBeGreaterThan(got.alongMeters ?? Infinity);
  });

  it('gives only the straight length when one end is off every corridor', () => {
    const got = measurePath(path([0.25, 0], [0.75, 0.01]), [equator]);
    expect(got).toEqual({ straightMeters: expect.closeTo(Math.hypot(0.5, 0.01) * DEGREE, -1) });
  });

  it('gives only the straight length when the ends are on different corridors', () => {
    const meridian = corridor(path([5, 0], [5, 1]), 'meridian');
    const got = measurePath(path([0.5, 0], [5, 0.5]), [equator, meridian]);
    expect(got.alongMeters).toBeUndefined();
    expect(got.chainageMeters).toBeUndefined();
    expect(got.corridorId).toBeUndefined();
  });

  it('keeps the chainages in path order, so a path walked backwards has from > to', () => {
    const got = measurePath(path([0.75, 0], [0.25, 0]), [equator]);
    expect(got.chainageMeters?.[0]).toBeGreaterThan(got.chainageMeters?.[1] ?? Infinity);
    expect(got.alongMeters).toBeCloseTo(0.5 * DEGREE, 6);
  });

  it('snaps to the nearer of two corridors both ends could snap to', () => {
    const north = corridor(path([0, 0.0004], [1, 0.0004]), 'north');
    const south = corridor(path([0, 0], [1, 0]), 'south');
    expect(measurePath(path([0.2, 0.0001], [0.4, 0.0001]), [north, south]).corridorId).toBe('south');
    expect(measurePath(path([0.2, 0.0003], [0.4, 0.0003]), [south, north]).corridorId).toBe('north');
  });

  it('uses the snap test it is given, with the projection of each end', () => {
    // A stand-in for the map's screen-space test: accept everything, record what was asked.
    const snap = vi.fn(() => true);
    const got = measurePath(path([0.5, 5], [0.7, -5]), [equator], snap);
    expect(got.alongMeters).toBeCloseTo(0.2 * DEGREE, 6);
    expect(snap).toHaveBeenCalledTimes(2);
    expect(snap).toHaveBeenNthCalledWith(1, [0.5, 5], equator, expect.objectContaining({ point: [0.5, 0] }));
  });

  it('snaps by default within DEFAULT_SNAP_METERS of the corridor', () => {
    const justInside = (DEFAULT_SNAP_METERS - 1) / DEGREE;
    const justOutside = (DEFAULT_SNAP_METERS + 1) / DEGREE;
    expect(measurePath(path([0.1, justInside], [0.2, -justInside]), [equator]).alongMeters).toBeDefined();
    expect(measurePath(path([0.1, justOutside], [0.2, 0]), [equator]).alongMeters).toBeUndefined();
    expect(measurePath(path([0.1, 0.001], [0.2, 0]), [equator], withinMeters(200)).alongMeters).toBeDefined();
  });

  it('measures along a corridor without an id but names none', () => {
    const got = measurePath(path([0.1, 0], [0.2, 0]), [corridor(path([0, 0], [1, 0]))]);
    expect(got.alongMeters).toBeCloseTo(0.1 * DEGREE, 6);
    expect('corridorId' in got).toBe(false);
  });

  it('skips corridors without positions', () => {
    const empty = corridor([], 'empty');
    expect(measurePath(path([0.1, 0], [0.2, 0]), [empty, equator]).corridorId).toBe('equator');
  });

  it('gives 0 and nothing along for no point or a single point, even on a corridor', () => {
    expect(measurePath([], [equator])).toEqual({ straightMeters: 0 });
    expect(measurePath([[0.5, 0]], [equator])).toEqual({ straightMeters: 0 });
  });
});
