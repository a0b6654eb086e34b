/**
 * The ground the geography checks measure against: the Hong Kong 2 m land (geo/reference, read
 * here only, never shipped), the basemap's Mainland and Macao land (OSM-derived, coarse), and the
 * basemap's land boundary. Points are tested against bounding-box-indexed polygons.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { along, length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';

/** The repository root (this file is tests/support/ground.ts). */
export const REPO = resolve(import.meta.dirname, '../..');

/** Metres per degree of latitude (and of longitude at the equator) on a sphere of radius 6,371 km. */
const M_PER_DEG = 111_195;
/** Side (degrees) of the bands and cells segments are indexed in: about 200 m. */
const CELL = 0.002;

/** One edge of a ring: [x1, y1, x2, y2]. */
type Segment = [number, number, number, number];

/**
 * A land as its ring edges, indexed by latitude band (for the crossing-number point-in-polygon
 * test; the polygons of one land do not overlap, so the parity over all rings is "on land") and
 * by cell (for distances). Built once: the 2 m Hong Kong land has about 70,000 vertices.
 */
export interface Land {
  rows: Map<number, Segment[]>;
  cells: Map<string, Segment[]>;
}

function readCollection(path: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(REPO, path), 'utf8')) as FeatureCollection;
}

const push = <K>(m: Map<K, Segment[]>, k: K, s: Segment): void => {
  const list = m.get(k);
  if (list) list.push(s);
  else m.set(k, [s]);
};

/** Indexes the ring edges of polygons. */
export function indexRings(polygons: Position[][][]): Land {
  const land: Land = { rows: new Map(), cells: new Map() };
  for (const rings of polygons)
    for (const ring of rings)
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1] as [number, number];
        const [x2, y2] = ring[i] as [number, number];
        const s: Segment = [x1, y1, x2, y2];
        const [r0, r1] = [Math.floor(Math.min(y1, y2) / CELL), Math.floor(Math.max(y1, y2) / CELL)];
        const [c0, c1] = [Math.floor(Math.min(x1, x2) / CELL), Math.floor(Math.max(x1, x2) / CELL)];
        for (let r = r0; r <= r1; r++) {
          push(land.rows, r, s);
          for (let c = c0; c <= c1; c++) push(land.cells, `${c},${r}`, s);
        }
      }
  return land;
}

function polygonsOf(fc: FeatureCollection, keep: (f: Feature) => boolean): Position[][][] {
  return fc.features
    .filter(keep)
    .flatMap((f) =>
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiPolygon'
          ? f.geometry.coordinates
          : [],
    );
}

/** Whether a position lies on a land (crossing number of a ray to the east). */
export function onLand(land: Land, p: Position): boolean {
  const [x, y] = p as [number, number];
  let inside = false;
  for (const [x1, y1, x2, y2] of land.rows.get(Math.floor(y / CELL)) ?? []) {
    if (y1 > y === y2 > y) continue;
    if (x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
  }
  return inside;
}

/** Distance in metres from a position to a segment, on a local equirectangular projection. */
function metresToSegment(x: number, y: number, [x1, y1, x2, y2]: Segment): number {
  const k = Math.cos((y * Math.PI) / 180);
  const [ax, ay, bx, by] = [(x1 - x) * k, y1 - y, (x2 - x) * k, y2 - y];
  const [dx, dy] = [bx - ax, by - ay];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
  return Math.hypot(ax + t * dx, ay + t * dy) * M_PER_DEG;
}

/** Distance in metres from a position to the nearest edge of a land (0 when on it), searched up to `maxM` (Infinity beyond). */
export function metresToLand(land: Land, p: Position, maxM = 2000): number {
  if (onLand(land, p)) return 0;
  const [x, y] = p as [number, number];
  const reach = Math.ceil(maxM / M_PER_DEG / Math.cos((y * Math.PI) / 180) / CELL);
  const [c, r] = [Math.floor(x / CELL), Math.floor(y / CELL)];
  let best = Infinity;
  for (let i = c - reach; i <= c + reach; i++)
    for (let j = r - reach; j <= r + reach; j++)
      for (const s of land.cells.get(`${i},${j}`) ?? []) best = Math.min(best, metresToSegment(x, y, s));
  return best <= maxM ? best : Infinity;
}

/** The share of a polygon's area that lies on any of some lands, from a grid of sample points `stepM` apart. */
export function shareOnLand(lands: Land[], shape: Position[][][], stepM = 100): number {
  const inShape = indexRings(shape);
  const xs = shape.flatMap((p) => p.flatMap((r) => r.map((q) => q[0]!)));
  const ys = shape.flatMap((p) => p.flatMap((r) => r.map((q) => q[1]!)));
  const dy = stepM / M_PER_DEG;
  const dx = dy / Math.cos((((Math.min(...ys) + Math.max(...ys)) / 2) * Math.PI) / 180);
  let n = 0;
  let wet = 0;
  for (let x = Math.min(...xs) + dx / 2; x < Math.max(...xs); x += dx)
    for (let y = Math.min(...ys) + dy / 2; y < Math.max(...ys); y += dy) {
      if (!onLand(inShape, [x, y])) continue;
      n++;
      if (lands.some((l) => onLand(l, [x, y]))) wet++;
    }
  return n === 0 ? NaN : wet / n;
}

/** Hong Kong land from the Lands Department's 2 m data (geo/reference/hk_terrestrial_2m.geojson). */
export const hkLand: Land = indexRings(
  polygonsOf(readCollection('geo/reference/hk_terrestrial_2m.geojson'), () => true),
);

/** Mainland and Macao land from the basemap (OSM-derived, segments of about 800 m in Shenzhen). */
export const mainlandLand: Land = indexRings(
  polygonsOf(readCollection('geo/basemap/land.geojson'), (f) => f.properties?.['region'] !== 'HK'),
);

/** The basemap's Hong Kong - Mainland land boundary. */
export const boundaryLine: Feature<LineString> = readCollection('geo/basemap/boundary.geojson')
  .features[0] as Feature<LineString>;

/** Positions every `stepM` metres along a line, its two ends included, with their km along it. */
export function sampleLine(coords: Position[], stepM = 100): { p: Position; km: number }[] {
  const line = lineString(coords);
  const totalKm = length(line);
  const out: { p: Position; km: number }[] = [];
  for (let km = 0; km < totalKm; km += stepM / 1000) out.push({ p: along(line, km).geometry.coordinates, km });
  out.push({ p: coords[coords.length - 1]!, km: totalKm });
  return out;
}

/** Runs of consecutive samples that pass a test, as "km a-b (lon, lat)" for a readable message. */
export function describeRuns(samples: { p: Position; km: number }[], hit: boolean[]): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= samples.length; i++) {
    if (i < samples.length && hit[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const a = samples[start]!;
      const b = samples[i - 1]!;
      runs.push(`km ${a.km.toFixed(1)}-${b.km.toFixed(1)} near ${a.p.map((v) => v.toFixed(4)).join(', ')}`);
      start = -1;
    }
  }
  return runs;
}
