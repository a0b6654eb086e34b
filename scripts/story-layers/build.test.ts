import { polygon } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, closeRing, polygonsOf, signedRingArea } from '../lib/geometry';
import { buildStoryLayers } from './build';
import { landIndex, landOverlapKm2, subtractLand, type StoryLand } from './land';
import { layerFeature, layerText } from './layer';
import { MIRS_BAY_SKETCH } from './mirs-bay';
import type { Place, PlacesFile } from './places-file';

/** A square ring (open) of side `d` degrees with its south-west corner at [x, y]. */
const square = (x: number, y: number, d: number): Position[] => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
];

/** Every place the builders look up, each at its own point; outlines and bboxes where a builder needs one. */
const PLACE_IDS = [
  'wutong_summit',
  'lin_ma_hang_village',
  'lin_ma_hang_mine',
  'hung_fa_chai',
  'robins_nest_summit',
  'f_cimc_jiangmen',
  'f_cscec_huizhou',
  'f_hailong_zhuhai',
  'f_aluhouse_zhaoqing',
  'hyw_bcp',
  'shenzhen_bay_port',
  'lmc_huanggang',
  'hzmb_hk_port',
  'hzmb_zhuhai_port',
  'yau_pok_lph',
  'kai_tak_lph',
  'choi_hing_lph',
  'pennys_bay_cif',
  'innocell',
  'legco_annex',
  'rtt_tuen_mun',
  'tuen_mun_lph_zhaoqing',
  'sha_tau_kok_bcp',
  'chung_ying_street',
  'tung_ping_chau',
  'yan_chau_tong',
  'lmc_loop',
  'xiangmi_lake',
  'mirs_bay',
  'mirs_bay_hk',
  'dapeng_bay_sz',
];

function smallFacts(): PlacesFile {
  const place = (id: string, point: Position, extra: Partial<Place> = {}): Place => ({
    id,
    name_en: `${id} (en)`,
    name_zh_hant: `${id} (zh)`,
    kind: 'place',
    point,
    confidence: 'test',
    source: `source of ${id}`,
    ...extra,
  });
  return {
    places: [
      ...PLACE_IDS.map((id, i) => place(id, [114 + i * 0.001, 22.5])),
      place('wutongshan_scenic_area', [114.2, 22.6], { outline: square(114.18, 22.58, 0.04) }),
      place('robins_nest_cp', [114.2, 22.52], { outline: square(114.19, 22.51, 0.02) }),
      place('apec_venue_siec', [114.03, 22.55], { bbox: [114.02, 22.54, 114.04, 22.56] }),
      place('port_shelter', [114.29, 22.33], { outline: square(114.27, 22.31, 0.04) }),
    ],
    corridor: {
      name_en: 'Corridor',
      name_zh_hant: '廊道',
      // Along the meridian 114.2 E, 0.1° of latitude: 11.1195 km on Turf's sphere (11.12 at 3 decimals).
      centreline: [22.6, 22.58, 22.56, 22.54, 22.52, 22.5].map((lat, i) => ({ name: `v${i}`, coord: [114.2, lat] })),
      centreline_length_km_estimate: 11,
      confidence: 'test',
    },
    mic_routes: [
      {
        id: 'mic_jiangmen_barge',
        name: 'Barge',
        mode: 'sea',
        waypoints: [
          [113.1, 22.6],
          [113.9, 22.4],
        ],
        length_km_estimate: 100,
        confidence: 'test',
        source: 'route source',
      },
      {
        id: 'mic_zhuhai_hzmb',
        name: 'Zhuhai',
        mode: 'road',
        waypoints: [
          [113.3, 22.2],
          [113.577, 22.2094],
          [113.7, 22.25],
          [113.8, 22.28],
          [113.85, 22.29],
          [113.87, 22.29],
          [113.9, 22.3],
          [113.91, 22.3],
          [113.92, 22.3],
          [113.935, 22.302],
          [113.955, 22.3169],
          [114.05, 22.32],
        ],
        length_km_estimate: 90,
        confidence: 'test',
        source: 'route source',
      },
    ],
  };
}

const ids = (features: Feature[]) => features.map((f) => f.id);
const polygonFeature = (f: Feature) => f as Feature<Polygon>;

/** Every ring of every polygon in the features is closed and wound as RFC 7946 section 3.1.6 asks. */
function expectWound(features: Feature[]) {
  for (const f of features) {
    const g = f.geometry as Geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    for (const p of polygonsOf(g))
      p.forEach((ring, i) => {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(signedRingArea(ring) > 0, `${f.id} ring ${i}`).toBe(i === 0);
      });
  }
}

describe('buildStoryLayers without land', () => {
  const { layers, report } = buildStoryLayers(smallFacts(), null);
  const layer = (name: string) => layers.find((l) => l.name === name)!.features;

  it('builds the land layers in order, and no sea layer', () => {
    expect(layers.map((l) => l.name)).toEqual(['corridor', 'protected-areas', 'apec-venue', 'mic-routes', 'places']);
  });

  it('gives every feature a string id, both names, a source and a confidence', () => {
    for (const f of layers.flatMap((l) => l.features)) {
      expect(typeof f.id).toBe('string');
      for (const key of ['name_zh_hant', 'name_en', 'source', 'confidence'])
        expect(typeof f.properties?.[key], `${f.id} ${key}`).toBe('string');
    }
    expectWound(layers.flatMap((l) => l.features));
  });

  it('measures the corridor and places its key points along it', () => {
    const corridor = layer('corridor');
    expect(ids(corridor)).toEqual([
      'centreline',
      'big-wutong',
      'boundary-saddle',
      'lin-ma-hang-village',
      'lin-ma-hang-mine',
      'hung-fa-chai',
      'robins-nest-summit',
    ]);
    expect(corridor[0]!.properties!['length_km']).toBeCloseTo(11.12, 2);
    // The saddle is vertex 5 of the centreline: 0.08° of latitude from its start.
    const saddle = corridor[2]!;
    expect(saddle.geometry).toEqual({ type: 'Point', coordinates: [114.2, 22.52] });
    expect(saddle.properties!['km_from_big_wutong']).toBeCloseTo(8.9, 1);
    // Lin Ma Hang village stands 0.199° of longitude west of the line: no chainage, its offset instead.
    expect(corridor[3]!.properties).not.toHaveProperty('km_from_big_wutong');
    expect(corridor[3]!.properties!['m_off_centreline']).toBeCloseTo(20_470, -2);
    expect(report[0]).toBe('corridor centreline: Turf length 11.12 km (places.json estimate 11 km)');
  });

  it('sizes the protected areas and the APEC site to their official and reported areas', () => {
    const [wutong, robin] = layer('protected-areas');
    expect(areaKm2(polygonFeature(wutong!))).toBeCloseTo(31.82, 2);
    expect(areaKm2(polygonFeature(robin!))).toBeCloseTo(5.3, 2);
    expect(ids(layer('apec-venue'))).toEqual(['siec', 'siec-site']);
    expect(areaKm2(polygonFeature(layer('apec-venue')[1]!))).toBeCloseTo(0.2, 3);
  });

  it('names the routes, with their end sites and the stretches a road crosses water on', () => {
    const routes = layer('mic-routes').filter((f) => f.properties!['kind'] === 'route');
    expect(ids(routes)).toEqual(['mic-jiangmen-barge', 'mic-zhuhai-hzmb']);
    expect(routes[0]!.properties).toMatchObject({
      mode: 'sea',
      crossing: null,
      from: 'cimc-jiangmen',
      to: 'rtt-tuen-mun',
      name_en: 'Jiangmen by barge across the Pearl River Estuary',
    });
    expect(routes[1]!.properties).toMatchObject({ mode: 'road', crossing: 'hzmb', to: 'pennys-bay' });
    const stretches = routes[1]!.properties!['over_water'] as { from_km: number; to_km: number }[];
    expect(stretches.map((w) => w.from_km < w.to_km)).toEqual([true, true, true]);
    // The Hong Kong end is redrawn along the shore from the port island on: 10 waypoints kept, 9 drawn.
    expect((routes[1]!.geometry as LineString).coordinates).toHaveLength(10 + 9);
    expect(layer('mic-routes')).toHaveLength(17 + 2);
    expect(ids(layer('places'))).toEqual([
      'sha-tau-kok',
      'chung-ying-street',
      'tung-ping-chau',
      'yan-chau-tong',
      'lok-ma-chau-loop',
      'xiangmi-lake',
    ]);
  });

  it('fails on a route it has no names for', () => {
    const facts = smallFacts();
    facts.mic_routes[0]!.id = 'mic_unknown';
    expect(() => buildStoryLayers(facts, null)).toThrow('mic-routes: no names for the route mic_unknown');
  });

  it('fails on a place the fact sheet lacks', () => {
    const facts = smallFacts();
    facts.places = facts.places.filter((p) => p.id !== 'hung_fa_chai');
    expect(() => buildStoryLayers(facts, null)).toThrow('places.json has no place hung_fa_chai');
  });
});

describe('land', () => {
  // Land: a square east of 114.05 E that covers the east half of a 0.1° sketch.
  const landFc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { region: 'HK' },
        geometry: { type: 'Polygon', coordinates: [closeRing(square(114.05, 22.3, 0.2))] },
      },
    ],
  };
  const land = landIndex(landFc);
  const sketch = polygon([closeRing(square(114, 22.4, 0.1))]);

  it('indexes land by region', () => {
    expect(land.polys).toHaveLength(1);
    expect(landIndex(landFc, 'CN').polys).toHaveLength(0);
  });

  it('subtracts land from a sketch, and measures what is left on land', () => {
    const sea = subtractLand(sketch, land);
    expect(areaKm2(sea) / areaKm2(sketch)).toBeCloseTo(0.5, 3);
    expect(landOverlapKm2(sea, land)).toBeLessThan(1e-6);
    expect(landOverlapKm2(sketch, land) / areaKm2(sketch)).toBeCloseTo(0.5, 3);
  });

  it('builds the sea layers when there is land: the bay and its two sections', () => {
    const story: StoryLand = {
      all: landIndex({ type: 'FeatureCollection', features: [] }),
      hk: land,
      cn: land,
      boundary: null,
    };
    const { layers } = buildStoryLayers(smallFacts(), story);
    expect(layers.map((l) => l.name).slice(-2)).toEqual(['port-shelter', 'mirs-bay']);
    const [bay, sz, hk] = layers.at(-1)!.features.map(polygonFeature);
    expect(ids([bay!, sz!, hk!])).toEqual(['mirs-bay', 'mirs-bay-sz', 'mirs-bay-hk']);
    // With no land in the way the bay is its sketch, and the two sections make up the bay.
    expect(areaKm2(bay!)).toBeCloseTo(areaKm2(polygon([closeRing(MIRS_BAY_SKETCH)])), 1);
    expect(areaKm2(sz!) + areaKm2(hk!)).toBeCloseTo(areaKm2(bay!), 1);
    expectWound(layers.flatMap((l) => l.features));
  });
});

describe('layer output', () => {
  it('winds polygons, rounds to 6 decimals and drops the repeats rounding makes', () => {
    const clockwise: Position[] = [
      [0, 0],
      [0, 1.00000001],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ];
    const f = layerFeature(
      'x',
      { type: 'Polygon', coordinates: [clockwise] },
      {
        name_zh_hant: '甲',
        name_en: 'A',
        source: 's',
        confidence: 'c',
      },
    );
    expect(f.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    });
    expect(Object.keys(f)).toEqual(['type', 'id', 'properties', 'geometry']);
  });

  it('writes one feature per line', () => {
    const point = layerFeature(
      'p',
      { type: 'Point', coordinates: [1.23456789, 2] },
      {
        name_zh_hant: '甲',
        name_en: 'A',
        source: 's',
        confidence: 'c',
      },
    );
    expect(layerText([point, point])).toBe(
      '{"type":"FeatureCollection","features":[\n' + `${JSON.stringify(point)},\n${JSON.stringify(point)}\n` + ']}\n',
    );
    expect(point.geometry).toEqual({ type: 'Point', coordinates: [1.234568, 2] });
  });
});
