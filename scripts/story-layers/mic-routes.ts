/** The mic-routes layer: MiC factories, boundary crossings and sites, and the routes between them. */
import { length, lineString } from '@turf/turf';
import type { Feature } from 'geojson';
import { roundTo } from '../lib/geometry.js';
import { layerFeature, placePoint, type LayerBuild } from './layer.js';
import type { PlaceLookup, PlacesFile } from './places-file.js';

/** A point of the layer: feature id, places.json id, kind and the names shown. */
interface MicPoint {
  id: string;
  place: string;
  kind: 'factory' | 'crossing' | 'site';
  name_zh_hant: string;
  name_en: string;
}

const POINTS: MicPoint[] = [
  {
    id: 'cimc-jiangmen',
    place: 'f_cimc_jiangmen',
    kind: 'factory',
    name_zh_hant: '中集模塊化建築（江門新會）',
    name_en: 'CIMC Modular Building Systems, Xinhui, Jiangmen',
  },
  {
    id: 'cscec-huizhou',
    place: 'f_cscec_huizhou',
    kind: 'factory',
    name_zh_hant: '中建科工（惠州）',
    name_en: 'CSCEC Science & Industry, Huizhou',
  },
  {
    id: 'hailong-zhuhai',
    place: 'f_hailong_zhuhai',
    kind: 'factory',
    name_zh_hant: '中建海龍科技（珠海斗門）',
    name_en: 'China State Construction Hailong, Doumen, Zhuhai',
  },
  {
    id: 'aluhouse-zhaoqing',
    place: 'f_aluhouse_zhaoqing',
    kind: 'factory',
    name_zh_hant: '鋁遊家（肇慶）',
    name_en: 'AluHouse / CSCEC Greentech, Zhaoqing',
  },
  {
    id: 'heung-yuen-wai',
    place: 'hyw_bcp',
    kind: 'crossing',
    name_zh_hant: '香園圍／蓮塘口岸',
    name_en: 'Heung Yuen Wai / Liantang',
  },
  {
    id: 'shenzhen-bay',
    place: 'shenzhen_bay_port',
    kind: 'crossing',
    name_zh_hant: '深圳灣口岸',
    name_en: 'Shenzhen Bay Port',
  },
  {
    id: 'lok-ma-chau',
    place: 'lmc_huanggang',
    kind: 'crossing',
    name_zh_hant: '落馬洲／皇崗口岸',
    name_en: 'Lok Ma Chau / Huanggang',
  },
  {
    id: 'hzmb',
    place: 'hzmb_hk_port',
    kind: 'crossing',
    name_zh_hant: '港珠澳大橋香港口岸',
    name_en: 'HZMB Hong Kong Port',
  },
  {
    id: 'hzmb-zhuhai',
    place: 'hzmb_zhuhai_port',
    kind: 'crossing',
    name_zh_hant: '港珠澳大橋珠海公路口岸',
    name_en: 'HZMB Zhuhai Port',
  },
  {
    id: 'yau-pok-road',
    place: 'yau_pok_lph',
    kind: 'site',
    name_zh_hant: '元朗攸壆路簡約公屋',
    name_en: 'Yau Pok Road Light Public Housing',
  },
  {
    id: 'kai-tak-sze-mei',
    place: 'kai_tak_lph',
    kind: 'site',
    name_zh_hant: '啟德世運道簡約公屋',
    name_en: 'Kai Tak Sze Mei Street Light Public Housing',
  },
  {
    id: 'choi-hing-road',
    place: 'choi_hing_lph',
    kind: 'site',
    name_zh_hant: '牛頭角彩興路簡約公屋',
    name_en: 'Choi Hing Road Light Public Housing',
  },
  {
    id: 'pennys-bay',
    place: 'pennys_bay_cif',
    kind: 'site',
    name_zh_hant: '竹篙灣檢疫中心',
    name_en: "Penny's Bay quarantine centre",
  },
  {
    id: 'innocell',
    place: 'innocell',
    kind: 'site',
    name_zh_hant: '科學園創新斗室',
    name_en: 'InnoCell, Science Park',
  },
  {
    id: 'legco-extension',
    place: 'legco_annex',
    kind: 'site',
    name_zh_hant: '立法會綜合大樓擴建',
    name_en: 'LegCo Complex extension',
  },
];

/** What a route shows, by places.json route id: its names and the crossing it uses (null for none). */
interface RouteNames {
  name_zh_hant: string;
  name_en: string;
  crossing: string | null;
}

const ROUTES: Record<string, RouteNames> = {
  mic_huizhou_hyw: {
    name_zh_hant: '惠州廠房經蓮塘／香園圍至攸壆路',
    name_en: 'Huizhou to Yau Pok Road via Liantang / Heung Yuen Wai',
    crossing: 'heung-yuen-wai',
  },
  mic_zhaoqing_szbay: {
    name_zh_hant: '肇慶廠房經深中通道及深圳灣口岸至屯門',
    name_en: 'Zhaoqing to Tuen Mun via the Shenzhen-Zhongshan Link and Shenzhen Bay',
    crossing: 'shenzhen-bay',
  },
  mic_zhuhai_hzmb: {
    name_zh_hant: '珠海廠房經港珠澳大橋至竹篙灣',
    name_en: "Zhuhai to Penny's Bay over the HZMB",
    crossing: 'hzmb',
  },
  // A sea route lands at a pier, not at a land boundary crossing.
  mic_jiangmen_barge: {
    name_zh_hant: '江門廠房經躉船橫渡珠江口',
    name_en: 'Jiangmen by barge across the Pearl River Estuary',
    crossing: null,
  },
  mic_dongguan_lmc: {
    name_zh_hant: '東莞經皇崗至落馬洲河套（舊路線）',
    name_en: 'Dongguan to the Lok Ma Chau Loop via Huanggang (legacy)',
    crossing: 'lok-ma-chau',
  },
};

/** Builds mic-routes.geojson: the points first, then one line per route of places.json. */
export function buildMicRoutes(facts: PlacesFile, place: PlaceLookup): LayerBuild {
  const features: Feature[] = POINTS.map((m) => placePoint(m.id, place(m.place), m));
  for (const r of facts.mic_routes) {
    const names = ROUTES[r.id] ?? { name_zh_hant: r.name, name_en: r.name, crossing: null };
    const line = lineString(r.waypoints);
    features.push(
      layerFeature(r.id.replace(/_/g, '-'), line.geometry, {
        name_zh_hant: names.name_zh_hant,
        name_en: names.name_en,
        kind: 'route',
        mode: r.mode,
        crossing: names.crossing,
        detail_en: r.name,
        length_km_turf: roundTo(length(line), 1),
        length_km_estimate: r.length_km_estimate,
        source: r.source,
        confidence: `${r.confidence}; illustrative path through the listed waypoints`,
      }),
    );
  }
  return { layer: { name: 'mic-routes', features }, report: [] };
}
