/**
 * Builds the GeoJSON layers of the Greater Bay Area story (geo/*.geojson) from the
 * reference facts in places.json and, for the sea areas, from the basemap land.
 *
 * Usage (from anywhere; output paths are relative to the repository):
 *   npx tsx scripts/build-story-layers.ts [places.json] [--land geo/basemap/land.geojson]
 *                                         [--boundary geo/basemap/boundary.geojson]
 * places.json defaults to geo/reference/places.json.
 *
 * Every file is RFC 7946: WGS 84 lon/lat, exterior rings counter-clockwise and holes
 * clockwise (section 3.1.6), rings closed, coordinates rounded to 6 decimals (about 0.1 m).
 * Every feature carries a string `id`, `name_zh_hant`, `name_en`, `source` and `confidence`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  area,
  bbox,
  bboxClip,
  bboxPolygon,
  difference,
  distance,
  lineIntersect,
  featureCollection,
  intersect,
  length,
  lineString,
  nearestPointOnLine,
  point,
  polygon,
  multiPolygon,
  rewind,
  transformScale,
} from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position, BBox } from 'geojson';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Command-line options. */
interface Options {
  places: string;
  land: string;
  boundary: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    places: resolve(REPO, 'geo/reference/places.json'),
    land: resolve(REPO, 'geo/basemap/land.geojson'),
    boundary: resolve(REPO, 'geo/basemap/boundary.geojson'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--land') opts.land = resolve(argv[++i]!);
    else if (a === '--boundary') opts.boundary = resolve(argv[++i]!);
    else opts.places = resolve(a);
  }
  return opts;
}

// ---------------------------------------------------------------------------
// places.json shapes (only the fields used here)

interface Place {
  id: string;
  name_en: string;
  name_zh_hant: string;
  kind: string;
  point: Position;
  bbox?: BBox;
  outline?: Position[];
  confidence: string;
  source: string;
}
interface MicRoute {
  id: string;
  name: string;
  mode: 'road' | 'sea';
  waypoints: Position[];
  length_km_estimate: number;
  confidence: string;
  source: string;
}
interface PlacesFile {
  places: Place[];
  corridor: {
    name_en: string;
    name_zh_hant: string;
    centreline: { name: string; coord: Position }[];
    confidence: string;
  };
  mic_routes: MicRoute[];
}

// ---------------------------------------------------------------------------
// Geometry utilities

type Props = Record<string, unknown> & {
  name_zh_hant: string;
  name_en: string;
  source: string;
  confidence: string;
};

const r6 = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Rounds every coordinate to 6 decimals and drops repeated vertices that rounding creates. */
function roundGeometry<G extends Geometry>(g: G): G {
  const pos = (p: Position): Position => [r6(p[0]!), r6(p[1]!)];
  const line = (ps: Position[]): Position[] =>
    ps.map(pos).filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]);
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: pos(g.coordinates) };
    case 'LineString':
      return { ...g, coordinates: line(g.coordinates) };
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(line).filter((r) => r.length >= 4) };
    case 'MultiPolygon':
      return {
        ...g,
        coordinates: g.coordinates.map((p) => p.map(line).filter((r) => r.length >= 4)).filter((p) => p.length > 0),
      };
    default:
      throw new Error(`unexpected geometry ${g.type}`);
  }
}

/** Makes one output feature: RFC 7946 winding (section 3.1.6), 6 decimals, string id first. */
function feat(id: string, geometry: Geometry, properties: Props): Feature {
  let g = geometry;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    g = rewind(g as Polygon | MultiPolygon, { reverse: false }) as Polygon | MultiPolygon;
  }
  return { type: 'Feature', id, properties, geometry: roundGeometry(g) };
}

/** Writes a FeatureCollection with one feature per line, so diffs stay readable. */
function writeLayer(name: string, features: Feature[]): void {
  const file = resolve(REPO, 'geo', `${name}.geojson`);
  mkdirSync(dirname(file), { recursive: true });
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(file, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`wrote geo/${name}.geojson (${features.length} features)`);
}

const distanceM = (a: Position, b: Position): number => distance(point(a), point(b), { units: 'meters' });
const km2 = (f: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon): number => area(f) / 1e6;
const round = (n: number, d: number): number => Math.round(n * 10 ** d) / 10 ** d;

/** Closes a ring given as an open list of vertices. */
const closed = (ring: Position[]): Position[] => [...ring, ring[0]!];

/** Scales a polygon about its centroid so that its Turf area is `targetKm2`. */
function sizeTo(poly: Feature<Polygon>, targetKm2: number): Feature<Polygon> {
  let out = poly;
  // Two passes: scaling on the sphere is not exactly quadratic.
  for (let i = 0; i < 2; i++) {
    const f = Math.sqrt(targetKm2 / km2(out));
    out = transformScale(out, f, { origin: 'centroid' }) as Feature<Polygon>;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Land: read once, clipped per area of interest

/** All land polygons of the basemap, as coordinate arrays with their bboxes. */
interface LandIndex {
  polys: { coords: Position[][]; box: BBox }[];
}

function readLand(file: string, region?: string): LandIndex {
  const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  const polys: LandIndex['polys'] = [];
  for (const f of fc.features) {
    if (region && f.properties?.['region'] !== region) continue;
    const g = f.geometry;
    const list = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const coords of list) polys.push({ coords, box: bbox(polygon(coords)) });
  }
  return { polys };
}

/** Land inside a box, as one MultiPolygon (bbox-clip per polygon; degenerate pieces dropped). */
function landIn(land: LandIndex, box: BBox): Feature<MultiPolygon> {
  const out: Position[][][] = [];
  for (const { coords, box: b } of land.polys) {
    if (b[2] < box[0] || b[0] > box[2] || b[3] < box[1] || b[1] > box[3]) continue;
    const k = bboxClip(polygon(coords), box);
    const rings = (k.geometry.coordinates as Position[][]).filter((r) => r.length >= 4);
    if (rings.length === 0) continue;
    const piece = polygon(rings);
    if (area(piece) > 1) out.push(rings);
  }
  return multiPolygon(out);
}

/** Sketch minus land (sea areas; also a sketch minus the other side's land); parts under `minKm2` are dropped. */
function seaFrom(sketch: Feature<Polygon>, land: LandIndex, minKm2 = 0.05): Feature<Polygon | MultiPolygon> {
  const b = bbox(sketch);
  const pad = 0.01;
  const l = landIn(land, [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]);
  const d: Feature<Polygon | MultiPolygon> | null = l.geometry.coordinates.length
    ? difference(featureCollection<Polygon | MultiPolygon>([sketch, l]))
    : sketch;
  if (!d) throw new Error('sea area vanished after subtracting land');
  const parts = d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates;
  const kept = parts.filter((p) => km2(polygon(p)) >= minKm2);
  kept.sort((a, c) => km2(polygon(c)) - km2(polygon(a)));
  return kept.length === 1 ? polygon(kept[0]!) : multiPolygon(kept);
}

/** Area of a polygon lying on land, in km2 (how far a sea polygon overlaps the basemap land). */
function overlapWithLand(f: Feature<Polygon | MultiPolygon>, land: LandIndex): number {
  const b = bbox(f);
  const l = landIn(land, [b[0] - 0.01, b[1] - 0.01, b[2] + 0.01, b[3] + 0.01]);
  if (l.geometry.coordinates.length === 0) return 0;
  const i = intersect(featureCollection([f, l]));
  return i ? km2(i) : 0;
}

// ---------------------------------------------------------------------------

/** Area report rows, printed at the end and copied into geo/README.md. */
const report: string[] = [];
function reportArea(label: string, f: Feature<Polygon | MultiPolygon>, officialKm2: number | null, note = ''): void {
  const a = km2(f);
  const pct = officialKm2 ? `${round((a / officialKm2) * 100, 1)}%` : 'n/a';
  report.push(`${label}: Turf ${round(a, 2)} km2; reference ${officialKm2 ?? 'none'} km2; ${pct} ${note}`.trim());
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const P = JSON.parse(readFileSync(opts.places, 'utf8')) as PlacesFile;
  const place = (id: string): Place => {
    const p = P.places.find((x) => x.id === id);
    if (!p) throw new Error(`places.json has no place ${id}`);
    return p;
  };

  const hasLand = existsSync(opts.land);
  buildCorridor(P, place);
  buildProtectedAreas(place, hasLand ? { hk: readLand(opts.land, 'HK'), cn: readLand(opts.land, 'CN') } : null);
  buildApecVenue(place);
  buildMicRoutes(P, place);
  buildPlaces(place);

  if (hasLand) {
    const land = readLand(opts.land);
    const boundary = existsSync(opts.boundary)
      ? (JSON.parse(readFileSync(opts.boundary, 'utf8')) as FeatureCollection)
      : null;
    buildPortShelter(place, land);
    buildMirsBay(place, land, boundary);
  } else {
    console.warn(`no land file at ${opts.land}: sea layers (mirs-bay, port-shelter) not rebuilt`);
  }
  console.log(report.join('\n'));
}

// ---------------------------------------------------------------------------
// 1. Corridor

function buildCorridor(P: PlacesFile, place: (id: string) => Place): void {
  const c = P.corridor;
  const coords = c.centreline.map((v) => v.coord);
  const line = lineString(coords);
  const lengthKm = round(length(line), 3);
  const at = (p: Position): number => round(nearestPointOnLine(line, point(p)).properties.location ?? 0, 2);
  const features: Feature[] = [
    feat('centreline', line.geometry, {
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
  const key: [string, string, Position, string, string, string, string][] = [
    [
      'big-wutong',
      'summit',
      place('wutong_summit').point,
      '大梧桐（943.7米）',
      'Big Wutong (943.7 m)',
      place('wutong_summit').source,
      place('wutong_summit').confidence,
    ],
    [
      'boundary-saddle',
      'boundary',
      c.centreline[4]!.coord,
      '深港邊界鞍部（約）',
      'Boundary saddle (approx.)',
      'places.json corridor.centreline vertex 5',
      'low: schematic vertex',
    ],
    [
      'lin-ma-hang-village',
      'village',
      place('lin_ma_hang_village').point,
      '蓮麻坑村',
      'Lin Ma Hang Village',
      place('lin_ma_hang_village').source,
      place('lin_ma_hang_village').confidence,
    ],
    [
      'lin-ma-hang-mine',
      'mine',
      place('lin_ma_hang_mine').point,
      '蓮麻坑鉛礦',
      'Lin Ma Hang Lead Mine',
      place('lin_ma_hang_mine').source,
      place('lin_ma_hang_mine').confidence,
    ],
    [
      'hung-fa-chai',
      'summit',
      place('hung_fa_chai').point,
      '紅花寨（489米）',
      'Hung Fa Chai (489 m)',
      place('hung_fa_chai').source,
      place('hung_fa_chai').confidence,
    ],
    [
      'robins-nest-summit',
      'summit',
      place('robins_nest_summit').point,
      '紅花嶺（492米）',
      "Robin's Nest (492 m)",
      place('robins_nest_summit').source,
      place('robins_nest_summit').confidence,
    ],
  ];
  for (const [id, kind, p, zh, en, source, confidence] of key) {
    features.push(
      feat(
        id,
        { type: 'Point', coordinates: p },
        {
          name_zh_hant: zh,
          name_en: en,
          kind,
          km_from_big_wutong: at(p),
          source,
          confidence,
        },
      ),
    );
  }
  writeLayer('corridor', features);
  report.push(`corridor centreline: Turf length ${lengthKm} km (places.json estimate 5.4 km)`);
}

// ---------------------------------------------------------------------------
// 2. Protected areas (land sketches sized to the official areas)

function buildProtectedAreas(place: (id: string) => Place, land: { hk: LandIndex; cn: LandIndex } | null): void {
  // Each sketch is kept on its own side of the boundary: Hong Kong land is cut from the Shenzhen
  // area and Mainland land from the Hong Kong park, then the sketch is rescaled and cut again.
  const otherSide = { wutongshan: land?.hk, 'robins-nest': land?.cn } as Record<string, LandIndex | undefined>;
  const items: [string, Place, number, string, string, Record<string, unknown>][] = [
    [
      'wutongshan',
      place('wutongshan_scenic_area'),
      31.82,
      '梧桐山國家級風景名勝區',
      'Wutongshan National Scenic Area',
      { area_km2_official: 31.82, forest_park: 1989, scenic_area: 2009, forest_cover_pct: 94.74 },
    ],
    [
      'robins-nest',
      place('robins_nest_cp'),
      5.3,
      '紅花嶺郊野公園',
      "Robin's Nest Country Park",
      {
        area_km2_official: 5.3,
        area_ha_official: 530,
        designated: '2024-03-01',
        opened: '2024-11-02',
        country_park_no: 25,
      },
    ],
  ];
  const features: Feature[] = [];
  for (const [id, p, target, zh, en, extra] of items) {
    let sized: Feature<Polygon | MultiPolygon> = sizeTo(polygon([closed(p.outline!)]), target);
    const other = otherSide[id];
    if (other) {
      let outline = sized as Feature<Polygon>;
      for (let i = 0; i < 4; i++) {
        sized = seaFrom(outline, other, 0.01);
        outline = transformScale(outline, Math.sqrt(target / km2(sized)), { origin: 'centroid' }) as Feature<Polygon>;
      }
      sized = seaFrom(outline, other, 0.01);
    }
    const f = feat(id, sized.geometry, {
      name_zh_hant: zh,
      name_en: en,
      kind: 'protected_area',
      ...extra,
      source: `${p.source}; outline: places.json sketch scaled about its centroid to the official area${other ? ', kept off the other side of the boundary (geo/basemap/land.geojson)' : ''}`,
      confidence: 'low: outline is a sketch sized to the official area, not a surveyed boundary',
    });
    features.push(f);
    reportArea(en, f as Feature<Polygon>, target, '(sketch scaled to the official area)');
  }
  writeLayer('protected-areas', features);
}

// ---------------------------------------------------------------------------
// 5. APEC venue

function buildApecVenue(place: (id: string) => Place): void {
  const v = place('apec_venue_siec');
  // The 20 ha footprint is a rectangle centred in the press-report bbox, not a traced site.
  const site = sizeTo(bboxPolygon(v.bbox!) as Feature<Polygon>, 0.2);
  const name_zh_hant = '深圳國際交流中心（香蜜湖國際會議中心）';
  const name_en = 'Shenzhen International Exchange Center (Xiangmihu)';
  const common = {
    event: 'APEC Economic Leaders’ Meeting, 18-19 Nov 2026 (reported venue)',
    source: `${v.source}; dates: Ministry of Foreign Affairs via stheadline 2025-12-12`,
  };
  const features = [
    feat(
      'siec',
      { type: 'Point', coordinates: v.point },
      {
        name_zh_hant,
        name_en,
        kind: 'venue',
        ...common,
        confidence: 'venue identity medium (one press report); point low, about 700 m',
      },
    ),
    feat('siec-site', site.geometry, {
      name_zh_hant: `${name_zh_hant}用地（示意）`,
      name_en: `${name_en} site (sketch)`,
      kind: 'site',
      area_ha_reported: 20,
      floor_area_m2_reported: 450000,
      ...common,
      confidence:
        'venue identity medium (one press report); footprint low: 20 ha rectangle centred in the reported bbox, about 700 m',
    }),
  ];
  writeLayer('apec-venue', features);
  reportArea('SIEC site (APEC venue)', features[1] as Feature<Polygon>, 0.2, '(rectangle sized to the reported 20 ha)');
}

// ---------------------------------------------------------------------------
// 6. MiC factories, crossings, sites and routes

function buildMicRoutes(P: PlacesFile, place: (id: string) => Place): void {
  const pts: [string, string, string, string, string][] = [
    // [feature id, places.json id, kind, zh, en]
    [
      'cimc-jiangmen',
      'f_cimc_jiangmen',
      'factory',
      '中集模塊化建築（江門新會）',
      'CIMC Modular Building Systems, Xinhui, Jiangmen',
    ],
    ['cscec-huizhou', 'f_cscec_huizhou', 'factory', '中建科工（惠州）', 'CSCEC Science & Industry, Huizhou'],
    [
      'hailong-zhuhai',
      'f_hailong_zhuhai',
      'factory',
      '中建海龍科技（珠海斗門）',
      'China State Construction Hailong, Doumen, Zhuhai',
    ],
    ['aluhouse-zhaoqing', 'f_aluhouse_zhaoqing', 'factory', '鋁遊家（肇慶）', 'AluHouse / CSCEC Greentech, Zhaoqing'],
    ['heung-yuen-wai', 'hyw_bcp', 'crossing', '香園圍／蓮塘口岸', 'Heung Yuen Wai / Liantang'],
    ['shenzhen-bay', 'shenzhen_bay_port', 'crossing', '深圳灣口岸', 'Shenzhen Bay Port'],
    ['lok-ma-chau', 'lmc_huanggang', 'crossing', '落馬洲／皇崗口岸', 'Lok Ma Chau / Huanggang'],
    ['hzmb', 'hzmb_hk_port', 'crossing', '港珠澳大橋香港口岸', 'HZMB Hong Kong Port'],
    ['hzmb-zhuhai', 'hzmb_zhuhai_port', 'crossing', '港珠澳大橋珠海公路口岸', 'HZMB Zhuhai Port'],
    ['yau-pok-road', 'yau_pok_lph', 'site', '元朗攸壆路簡約公屋', 'Yau Pok Road Light Public Housing'],
    ['kai-tak-sze-mei', 'kai_tak_lph', 'site', '啟德世運道簡約公屋', 'Kai Tak Sze Mei Street Light Public Housing'],
    ['choi-hing-road', 'choi_hing_lph', 'site', '牛頭角彩興路簡約公屋', 'Choi Hing Road Light Public Housing'],
    ['pennys-bay', 'pennys_bay_cif', 'site', '竹篙灣檢疫中心', "Penny's Bay quarantine centre"],
    ['innocell', 'innocell', 'site', '科學園創新斗室', 'InnoCell, Science Park'],
    ['legco-extension', 'legco_annex', 'site', '立法會綜合大樓擴建', 'LegCo Complex extension'],
  ];
  const features: Feature[] = [];
  for (const [id, pid, kind, zh, en] of pts) {
    const p = place(pid);
    features.push(
      feat(
        id,
        { type: 'Point', coordinates: p.point },
        {
          name_zh_hant: zh,
          name_en: en,
          kind,
          detail_en: p.name_en,
          source: p.source,
          confidence: p.confidence,
        },
      ),
    );
  }
  const routeNames: Record<string, [string, string, string | null]> = {
    mic_huizhou_hyw: [
      '惠州廠房經蓮塘／香園圍至攸壆路',
      'Huizhou to Yau Pok Road via Liantang / Heung Yuen Wai',
      'heung-yuen-wai',
    ],
    mic_zhaoqing_szbay: [
      '肇慶廠房經深中通道及深圳灣口岸至屯門',
      'Zhaoqing to Tuen Mun via the Shenzhen-Zhongshan Link and Shenzhen Bay',
      'shenzhen-bay',
    ],
    mic_zhuhai_hzmb: ['珠海廠房經港珠澳大橋至竹篙灣', "Zhuhai to Penny's Bay over the HZMB", 'hzmb'],
    mic_jiangmen_barge: ['江門廠房經躉船橫渡珠江口', 'Jiangmen by barge across the Pearl River Estuary', null],
    mic_dongguan_lmc: [
      '東莞經皇崗至落馬洲河套（舊路線）',
      'Dongguan to the Lok Ma Chau Loop via Huanggang (legacy)',
      'lok-ma-chau',
    ],
  };
  for (const r of P.mic_routes) {
    const [zh, en, crossing] = routeNames[r.id] ?? [r.name, r.name, null];
    const line = lineString(r.waypoints);
    features.push(
      feat(r.id.replace(/_/g, '-'), line.geometry, {
        name_zh_hant: zh,
        name_en: en,
        kind: 'route',
        mode: r.mode,
        // A sea route lands at a pier, not at a land boundary crossing.
        crossing,
        detail_en: r.name,
        length_km_turf: round(length(line), 1),
        length_km_estimate: r.length_km_estimate,
        source: r.source,
        confidence: `${r.confidence}; illustrative path through the listed waypoints`,
      }),
    );
  }
  writeLayer('mic-routes', features);
}

// ---------------------------------------------------------------------------
// 7. Labels

function buildPlaces(place: (id: string) => Place): void {
  const items: [string, string, string, string][] = [
    ['sha-tau-kok', 'sha_tau_kok_bcp', '沙頭角', 'Sha Tau Kok'],
    ['chung-ying-street', 'chung_ying_street', '中英街', 'Chung Ying Street'],
    ['tung-ping-chau', 'tung_ping_chau', '東平洲', 'Tung Ping Chau'],
    ['yan-chau-tong', 'yan_chau_tong', '印洲塘', 'Yan Chau Tong'],
    ['lok-ma-chau-loop', 'lmc_loop', '落馬洲河套區', 'Lok Ma Chau Loop'],
    ['xiangmi-lake', 'xiangmi_lake', '香蜜湖', 'Xiangmi Lake'],
  ];
  writeLayer(
    'places',
    items.map(([id, pid, zh, en]) => {
      const p = place(pid);
      return feat(
        id,
        { type: 'Point', coordinates: p.point },
        {
          name_zh_hant: zh,
          name_en: en,
          kind: p.kind,
          detail_en: p.name_en,
          source: p.source,
          confidence: p.confidence,
        },
      );
    }),
  );
}

// ---------------------------------------------------------------------------
// 3. Mirs Bay and 4. Port Shelter: generous sketches minus land

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
export const MIRS_BAY_MOUTH: [Position, Position] = [
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

function buildMirsBay(place: (id: string) => Place, land: LandIndex, boundary: FeatureCollection | null): void {
  const bayInfo = place('mirs_bay');
  const bay = seaFrom(polygon([closed(MIRS_BAY_SKETCH)]), land);
  // Mouth width: between the outermost points where the mouth line leaves the land.
  const cuts = lineIntersect(lineString(MIRS_BAY_MOUTH), bay).features.map((f) => f.geometry.coordinates);
  cuts.sort((a, c) => a[0]! - c[0]!);
  const mouthKm = cuts.length >= 2 ? round(distanceM(cuts[0]!, cuts[cuts.length - 1]!) / 1000, 2) : NaN;
  report.push(`Mirs Bay mouth across water: Turf ${mouthKm} km (gazetteer 9.26 km)`);
  // The Hong Kong side: south of the split line and west of 114°30'E.
  const s = MIRS_BAY_SPLIT;
  const south = Math.min(...MIRS_BAY_SKETCH.map((p) => p[1]!)) - 0.05;
  const west = Math.min(...MIRS_BAY_SKETCH.map((p) => p[0]!)) - 0.05;
  const hkSide = polygon([
    closed([...s, [HK_EAST_LIMIT, s[s.length - 1]![1]!], [HK_EAST_LIMIT, south], [west, south], [west, s[0]![1]!]]),
  ]);
  const hk = intersect(featureCollection([bay, hkSide]));
  const sz = difference(featureCollection([bay, hkSide]));
  if (!hk || !sz) throw new Error('Mirs Bay split failed');
  const end = boundary?.features[0]?.geometry;
  const endNote =
    end?.type === 'LineString'
      ? ` (the land boundary in geo/basemap/boundary.geojson ends ${round(distanceM(end.coordinates[end.coordinates.length - 1]!, s[0]!), 0)} m from it)`
      : '';
  const splitBasis = `split along a straight approximation from Order 221 Point 1 at Sha Tau Kok${endNote} to the bay's north-east corner`;
  const seaConfidence =
    'medium-low: coastline from the basemap land (Hong Kong 2 m, Mainland coarser); mouth line and inlet closing lines drawn; ';
  const features = [
    feat('mirs-bay', bay.geometry, {
      name_zh_hant: '大鵬灣',
      name_en: 'Mirs Bay / Dapeng Bay',
      kind: 'bay',
      area_km2_reference: 335,
      mouth_km_reference: 9.26,
      mouth_km_turf: mouthKm,
      area_km2_turf: round(km2(bay), 1),
      source: `${bayInfo.source}; coastline: geo/basemap/land.geojson`,
      confidence: `${seaConfidence}size checked against the gazetteer figure of about 335 km2`,
    }),
    feat('mirs-bay-sz', sz.geometry, {
      name_zh_hant: '大鵬灣（深圳段）',
      name_en: 'Dapeng Bay, Shenzhen section',
      kind: 'bay_section',
      beautiful_bay: 'national Beautiful Bay case, 2021 round, announced 2022',
      area_km2_turf: round(km2(sz), 1),
      source: `${place('dapeng_bay_sz').source}; ${splitBasis}`,
      confidence: `${seaConfidence}low for the split: ${splitBasis}; not the gazetted sea boundary`,
    }),
    feat('mirs-bay-hk', hk.geometry, {
      name_zh_hant: '大鵬灣（香港段）',
      name_en: 'Mirs Bay, Hong Kong section',
      kind: 'bay_section',
      beautiful_bay:
        'national Beautiful Bay excellent case, 4th batch, Dec 2025 (72 applications, 32 Beautiful Bays, 12 excellent cases); ' +
        'Class I water quality at all 9 monitoring stations',
      area_km2_turf: round(km2(hk), 1),
      source: `${place('mirs_bay_hk').source}; ${splitBasis}`,
      confidence: `${seaConfidence}low for the split: ${splitBasis}; not the gazetted sea boundary`,
    }),
  ];
  writeLayer('mirs-bay', features);
  reportArea('Mirs Bay', features[0] as Feature<Polygon>, 335, '(gazetteer: about 335 km2)');
  reportArea('Mirs Bay, Shenzhen section', features[1] as Feature<Polygon>, null);
  reportArea('Mirs Bay, Hong Kong section', features[2] as Feature<Polygon>, null);
  for (const f of features) {
    report.push(`  ${f.id}: overlap with land ${round(overlapWithLand(f as Feature<Polygon>, land) * 1e6, 0)} m2`);
  }
}

function buildPortShelter(place: (id: string) => Place, land: LandIndex): void {
  const p = place('port_shelter');
  const sea = seaFrom(polygon([closed(PORT_SHELTER_SKETCH)]), land);
  // No official area exists for Port Shelter; the water inside the rough places.json outline
  // is reported beside the sketch's gross 20 km2 (which includes islands and shore).
  const roughWater = seaFrom(polygon([closed(p.outline!)]), land, 0);
  const f = feat('port-shelter', sea.geometry, {
    name_zh_hant: '牛尾海',
    name_en: 'Port Shelter (Ngau Mei Hoi)',
    kind: 'bay',
    status: 'to be put forward for the national Beautiful Bay list',
    area_km2_turf: round(km2(sea), 1),
    source: `${p.source}; coastline: geo/basemap/land.geojson`,
    confidence:
      'medium-low: no official boundary; coastline from the basemap land (Hong Kong 2 m), seaward limits drawn (see geo/README.md)',
  });
  writeLayer('port-shelter', [f]);
  reportArea(
    'Port Shelter',
    f as Feature<Polygon>,
    20,
    `(no official area: reference is the places.json sketch figure, gross; water inside that rough outline ${round(km2(roughWater), 1)} km2)`,
  );
  report.push(`  port-shelter: overlap with land ${round(overlapWithLand(f as Feature<Polygon>, land) * 1e6, 0)} m2`);
}

main();
