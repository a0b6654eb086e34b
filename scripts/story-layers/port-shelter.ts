/** The port-shelter layer: a generous sketch of Port Shelter (Ngau Mei Hoi) minus land. */
import { polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { areaKm2, closeRing, roundTo } from '../lib/geometry.js';
import { areaLine, layerFeature, type LayerBuild } from './layer.js';
import { landOverlapKm2, subtractLand, type StoryLand } from './land.js';
import type { PlaceLookup } from './places-file.js';

/**
 * Generous sketch of Port Shelter (Ngau Mei Hoi). Seaward limits: north, the entrance of Inner
 * Port Shelter (Pak Sha Wan peninsula - Sharp Island - Kau Sai Chau); west, the mouth of Hebe
 * Haven; south-east, a line from the south tip of Kau Sai Chau to the north-east headland of the
 * Clear Water Bay peninsula (the places.json sketch's open edge). Other vertices lie on land.
 */
export const PORT_SHELTER_SKETCH: Position[] = [
  [114.2715, 22.375],
  [114.287, 22.37],
  [114.302, 22.362],
  [114.312, 22.36],
  [114.314, 22.352],
  [114.31, 22.345],
  [114.313, 22.32],
  [114.3, 22.298],
  [114.285, 22.296],
  [114.26, 22.32],
  [114.262, 22.345],
  [114.266, 22.35],
  [114.273, 22.357],
  [114.271, 22.365],
];

/** Builds port-shelter.geojson. */
export function buildPortShelter(place: PlaceLookup, land: StoryLand): LayerBuild {
  const p = place('port_shelter');
  const sea = subtractLand(polygon([closeRing(PORT_SHELTER_SKETCH)]), land.all);
  // No official area exists for Port Shelter; the water inside the rough places.json outline
  // is reported beside the sketch's gross 20 km2 (which includes islands and shore).
  const roughWater = subtractLand(polygon([closeRing(p.outline!)]), land.all, 0);
  const f = layerFeature('port-shelter', sea.geometry, {
    name_zh_hant: '牛尾海',
    name_en: 'Port Shelter (Ngau Mei Hoi)',
    kind: 'bay',
    status: 'to be put forward for the national Beautiful Bay list',
    area_km2_turf: roundTo(areaKm2(sea), 1),
    source: `${p.source}; coastline: geo/basemap/land.geojson`,
    confidence:
      'medium-low: no official boundary; coastline from the basemap land (Hong Kong 2 m), seaward limits drawn (see geo/README.md)',
  });
  return {
    layer: { name: 'port-shelter', features: [f] },
    report: [
      areaLine(
        'Port Shelter',
        f,
        20,
        `(no official area: reference is the places.json sketch figure, gross; water inside that rough outline ${roundTo(areaKm2(roughWater), 1)} km2)`,
      ),
      `  port-shelter: overlap with land ${roundTo(landOverlapKm2(f, land.all) * 1e6, 0)} m2`,
    ],
  };
}
