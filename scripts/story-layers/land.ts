/**
 * The basemap land (geo/basemap/land.geojson), indexed once and clipped per area of interest, and
 * what the sea areas and protected areas do with it: subtract it, or measure their overlap with it.
 */
import { area, bbox, bboxClip, difference, featureCollection, intersect, multiPolygon, polygon } from '@turf/turf';
import type { BBox, Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areaKm2, bboxOverlap, padBBox, polygonsOf, type PolygonRings } from '../lib/geometry.js';

/** Land polygons with their bounding boxes. */
export interface LandIndex {
  polys: { coords: PolygonRings; box: BBox }[];
}

/** The land the layers are cut with: all of it, each side of the boundary, and the land boundary line. */
export interface StoryLand {
  all: LandIndex;
  hk: LandIndex;
  cn: LandIndex;
  boundary: FeatureCollection | null;
}

/** Margin (degrees) around an area within which land is clipped for it. */
const PAD = 0.01;

/** Indexes the land polygons of a land file, of one `region` property only when given. */
export function landIndex(fc: FeatureCollection, region?: string): LandIndex {
  const polys: LandIndex['polys'] = [];
  for (const f of fc.features) {
    if (region && f.properties?.['region'] !== region) continue;
    const g = f.geometry;
    const list = g.type === 'Polygon' || g.type === 'MultiPolygon' ? polygonsOf(g) : [];
    for (const coords of list) polys.push({ coords, box: bbox(polygon(coords)) });
  }
  return { polys };
}

/** Land inside a box, as one MultiPolygon (bbox-clip per polygon; pieces of 1 m² or less dropped). */
export function landIn(land: LandIndex, box: BBox): Feature<MultiPolygon> {
  const out: PolygonRings[] = [];
  for (const { coords, box: b } of land.polys) {
    if (!bboxOverlap(b, box)) continue;
    const k = bboxClip(polygon(coords), box);
    const rings = (k.geometry.coordinates as PolygonRings).filter((r) => r.length >= 4);
    if (rings.length === 0) continue;
    if (area(polygon(rings)) > 1) out.push(rings);
  }
  return multiPolygon(out);
}

/**
 * A sketch minus land (a sea area, or a land sketch minus the other side's land), largest part
 * first; parts under `minKm2` (coves cut off by a sketch edge) are dropped.
 */
export function subtractLand(
  sketch: Feature<Polygon>,
  land: LandIndex,
  minKm2 = 0.05,
): Feature<Polygon | MultiPolygon> {
  const l = landIn(land, padBBox(bbox(sketch), PAD));
  const d: Feature<Polygon | MultiPolygon> | null = l.geometry.coordinates.length
    ? difference(featureCollection<Polygon | MultiPolygon>([sketch, l]))
    : sketch;
  if (!d) throw new Error('sea area vanished after subtracting land');
  const kept = polygonsOf(d.geometry).filter((p) => areaKm2(polygon(p)) >= minKm2);
  kept.sort((a, c) => areaKm2(polygon(c)) - areaKm2(polygon(a)));
  return kept.length === 1 ? polygon(kept[0]!) : multiPolygon(kept);
}

/** Area (km²) of a polygon that lies on land: how far a sea polygon overlaps the basemap land. */
export function landOverlapKm2(f: Feature<Polygon | MultiPolygon>, land: LandIndex): number {
  const l = landIn(land, padBBox(bbox(f), PAD));
  if (l.geometry.coordinates.length === 0) return 0;
  const i = intersect(featureCollection([f, l]));
  return i ? areaKm2(i) : 0;
}
