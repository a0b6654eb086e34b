/** The Hong Kong - Mainland land boundary, found as the stretch of the Hong Kong coast that faces Mainland land. */
import { booleanPointInPolygon, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { bboxOverlap, padBBox, ringBBox, type PolygonRings } from '../lib/geometry.js';
import { edgesIn, segDist, toXY } from './local-plane.js';

/** A Hong Kong coast vertex within this distance (m) of Mainland land counts as facing it. */
export const FACE_TOLERANCE_M = 250;
/** Breaks in a facing stretch whose ends lie closer than this (m, straight line) are bridged. */
export const FACE_GAP_BRIDGE_M = 400;
/** Area (lon/lat) in which the land boundary is searched. */
const BORDER_ZONE: [number, number, number, number] = [113.98, 22.45, 114.3, 22.62];

/**
 * Finds the stretch of the Hong Kong outline that faces Mainland land: the longest run of coast
 * vertices within FACE_TOLERANCE_M of (or inside) the Mainland polygons, short breaks bridged.
 */
export function findLandBoundary(hk: PolygonRings[], mainland: PolygonRings[]): Position[] {
  const zone = padBBox(BORDER_ZONE, 0.02);
  const edges = edgesIn(mainland, zone);
  const near = mainland.filter((p) => bboxOverlap(ringBBox(p[0]), zone)).map((p) => polygon(p));
  let best: Position[] = [];
  let bestLen = 0;
  for (const p of hk) {
    const ring = p[0];
    if (!bboxOverlap(ringBBox(ring), BORDER_ZONE)) continue;
    const n = ring.length - 1;
    const facing = ring.slice(0, n).map((v) => {
      if (v[0] < BORDER_ZONE[0] || v[0] > BORDER_ZONE[2] || v[1] < BORDER_ZONE[1] || v[1] > BORDER_ZONE[3])
        return false;
      const xy = toXY(v);
      for (const [a, b] of edges) if (segDist(xy, a, b) <= FACE_TOLERANCE_M) return true;
      return near.some((q) => booleanPointInPolygon(v, q));
    });
    if (!facing.some((x) => x) || facing.every((x) => x)) continue;
    const facingBeforeBridging = [...facing];
    const step = (i: number) =>
      Math.hypot(...(toXY(ring[(i + 1) % n]).map((c, k) => c - toXY(ring[i % n])[k]) as [number, number]));
    // Bridge short breaks: a notch (a creek or channel cut into the outline) leaves the facing
    // stretch and comes back close to where it left, so the straight gap is what counts.
    for (let k = 0, i0 = facing.findIndex((x) => !x); k < n;) {
      const i = (i0 + k) % n;
      if (facing[i]) {
        k++;
        continue;
      }
      let m = 0;
      while (m < n && !facing[(i + m) % n]) m++;
      const before = (i - 1 + n) % n;
      const after = (i + m) % n;
      if (facing[before] && facing[after]) {
        const [a, b] = [toXY(ring[before]), toXY(ring[after])];
        if (Math.hypot(a[0] - b[0], a[1] - b[1]) < FACE_GAP_BRIDGE_M)
          for (let j = 0; j < m; j++) facing[(i + j) % n] = true;
      }
      k += m;
    }
    // Longest run, walking once round the ring from a non-facing vertex.
    const s0 = facing.findIndex((x) => !x);
    let run: Position[] = [];
    let runLen = 0;
    for (let k = 1; k <= n; k++) {
      const i = (s0 + k) % n;
      if (facing[i]) {
        if (run.length > 0) runLen += step((i - 1 + n) % n);
        // Bridged notches are crossed by a straight chord, as the boundary does not enter them.
        if (facingBeforeBridging[i]) run.push(ring[i]);
      }
      if (!facing[i] || k === n) {
        if (runLen > bestLen) {
          bestLen = runLen;
          best = run;
        }
        run = [];
        runLen = 0;
      }
    }
  }
  if (best.length < 2) throw new Error('no land boundary found');
  // West (Deep Bay) to east (Starling Inlet).
  return best[0][0] <= best[best.length - 1][0] ? best : [...best].reverse();
}
