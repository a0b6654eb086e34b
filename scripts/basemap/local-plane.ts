/**
 * A local metric plane for the Pearl River Delta: metres east and north from lon/lat, good to well
 * under 1% in the basemap box (centred near 22.5 N), for distances between nearby points.
 */
import type { BBox, Position } from 'geojson';
import { bboxOverlap, ringBBox, type PolygonRings } from '../lib/geometry.js';

/** Metres per degree of latitude. */
export const M_PER_DEG_LAT = 110_574;
/** Metres per degree of longitude at 22.5 N. */
const M_PER_DEG_LON = 111_320 * Math.cos((22.5 * Math.PI) / 180);

/** A position on the plane, in metres. */
export function toXY([lon, lat]: Position): [number, number] {
  return [lon * M_PER_DEG_LON, lat * M_PER_DEG_LAT];
}

/** Distance (m) from point p to the segment a-b on the plane. */
export function segDist(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Edges (metric) of the given polygons that lie in a box, for distance queries. */
export function edgesIn(polys: PolygonRings[], box: BBox): [number, number][][] {
  const edges: [number, number][][] = [];
  for (const p of polys)
    for (const r of p)
      for (let i = 0; i + 1 < r.length; i++) {
        const e = [r[i], r[i + 1]];
        if (bboxOverlap(ringBBox(e), box)) edges.push([toXY(r[i]), toXY(r[i + 1])]);
      }
  return edges;
}
