/** The basemap's place labels (geo/basemap/labels.geojson): cities, districts, islands and water. */
import { readFileSync } from 'node:fs';
import { simplify } from '../../src/story/simplify.js';

/** The Mainland names of the reference sheet (geo/reference/places.json), by Traditional name. */
const SHEET_NAMES = new Map(
  (
    JSON.parse(readFileSync(new URL('../../geo/reference/places.json', import.meta.url), 'utf8')) as {
      places: { name_zh_hant: string; name_zh_hans?: string }[];
    }
  ).places.flatMap((p) => (p.name_zh_hans ? [[p.name_zh_hant, p.name_zh_hans] as const] : [])),
);

/** A place label: WGS 84 position (centres good to about 1 km), names and display rank. */
export interface LabelSpec {
  coordinates: [number, number];
  properties: {
    /** A stable id from the English name, which chapters name in `places: {basemap: [...]}`. */
    label_id: string;
    name_zh_hant: string;
    /** The name in Simplified Chinese: the reference sheet's, else converted from `name_zh_hant`. */
    name_zh_hans: string;
    name_en: string;
    kind: 'city' | 'district' | 'water' | 'island';
    rank: 1 | 2 | 3 | 4;
  };
}

const L = (
  lon: number,
  lat: number,
  zh: string,
  en: string,
  kind: LabelSpec['properties']['kind'],
  rank: LabelSpec['properties']['rank'],
): LabelSpec => ({
  coordinates: [lon, lat],
  properties: {
    label_id: labelId(en),
    name_zh_hant: zh,
    name_zh_hans: SHEET_NAMES.get(zh) ?? simplify(zh),
    name_en: en,
    kind,
    rank,
  },
});

/** The id of a label: its English name in lower case, runs of other characters as one hyphen ("Deep Bay / Shenzhen Bay" -> "deep-bay-shenzhen-bay"). */
export function labelId(en: string): string {
  return en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Place labels, rank 1 shown first. City points are the usual city-centre coordinates (±1 km). */
export const BASEMAP_LABELS: LabelSpec[] = [
  L(114.158, 22.282, '香港', 'Hong Kong', 'city', 1),
  L(114.058, 22.543, '深圳', 'Shenzhen', 'city', 1),
  L(113.264, 23.129, '廣州', 'Guangzhou', 'city', 1),
  L(113.544, 22.199, '澳門', 'Macao', 'city', 1),
  L(113.752, 23.021, '東莞', 'Dongguan', 'city', 2),
  L(114.416, 23.112, '惠州', 'Huizhou', 'city', 2),
  L(113.577, 22.271, '珠海', 'Zhuhai', 'city', 2),
  L(113.121, 23.022, '佛山', 'Foshan', 'city', 2),
  L(113.393, 22.518, '中山', 'Zhongshan', 'city', 2),
  L(113.082, 22.579, '江門', 'Jiangmen', 'city', 2),
  L(112.465, 23.047, '肇慶', 'Zhaoqing', 'city', 3),
  L(114.1, 22.42, '新界', 'New Territories', 'district', 3),
  L(114.183, 22.317, '九龍', 'Kowloon', 'district', 3),
  L(114.272, 22.383, '西貢', 'Sai Kung', 'district', 3),
  L(114.113, 22.528, '羅湖', 'Lo Wu', 'district', 4),
  L(114.221, 22.548, '沙頭角', 'Sha Tau Kok', 'district', 4),
  L(113.946, 22.262, '大嶼山', 'Lantau Island', 'island', 3),
  L(114.125, 22.205, '南丫島', 'Lamma Island', 'island', 4),
  L(113.85, 21.85, '南海', 'South China Sea', 'water', 1),
  L(113.74, 22.46, '珠江口', 'Pearl River Estuary', 'water', 2),
  L(114.44, 22.5, '大鵬灣', 'Mirs Bay', 'water', 3),
  L(113.97, 22.485, '深圳灣', 'Deep Bay / Shenzhen Bay', 'water', 3),
  L(114.17, 22.29, '維多利亞港', 'Victoria Harbour', 'water', 4),
  L(114.215, 22.445, '吐露港', 'Tolo Harbour', 'water', 4),
  // The Sai Kung waters the Port Shelter chapter names; positions read off the 2 m land (water
  // between the shores), good to about 300 m.
  L(114.305, 22.338, '牛尾海', 'Port Shelter', 'water', 4),
  L(114.286, 22.384, '西貢海', 'Inner Port Shelter', 'water', 4),
  L(114.2645, 22.3655, '白沙灣', 'Hebe Haven', 'water', 4),
];
