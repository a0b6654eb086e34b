/** The mic-routes layer: MiC factories, boundary crossings and sites, and the routes between them. */
import { length, lineString, nearestPointOnLine, point } from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';
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
  /** For a crossing: on the land boundary (checked within 300 m of it), in Shenzhen Bay, or a bridge port. */
  crossing_type?: 'land_boundary' | 'bay_colocated' | 'bridge_port';
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
    crossing_type: 'land_boundary',
  },
  {
    id: 'shenzhen-bay',
    place: 'shenzhen_bay_port',
    kind: 'crossing',
    name_zh_hant: '深圳灣口岸',
    name_en: 'Shenzhen Bay Port',
    crossing_type: 'bay_colocated',
  },
  {
    id: 'lok-ma-chau',
    place: 'lmc_huanggang',
    kind: 'crossing',
    name_zh_hant: '落馬洲／皇崗口岸',
    name_en: 'Lok Ma Chau / Huanggang',
    crossing_type: 'land_boundary',
  },
  {
    id: 'hzmb',
    place: 'hzmb_hk_port',
    kind: 'crossing',
    name_zh_hant: '港珠澳大橋香港口岸',
    name_en: 'HZMB Hong Kong Port',
    crossing_type: 'bridge_port',
  },
  {
    id: 'hzmb-zhuhai',
    place: 'hzmb_zhuhai_port',
    kind: 'crossing',
    name_zh_hant: '港珠澳大橋珠海公路口岸',
    name_en: 'HZMB Zhuhai Port',
    crossing_type: 'bridge_port',
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
  {
    id: 'rtt-tuen-mun',
    place: 'rtt_tuen_mun',
    kind: 'site',
    name_zh_hant: '屯門內河碼頭',
    name_en: 'River Trade Terminal, Tuen Mun',
  },
  {
    id: 'tuen-mun-lph',
    place: 'tuen_mun_lph_zhaoqing',
    kind: 'site',
    name_zh_hant: '屯門簡約公屋（第54區及小欖）',
    name_en: 'Tuen Mun Light Public Housing (Area 54, Siu Lam)',
  },
];

/** What a route shows, by places.json route id: its names and the crossing it uses (null for none). */
interface RouteNames {
  name_zh_hant: string;
  name_en: string;
  crossing: string | null;
  /** The point features the route starts and ends at; a start without a sourced site is null, with `from_note` saying so. */
  from: string | null;
  from_note?: string;
  to: string;
  /** Stretches a road crosses water on (bridges, tunnels), or where the coarse Mainland coast lacks land that is there. */
  over_water?: WaterStretch[];
  /** A path drawn over the Hong Kong 2 m land, replacing the reference's waypoints from `from_waypoint` on. */
  redrawn?: { from_waypoint: number; path: Position[]; source: string };
}

/** A stretch of a road route over water, between two positions on (or next to) the route. */
interface WaterStretch {
  kind: 'bridge' | 'tunnel' | 'bridge_and_tunnel' | 'coarse_coast';
  name_zh_hant: string;
  name_en: string;
  from: Position;
  to: Position;
}

const ROUTES: Record<string, RouteNames> = {
  mic_huizhou_hyw: {
    name_zh_hant: '惠州廠房經蓮塘／香園圍至攸壆路',
    name_en: 'Huizhou to Yau Pok Road via Liantang / Heung Yuen Wai',
    crossing: 'heung-yuen-wai',
    from: 'cscec-huizhou',
    to: 'yau-pok-road',
  },
  mic_zhaoqing_szbay: {
    name_zh_hant: '肇慶廠房經深中通道及深圳灣口岸至屯門',
    name_en: 'Zhaoqing to Tuen Mun via the Shenzhen-Zhongshan Link and Shenzhen Bay',
    crossing: 'shenzhen-bay',
    from: 'aluhouse-zhaoqing',
    to: 'tuen-mun-lph',
    over_water: [
      {
        kind: 'bridge_and_tunnel',
        name_zh_hant: '橫門水道及深中通道（橋樑、人工島及海底隧道）',
        name_en: 'Hengmen waterway and the Shenzhen-Zhongshan Link (bridges, artificial islands, undersea tunnel)',
        from: [113.54, 22.625],
        to: [113.82, 22.607],
      },
      {
        kind: 'bridge',
        name_zh_hant: '深圳灣公路大橋',
        name_en: 'Shenzhen Bay Bridge',
        from: [113.9447, 22.5039],
        to: [113.988, 22.47],
      },
    ],
  },
  mic_zhuhai_hzmb: {
    name_zh_hant: '珠海廠房經港珠澳大橋至竹篙灣',
    name_en: "Zhuhai to Penny's Bay over the HZMB",
    crossing: 'hzmb',
    from: 'hailong-zhuhai',
    to: 'pennys-bay',
    over_water: [
      {
        kind: 'coarse_coast',
        name_zh_hant: '珠海連接線至口岸人工島（粗略海岸線缺此填海地）',
        name_en: 'Zhuhai Link Road to the port island (reclaimed land the coarse Mainland coast lacks)',
        from: [113.548, 22.219],
        to: [113.577, 22.2094],
      },
      {
        kind: 'bridge_and_tunnel',
        name_zh_hant: '港珠澳大橋主橋、海底隧道及香港接線',
        name_en: 'Hong Kong-Zhuhai-Macao Bridge main bridge and tunnel, and the Hong Kong Link Road',
        from: [113.577, 22.2094],
        to: [113.955, 22.3169],
      },
      {
        kind: 'bridge',
        name_zh_hant: '屯門至赤鱲角連接路南面連接路（高架橋）',
        name_en: 'Tuen Mun-Chek Lap Kok Link southern connection (viaduct)',
        from: [113.955, 22.3169],
        to: [113.9585, 22.303],
      },
    ],
    // The reference's straight line from the port island to Penny's Bay crosses Tung Chung Bay and the
    // sea off Siu Ho Wan; the road follows the shore.
    redrawn: {
      from_waypoint: 10,
      path: [
        [113.955, 22.3169],
        [113.9585, 22.303],
        [113.962, 22.2935],
        [113.99, 22.2935],
        [114.005, 22.306],
        [114.015, 22.3125],
        [114.032, 22.3175],
        [114.045, 22.322],
        [114.05, 22.32],
      ],
      source:
        "Hong Kong end redrawn on hk_terrestrial_2m: Tuen Mun-Chek Lap Kok Link southern connection to Tung Chung East, then the North Lantau Highway along the shore to Penny's Bay",
    },
  },
  // A sea route lands at a pier, not at a land boundary crossing.
  mic_jiangmen_barge: {
    name_zh_hant: '江門廠房經躉船橫渡珠江口',
    name_en: 'Jiangmen by barge across the Pearl River Estuary',
    crossing: null,
    from: 'cimc-jiangmen',
    to: 'rtt-tuen-mun',
  },
  mic_dongguan_lmc: {
    name_zh_hant: '東莞經皇崗至落馬洲河套（舊路線）',
    name_en: 'Dongguan to the Lok Ma Chau Loop via Huanggang (legacy)',
    crossing: 'lok-ma-chau',
    from: null,
    from_note: 'no sourced factory: the route starts at Dongguan city level',
    to: 'lok-ma-chau-loop',
  },
};

/** A stretch's km range along the line, from its two positions' nearest points (in route order). */
function stretchKm(line: Feature<LineString>, w: WaterStretch): Record<string, unknown> {
  const km = (p: Position): number => roundTo(nearestPointOnLine(line, point(p)).properties.location ?? 0, 2);
  const [a, b] = [km(w.from), km(w.to)].sort((x, y) => x - y);
  return { kind: w.kind, name_zh_hant: w.name_zh_hant, name_en: w.name_en, from_km: a, to_km: b };
}

/** Builds mic-routes.geojson: the points first, then one line per route of places.json. */
export function buildMicRoutes(facts: PlacesFile, place: PlaceLookup): LayerBuild {
  const features: Feature[] = POINTS.map((m) =>
    placePoint(m.id, place(m.place), { ...m, extra: m.crossing_type ? { crossing_type: m.crossing_type } : undefined }),
  );
  for (const r of facts.mic_routes) {
    const names = ROUTES[r.id];
    if (!names) throw new Error(`mic-routes: no names for the route ${r.id} of places.json`);
    const waypoints = names.redrawn
      ? [...r.waypoints.slice(0, names.redrawn.from_waypoint), ...names.redrawn.path]
      : r.waypoints;
    const line = lineString(waypoints);
    features.push(
      layerFeature(r.id.replace(/_/g, '-'), line.geometry, {
        name_zh_hant: names.name_zh_hant,
        name_en: names.name_en,
        kind: 'route',
        mode: r.mode,
        crossing: names.crossing,
        from: names.from,
        ...(names.from_note ? { from_note: names.from_note } : {}),
        to: names.to,
        ...(names.over_water ? { over_water: names.over_water.map((w) => stretchKm(line, w)) } : {}),
        detail_en: r.name,
        length_km_turf: roundTo(length(line), 1),
        length_km_estimate: r.length_km_estimate,
        source: names.redrawn ? `${r.source}; ${names.redrawn.source}` : r.source,
        confidence: `${r.confidence}; illustrative path through the listed waypoints`,
      }),
    );
  }
  return { layer: { name: 'mic-routes', features }, report: [] };
}
