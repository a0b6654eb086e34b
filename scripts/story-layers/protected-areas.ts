/** The protected-areas layer: places.json sketches sized to the official areas, each kept on its side of the boundary. */
import { polygon, transformScale } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { areaKm2, closeRing, scaleToArea } from '../lib/geometry.js';
import { areaLine, layerFeature, type LayerBuild } from './layer.js';
import { subtractLand, type LandIndex, type StoryLand } from './land.js';
import type { PlaceLookup } from './places-file.js';

/** A protected area: its sketch in places.json, its official area, and the side of the boundary it is not on. */
interface ProtectedArea {
  id: string;
  place: string;
  officialKm2: number;
  /** The other side's land, which is cut from the sketch. */
  otherSide: 'hk' | 'cn';
  name_zh_hant: string;
  name_en: string;
  /** Facts copied into the feature's properties. */
  facts: Record<string, unknown>;
}

const AREAS: ProtectedArea[] = [
  {
    id: 'wutongshan',
    place: 'wutongshan_scenic_area',
    officialKm2: 31.82,
    otherSide: 'hk',
    name_zh_hant: '梧桐山國家級風景名勝區',
    name_en: 'Wutongshan National Scenic Area',
    facts: { area_km2_official: 31.82, forest_park: 1989, scenic_area: 2009, forest_cover_pct: 94.74 },
  },
  {
    id: 'robins-nest',
    place: 'robins_nest_cp',
    officialKm2: 5.3,
    otherSide: 'cn',
    name_zh_hant: '紅花嶺郊野公園',
    name_en: "Robin's Nest Country Park",
    facts: {
      area_km2_official: 5.3,
      area_ha_official: 530,
      designated: '2024-03-01',
      opened: '2024-11-02',
      country_park_no: 25,
    },
  },
];

/**
 * The sketch scaled to `targetKm2`, then, with the other side's land, cut and rescaled until the
 * area matches again (cutting shrinks it, rescaling moves the cut edge).
 */
function sizedOutline(
  sketch: Feature<Polygon>,
  targetKm2: number,
  other: LandIndex | undefined,
): Feature<Polygon | MultiPolygon> {
  let sized: Feature<Polygon | MultiPolygon> = scaleToArea(sketch, targetKm2);
  if (!other) return sized;
  let outline = sized as Feature<Polygon>;
  for (let i = 0; i < 4; i++) {
    sized = subtractLand(outline, other, 0.01);
    outline = transformScale(outline, Math.sqrt(targetKm2 / areaKm2(sized)), {
      origin: 'centroid',
    }) as Feature<Polygon>;
  }
  return subtractLand(outline, other, 0.01);
}

/** Builds protected-areas.geojson; without land the sketches are only sized. */
export function buildProtectedAreas(place: PlaceLookup, land: StoryLand | null): LayerBuild {
  const features: Feature[] = [];
  const report: string[] = [];
  for (const a of AREAS) {
    const p = place(a.place);
    const other = land?.[a.otherSide];
    const sized = sizedOutline(polygon([closeRing(p.outline!)]), a.officialKm2, other);
    const f = layerFeature(a.id, sized.geometry, {
      name_zh_hant: a.name_zh_hant,
      name_en: a.name_en,
      kind: 'protected_area',
      ...a.facts,
      source: `${p.source}; outline: places.json sketch scaled about its centroid to the official area${other ? ', kept off the other side of the boundary (geo/basemap/land.geojson)' : ''}`,
      confidence: 'low: outline is a sketch sized to the official area, not a surveyed boundary',
    });
    features.push(f);
    report.push(areaLine(a.name_en, f, a.officialKm2, '(sketch scaled to the official area)'));
  }
  return { layer: { name: 'protected-areas', features }, report };
}
