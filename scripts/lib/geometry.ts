/**
 * Geometry helpers shared by the build scripts: rounding, rings, winding (RFC 7946), bounding boxes
 * and areas. Positions are WGS 84 [lon, lat]; anything beyond the second coordinate is dropped.
 */
import { area, polygon, transformScale } from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Coordinate precision of every file the scripts write: 6 decimals, about 0.1 m (RFC 7946 section 11.2 advises against more). */
export const DECIMALS = 6;

/** The rings of one polygon, exterior first. */
export type PolygonRings = Position[][];

/** Rounds a number to `decimals` decimals. */
export function roundTo(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

/** A position rounded to DECIMALS, as [lon, lat]. */
export function roundPosition(p: Position): Position {
  return [roundTo(p[0]!, DECIMALS), roundTo(p[1]!, DECIMALS)];
}

/** The positions of a line with each run of equal positions kept once. */
export function dropRepeats(line: Position[]): Position[] {
  return line.filter((p, i) => i === 0 || p[0] !== line[i - 1]![0] || p[1] !== line[i - 1]![1]);
}

/** Rounds every position of a line or ring to DECIMALS and drops the repeats that rounding makes. */
export function roundLine(line: Position[]): Position[] {
  return dropRepeats(line.map(roundPosition));
}

/** A ring closed as RFC 7946 section 3.1.6 asks (last position equal to the first); a closed ring is returned as it is. */
export function closeRing(ring: Position[]): Position[] {
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0]!, first[1]!]];
}

/** Signed planar area of a closed ring in degrees²; positive when counter-clockwise. */
export function signedRingArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return s / 2;
}

/**
 * A polygon's rings wound as RFC 7946 section 3.1.6 asks: the exterior counter-clockwise, holes
 * clockwise. A ring of zero area has no winding and is left as it is.
 */
export function windRings(rings: PolygonRings): PolygonRings {
  return rings.map((ring, i) => {
    const a = signedRingArea(ring);
    return (i === 0 ? a < 0 : a > 0) ? [...ring].reverse() : ring;
  });
}

/** The polygons of a Polygon or MultiPolygon geometry (none for a missing one). */
export function polygonsOf(g: Polygon | MultiPolygon | null | undefined): PolygonRings[] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Number of positions in a set of polygons. */
export function vertexCount(polys: PolygonRings[]): number {
  return polys.reduce((s, p) => s + p.reduce((t, r) => t + r.length, 0), 0);
}

/** Bounding box of a list of positions. */
export function ringBBox(ring: Position[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x! < x0) x0 = x!;
    if (y! < y0) y0 = y!;
    if (x! > x1) x1 = x!;
    if (y! > y1) y1 = y!;
  }
  return [x0, y0, x1, y1];
}

/** Whether two boxes overlap or touch. */
export function bboxOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** A box grown by `pad` degrees on every side. */
export function padBBox(b: BBox, pad: number): BBox {
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
}

/** Geodesic area of one polygon in m² (Turf). */
export function polygonArea(p: PolygonRings): number {
  return area(polygon(p));
}

/** Geodesic area of a polygon feature or geometry in km² (Turf). */
export function areaKm2(f: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon): number {
  return area(f) / 1e6;
}

/** A polygon scaled about its centroid so that its Turf area is `targetKm2`. */
export function scaleToArea(poly: Feature<Polygon>, targetKm2: number): Feature<Polygon> {
  let out = poly;
  // Two passes: scaling on the sphere is not exactly quadratic.
  for (let i = 0; i < 2; i++) {
    const f = Math.sqrt(targetKm2 / areaKm2(out));
    out = transformScale(out, f, { origin: 'centroid' }) as Feature<Polygon>;
  }
  return out;
}
