/** The apec-venue layer: the reported venue point and a 20 ha site rectangle. */
import { bboxPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { scaleToArea } from '../lib/geometry.js';
import { areaLine, layerFeature, type LayerBuild } from './layer.js';
import type { PlaceLookup } from './places-file.js';

/** Builds apec-venue.geojson. */
export function buildApecVenue(place: PlaceLookup): LayerBuild {
  const v = place('apec_venue_siec');
  // The 20 ha footprint is a rectangle centred in the press-report bbox, not a traced site.
  const site = scaleToArea(bboxPolygon(v.bbox!) as Feature<Polygon>, 0.2);
  const name_zh_hant = '深圳國際交流中心（香蜜湖國際會議中心）';
  const name_en = 'Shenzhen International Exchange Center (Xiangmihu)';
  const common = {
    event: 'APEC Economic Leaders’ Meeting, 18-19 Nov 2026 (reported venue)',
    source: `${v.source}; dates: Ministry of Foreign Affairs via stheadline 2025-12-12`,
  };
  const venue = layerFeature(
    'siec',
    { type: 'Point', coordinates: v.point },
    {
      name_zh_hant,
      name_en,
      kind: 'venue',
      on: 'land',
      ...common,
      confidence: 'venue identity medium (one press report); point low, about 700 m',
    },
  );
  const footprint = layerFeature('siec-site', site.geometry, {
    name_zh_hant: `${name_zh_hant}用地（示意）`,
    name_en: `${name_en} site (sketch)`,
    kind: 'site',
    area_ha_reported: 20,
    floor_area_m2_reported: 450000,
    ...common,
    confidence:
      'venue identity medium (one press report); footprint low: 20 ha rectangle centred in the reported bbox, about 700 m',
  });
  return {
    layer: { name: 'apec-venue', features: [venue, footprint] },
    report: [areaLine('SIEC site (APEC venue)', footprint, 0.2, '(rectangle sized to the reported 20 ha)')],
  };
}
