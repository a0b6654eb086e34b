/** The corridor layer: the Wutongshan - Robin's Nest centreline and its key points, with their distance along it. */
import { length, lineString, nearestPointOnLine, point, pointToLineDistance } from '@turf/turf';
import type { Feature, Position } from 'geojson';
import { roundTo } from '../lib/geometry.js';
import { layerFeature, type LayerBuild } from './layer.js';
import type { PlaceLookup, PlacesFile } from './places-file.js';

/** A key point: a place of places.json, or a vertex of the centreline with its own source. */
type KeyPoint = { id: string; kind: string; name_zh_hant: string; name_en: string } & (
  { place: string } | { vertex: number; source: string; confidence: string }
);

/** The key points, from Big Wutong (km 0) to Robin's Nest. */
const KEY_POINTS: KeyPoint[] = [
  {
    id: 'big-wutong',
    kind: 'summit',
    place: 'wutong_summit',
    name_zh_hant: '大梧桐（943.7米）',
    name_en: 'Big Wutong (943.7 m)',
  },
  {
    id: 'boundary-saddle',
    kind: 'boundary',
    vertex: 4,
    name_zh_hant: '伯公坳（深港邊界鞍部）',
    name_en: 'Pak Kung Au (boundary saddle)',
    source:
      "places.json corridor.centreline vertex 5: State Council Order No. 221, Point 5 (22°33′23.49″N 114°12′24.25″E), People's Daily 1997-07-01",
    confidence: 'high: a gazetted boundary point',
  },
  {
    id: 'lin-ma-hang-village',
    kind: 'village',
    place: 'lin_ma_hang_village',
    name_zh_hant: '蓮麻坑村',
    name_en: 'Lin Ma Hang Village',
  },
  {
    id: 'lin-ma-hang-mine',
    kind: 'mine',
    place: 'lin_ma_hang_mine',
    name_zh_hant: '蓮麻坑鉛礦',
    name_en: 'Lin Ma Hang Lead Mine',
  },
  {
    id: 'hung-fa-chai',
    kind: 'summit',
    place: 'hung_fa_chai',
    name_zh_hant: '紅花寨（489米）',
    name_en: 'Hung Fa Chai (489 m)',
  },
  {
    id: 'robins-nest-summit',
    kind: 'summit',
    place: 'robins_nest_summit',
    name_zh_hant: '紅花嶺（492米）',
    name_en: "Robin's Nest (492 m)",
  },
];

/**
 * How far off the centreline (metres) a key point may be and still get a km from Big Wutong: a
 * chainage of a point 1.6 km away (Lin Ma Hang village) would read as a place on the corridor.
 */
export const CHAINAGE_MAX_OFF_M = 100;

/** Builds corridor.geojson: the centreline, then each key point, with its km from Big Wutong when it lies on the line. */
export function buildCorridor(facts: PlacesFile, place: PlaceLookup): LayerBuild {
  const c = facts.corridor;
  const line = lineString(c.centreline.map((v) => v.coord));
  const lengthKm = roundTo(length(line), 3);
  const kmAlong = (p: Position): number => roundTo(nearestPointOnLine(line, point(p)).properties.location ?? 0, 2);
  const chainage = (p: Position): Record<string, number> => {
    const off = pointToLineDistance(point(p), line, { units: 'meters' });
    return off <= CHAINAGE_MAX_OFF_M ? { km_from_big_wutong: kmAlong(p) } : { m_off_centreline: Math.round(off) };
  };
  const features: Feature[] = [
    layerFeature('centreline', line.geometry, {
      name_zh_hant: '梧桐山—紅花嶺生態廊道（中線示意）',
      name_en: "Wutongshan - Robin's Nest ecological corridor (indicative centreline)",
      kind: 'centreline',
      length_km: lengthKm,
      vertices: c.centreline.map((v) => v.name),
      source:
        'vertices: places.json corridor.centreline; framework agreement 15 Aug 2024: RTHK 2024-08-15; ' +
        'joint biodiversity survey completed 2025: Ta Kung Pao 2026',
      confidence: c.confidence,
    }),
  ];
  for (const k of KEY_POINTS) {
    const from = 'place' in k ? place(k.place) : { point: c.centreline[k.vertex]!.coord, ...k };
    features.push(
      layerFeature(
        k.id,
        { type: 'Point', coordinates: from.point },
        {
          name_zh_hant: k.name_zh_hant,
          name_en: k.name_en,
          kind: k.kind,
          on: 'land',
          ...chainage(from.point),
          source: from.source,
          confidence: from.confidence,
        },
      ),
    );
  }
  return {
    layer: { name: 'corridor', features },
    report: [
      `corridor centreline: Turf length ${lengthKm} km (places.json estimate ${c.centreline_length_km_estimate} km)`,
    ],
  };
}
