/** The places layer: label points for places the story names, taken from places.json. */
import { placePoint, type Ground, type LayerBuild } from './layer.js';
import type { PlaceLookup } from './places-file.js';

/** A label: feature id, places.json id and the names shown. */
interface Label {
  id: string;
  place: string;
  name_zh_hant: string;
  name_en: string;
  on?: Ground;
  /** Bordered by the land boundary (checked within 300 m of it). */
  by_boundary?: boolean;
}

const LABELS: Label[] = [
  // The Sha Tau Kok label stands on the control point, which is on the land boundary.
  { id: 'sha-tau-kok', place: 'sha_tau_kok_bcp', name_zh_hant: '沙頭角', name_en: 'Sha Tau Kok' },
  {
    id: 'chung-ying-street',
    place: 'chung_ying_street',
    name_zh_hant: '中英街',
    name_en: 'Chung Ying Street',
    by_boundary: true,
  },
  { id: 'tung-ping-chau', place: 'tung_ping_chau', name_zh_hant: '東平洲', name_en: 'Tung Ping Chau' },
  { id: 'yan-chau-tong', place: 'yan_chau_tong', name_zh_hant: '印洲塘', name_en: 'Yan Chau Tong', on: 'water' },
  {
    id: 'lok-ma-chau-loop',
    place: 'lmc_loop',
    name_zh_hant: '落馬洲河套區',
    name_en: 'Lok Ma Chau Loop',
    by_boundary: true,
  },
  { id: 'xiangmi-lake', place: 'xiangmi_lake', name_zh_hant: '香蜜湖', name_en: 'Xiangmi Lake' },
];

/** Builds places.geojson. */
export function buildPlaceLabels(place: PlaceLookup): LayerBuild {
  const features = LABELS.map((l) => {
    const p = place(l.place);
    // A control point is checked against the land boundary as well as the ground.
    const extra = {
      ...(p.kind === 'border_crossing' ? { crossing_type: 'land_boundary' } : {}),
      ...(l.by_boundary ? { by_boundary: true } : {}),
    };
    return placePoint(l.id, p, { ...l, kind: p.kind, extra });
  });
  return { layer: { name: 'places', features }, report: [] };
}
