/** The mirs-bay layer: a generous sketch of the bay minus land, and its Shenzhen and Hong Kong sections. */
import {
  difference,
  distance,
  featureCollection,
  intersect,
  lineIntersect,
  lineString,
  point,
  polygon,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { areaKm2, closeRing, roundTo } from '../lib/geometry.js';
import { areaLine, layerFeature, type LayerBuild } from './layer.js';
import { landOverlapKm2, subtractLand, type StoryLand } from './land.js';
import type { PlaceLookup } from './places-file.js';

/**
 * Generous sketch of Mirs Bay, clockwise from Sha Tau Kok. The only edge over open water is the
 * bay mouth (MIRS_BAY_MOUTH); every other vertex lies on land, so that the coastline of the land
 * file shapes the bay once land is subtracted. Tolo Channel is closed off at its mouth.
 */
export const MIRS_BAY_SKETCH: Position[] = [
  [114.215, 22.55], // Sha Tau Kok
  [114.23, 22.565],
  [114.25, 22.585],
  [114.28, 22.6],
  [114.33, 22.62],
  [114.4, 22.63],
  [114.46, 22.62],
  [114.485, 22.555], // west of Dapeng Ao, which opens to Daya Bay
  [114.51, 22.52],
  [114.5, 22.46], // Dapeng peninsula, south-west tip: mouth, east end
  [114.395, 22.435], // Sai Kung East headland: mouth, west end
  [114.37, 22.41],
  [114.33, 22.41],
  [114.3, 22.44],
  [114.322, 22.474], // Tolo Channel closed between this point ...
  [114.3, 22.488], // ... and this one
  [114.27, 22.49],
  [114.24, 22.505],
  [114.205, 22.53],
];
/** The mouth of Mirs Bay: Sai Kung side first, Dapeng peninsula side second (both on land). */
export const MIRS_BAY_MOUTH: Position[] = [
  [114.395, 22.435],
  [114.5, 22.46],
];
/**
 * Straight line used to split Mirs Bay into its Shenzhen and Hong Kong sections: an
 * approximation, not the gazetted sea boundary (which the basemap does not carry). It runs from
 * Point 1 of the boundary description in State Council Order No. 221 (1997), the eastern corner
 * of the base of the Sha Tau Kok pier (22°32'37.21"N 114°13'34.85"E), to the bay's north-east
 * corner where the Shenzhen shore turns south down the Dapeng peninsula. It keeps every Hong Kong
 * island (Kat O, Tung Ping Chau) on the Hong Kong side and the Shenzhen shore on the other.
 */
export const MIRS_BAY_SPLIT: Position[] = [
  [114.226347, 22.543669],
  [114.435, 22.595],
];
/** Hong Kong's eastern limit in Mirs Bay: the meridian 114°30'E. */
export const HK_EAST_LIMIT = 114.5;

const distanceM = (a: Position, b: Position): number => distance(point(a), point(b), { units: 'meters' });

/** Width (km) of the bay mouth across water: between the outermost points where the mouth line leaves the land. */
function mouthKm(bay: Feature<Polygon | MultiPolygon>): number {
  const cuts = lineIntersect(lineString(MIRS_BAY_MOUTH), bay).features.map((f) => f.geometry.coordinates);
  cuts.sort((a, c) => a[0]! - c[0]!);
  return cuts.length >= 2 ? roundTo(distanceM(cuts[0]!, cuts[cuts.length - 1]!) / 1000, 2) : NaN;
}

/** The Hong Kong side of the split: south of the split line and west of 114°30'E, reaching past the sketch. */
function hongKongSide(): Feature<Polygon> {
  const s = MIRS_BAY_SPLIT;
  const south = Math.min(...MIRS_BAY_SKETCH.map((p) => p[1]!)) - 0.05;
  const west = Math.min(...MIRS_BAY_SKETCH.map((p) => p[0]!)) - 0.05;
  return polygon([
    closeRing([...s, [HK_EAST_LIMIT, s[s.length - 1]![1]!], [HK_EAST_LIMIT, south], [west, south], [west, s[0]![1]!]]),
  ]);
}

/** Builds mirs-bay.geojson: the whole bay, then its Shenzhen and Hong Kong sections. */
export function buildMirsBay(place: PlaceLookup, land: StoryLand): LayerBuild {
  const bayInfo = place('mirs_bay');
  const bay = subtractLand(polygon([closeRing(MIRS_BAY_SKETCH)]), land.all);
  const mouth = mouthKm(bay);
  const report = [`Mirs Bay mouth across water: Turf ${mouth} km (gazetteer 9.26 km)`];
  const hkSide = hongKongSide();
  const hk = intersect(featureCollection([bay, hkSide]));
  const sz = difference(featureCollection([bay, hkSide]));
  if (!hk || !sz) throw new Error('Mirs Bay split failed');
  const s = MIRS_BAY_SPLIT;
  const end = land.boundary?.features[0]?.geometry;
  const endNote =
    end?.type === 'LineString'
      ? ` (the land boundary in geo/basemap/boundary.geojson ends ${roundTo(distanceM(end.coordinates[end.coordinates.length - 1]!, s[0]!), 0)} m from it)`
      : '';
  const splitBasis = `split along a straight approximation from Order 221 Point 1 at Sha Tau Kok${endNote} to the bay's north-east corner`;
  const seaConfidence =
    'medium-low: coastline from the basemap land (Hong Kong 2 m, Mainland coarser); mouth line and inlet closing lines drawn; ';
  const features = [
    layerFeature('mirs-bay', bay.geometry, {
      name_zh_hant: '大鵬灣',
      name_en: 'Mirs Bay / Dapeng Bay',
      kind: 'bay',
      area_km2_reference: 335,
      mouth_km_reference: 9.26,
      mouth_km_turf: mouth,
      area_km2_turf: roundTo(areaKm2(bay), 1),
      source: `${bayInfo.source}; coastline: geo/basemap/land.geojson`,
      confidence: `${seaConfidence}size checked against the gazetteer figure of about 335 km2`,
    }),
    layerFeature('mirs-bay-sz', sz.geometry, {
      name_zh_hant: '大鵬灣（深圳段）',
      name_en: 'Dapeng Bay, Shenzhen section',
      kind: 'bay_section',
      beautiful_bay: 'national Beautiful Bay case, 2021 round, announced 2022',
      area_km2_turf: roundTo(areaKm2(sz), 1),
      source: `${place('dapeng_bay_sz').source}; ${splitBasis}`,
      confidence: `${seaConfidence}low for the split: ${splitBasis}; not the gazetted sea boundary`,
    }),
    layerFeature('mirs-bay-hk', hk.geometry, {
      name_zh_hant: '大鵬灣（香港段）',
      name_en: 'Mirs Bay, Hong Kong section',
      kind: 'bay_section',
      beautiful_bay:
        'national Beautiful Bay excellent case, 4th batch, Dec 2025 (72 applications, 32 Beautiful Bays, 12 excellent cases); ' +
        'Class I water quality at all 9 monitoring stations',
      area_km2_turf: roundTo(areaKm2(hk), 1),
      source: `${place('mirs_bay_hk').source}; ${splitBasis}`,
      confidence: `${seaConfidence}low for the split: ${splitBasis}; not the gazetted sea boundary`,
    }),
  ];
  report.push(
    areaLine('Mirs Bay', features[0]!, 335, '(gazetteer: about 335 km2)'),
    areaLine('Mirs Bay, Shenzhen section', features[1]!, null),
    areaLine('Mirs Bay, Hong Kong section', features[2]!, null),
  );
  for (const f of features) {
    report.push(`  ${f.id}: overlap with land ${roundTo(landOverlapKm2(f, land.all) * 1e6, 0)} m2`);
  }
  return { layer: { name: 'mirs-bay', features }, report };
}
