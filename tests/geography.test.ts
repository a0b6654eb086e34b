/**
 * Geography is tested like code: every line, marker and area of geo/ against the ground. Hong Kong
 * is checked on the Lands Department's 2 m land (geo/reference, read here only); the Mainland on
 * the basemap's OSM-derived land, whose coast is coarse (median segment about 790 m in Shenzhen,
 * geo/README.md), so a Mainland position counts as on land within MAINLAND_SLACK_M of it.
 * A unit test: no browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { area, nearestPointOnLine, point, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  boundaryLine,
  describeRuns,
  hkLand,
  mainlandLand,
  metresToLand,
  onLand,
  REPO,
  sampleLine,
  shareOnLand,
} from './support/ground';

/** About one segment of the coarse Mainland coast: what its outline may be off by. */
const MAINLAND_SLACK_M = 800;
/** The Hong Kong land is surveyed to 2 m; a few metres allow for drawing along a sea wall. */
const HK_SLACK_M = 30;
/** A sea route may touch the coarse Mainland land for this share of its length, never Hong Kong land. */
const SEA_ON_MAINLAND_MAX = 0.03;
/** A control point on the land boundary lies this close to the boundary line. */
const CONTROL_POINT_MAX_M = 300;
/** A chainage (km along the corridor) is given only to points this close to the centreline. */
const CHAINAGE_MAX_OFF_M = 100;
/** A route's end lies this close to the site it names (a terminal or a town centre is not a point). */
const ROUTE_END_MAX_M = 500;

const GEO_DIR = resolve(REPO, process.env['GEO_DIR'] ?? 'geo');

/** Every story layer of geo/ and the basemap's labels, by file name. */
const layers: Record<string, FeatureCollection> = Object.fromEntries(
  [
    ...readdirSync(GEO_DIR)
      .filter((f) => f.endsWith('.geojson'))
      .map((f) => [f, resolve(GEO_DIR, f)]),
    ['basemap/labels.geojson', resolve(REPO, 'geo/basemap/labels.geojson')],
  ].map(([name, path]) => [name!, JSON.parse(readFileSync(path!, 'utf8')) as FeatureCollection]),
);

const features = (test: (f: Feature) => boolean): [string, Feature][] =>
  Object.entries(layers).flatMap(([file, fc]) =>
    fc.features.filter(test).map((f): [string, Feature] => [`${file} ${String(f.id ?? f.properties?.['name_en'])}`, f]),
  );

const pointFeatures = features((f) => f.geometry.type === 'Point') as [string, Feature<Point>][];
const lines = features((f) => f.geometry.type === 'LineString' && f.properties?.['kind'] === 'route') as [
  string,
  Feature<LineString>,
][];
const byId = new Map(pointFeatures.map(([, f]) => [String(f.id), f]));

/** Whether a position is on land, within the slack of each land. */
const onGround = (p: Position): boolean =>
  onLand(hkLand, p) ||
  onLand(mainlandLand, p) ||
  metresToLand(hkLand, p) <= HK_SLACK_M ||
  metresToLand(mainlandLand, p) <= MAINLAND_SLACK_M;

/** Whether a position is on water: off the 2 m Hong Kong land and inside the coarse Mainland coast by no more than its slack. */
const onWater = (p: Position): boolean => !onLand(hkLand, p) && !onLand(mainlandLand, p);

/** The ground a point says it stands on: declared with `on`, or from the label kind of the basemap. */
function declaredGround(f: Feature): string | undefined {
  const on = f.properties?.['on'];
  if (typeof on === 'string') return on;
  const kind = f.properties?.['kind'];
  if (kind === 'water') return 'water';
  if (kind === 'city' || kind === 'district' || kind === 'island') return 'land';
  return undefined;
}

/** The rings of a polygon feature, as a list of polygons. */
const partsOf = (f: Feature<Polygon | MultiPolygon>): Position[][][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;

/** The share of a polygon's area on land, either side of the boundary. */
const shareOnGround = (f: Feature<Polygon | MultiPolygon>): number => shareOnLand([hkLand, mainlandLand], partsOf(f));

describe('markers stand where they are on the ground', { timeout: 60_000 }, () => {
  it('every point of a layer declares whether it stands on land or on water', () => {
    const undeclared = pointFeatures.filter(([, f]) => declaredGround(f) === undefined).map(([n]) => n);
    expect(undeclared).toEqual([]);
  });

  it('points on land are on land, points on water on water', () => {
    const wrong = pointFeatures
      .filter(([, f]) => {
        const p = f.geometry.coordinates;
        return declaredGround(f) === 'land' ? !onGround(p) : !onWater(p);
      })
      .map(
        ([n, f]) =>
          `${n} at ${f.geometry.coordinates.join(', ')} is not on ${declaredGround(f)} ` +
          `(${Math.round(metresToLand(hkLand, f.geometry.coordinates))} m from Hong Kong land, ` +
          `${Math.round(metresToLand(mainlandLand, f.geometry.coordinates))} m from Mainland land)`,
      );
    expect(wrong).toEqual([]);
  });

  it(`control points on the land boundary, and places it borders, lie within ${CONTROL_POINT_MAX_M} m of it`, () => {
    const controls = pointFeatures.filter(
      ([, f]) => f.properties?.['crossing_type'] === 'land_boundary' || f.properties?.['by_boundary'] === true,
    );
    expect(controls.map(([, f]) => f.id).sort()).toEqual([
      'chung-ying-street',
      'heung-yuen-wai',
      'lok-ma-chau',
      'lok-ma-chau-loop',
      'sha-tau-kok',
    ]);
    const far = controls
      .map(([n, f]) => [n, pointToLineDistance(f.geometry, boundaryLine, { units: 'meters' })] as const)
      .filter(([, d]) => d > CONTROL_POINT_MAX_M)
      .map(([n, d]) => `${n}: ${Math.round(d)} m from the boundary`);
    expect(far).toEqual([]);
  });
});

describe('routes run where the traffic runs', { timeout: 60_000 }, () => {
  it('a sea route never crosses Hong Kong land and touches the coarse Mainland land for at most 3% of its length', () => {
    const sea = lines.filter(([, f]) => f.properties?.['mode'] === 'sea');
    expect(sea.length).toBeGreaterThan(0);
    for (const [name, f] of sea) {
      const samples = sampleLine(f.geometry.coordinates);
      const hk = samples.map((s) => onLand(hkLand, s.p));
      const cn = samples.map((s) => onLand(mainlandLand, s.p));
      const shareCn = cn.filter(Boolean).length / samples.length;
      if (hk.some(Boolean) || shareCn > SEA_ON_MAINLAND_MAX)
        console.log(`${name} on Hong Kong land: ${describeRuns(samples, hk).join('; ') || 'none'}
${name} on Mainland land (${(shareCn * 100).toFixed(1)}%): ${describeRuns(samples, cn).join('; ')}`);
      expect(describeRuns(samples, hk), `${name} on Hong Kong land`).toEqual([]);
      expect(shareCn, `${name}: share of its length on Mainland land`).toBeLessThanOrEqual(SEA_ON_MAINLAND_MAX);
    }
  });

  it('a road route is on land except on the bridges and tunnels its properties declare', () => {
    const roads = lines.filter(([, f]) => f.properties?.['mode'] === 'road');
    expect(roads.length).toBeGreaterThan(0);
    const undeclared: string[] = [];
    for (const [name, f] of roads) {
      const stretches = (f.properties?.['over_water'] ?? []) as { from_km: number; to_km: number }[];
      const samples = sampleLine(f.geometry.coordinates);
      const wet = samples.map(
        (s) => !onGround(s.p) && !stretches.some((w) => s.km >= w.from_km - 0.1 && s.km <= w.to_km + 0.1),
      );
      for (const run of describeRuns(samples, wet)) undeclared.push(`${name}: over water at ${run}`);
    }
    if (undeclared.length) console.log(undeclared.join('\n'));
    expect(undeclared).toEqual([]);
  });

  it('a declared water stretch holds water: no stale declarations', () => {
    for (const [name, f] of lines) {
      const stretches = (f.properties?.['over_water'] ?? []) as { name_en: string; from_km: number; to_km: number }[];
      const samples = sampleLine(f.geometry.coordinates);
      for (const w of stretches) {
        const inside = samples.filter((s) => s.km >= w.from_km && s.km <= w.to_km);
        expect(
          inside.some((s) => onWater(s.p)),
          `${name}: "${w.name_en}" (km ${w.from_km}-${w.to_km}) has no water`,
        ).toBe(true);
      }
    }
  });

  it('every route ends at a marked, named site, and starts at one or says why not', () => {
    for (const [name, f] of lines) {
      const c = f.geometry.coordinates;
      const { from, to, from_note } = f.properties ?? {};
      const site = byId.get(String(to));
      expect(site, `${name}: its end "${String(to)}" is a point of a layer`).toBeDefined();
      expect(site!.properties?.['name_en'], `${name}: its end site has a name`).toBeTruthy();
      const endOff = pointToLineDistance(
        site!.geometry,
        { type: 'LineString', coordinates: c.slice(-2) },
        {
          units: 'meters',
        },
      );
      expect(endOff, `${name}: metres from its end to ${String(to)}`).toBeLessThanOrEqual(ROUTE_END_MAX_M);
      if (from === null) {
        expect(from_note, `${name}: a start without a site says why`).toMatch(/\w/);
        continue;
      }
      const start = byId.get(String(from));
      expect(start, `${name}: its start "${String(from)}" is a point of a layer`).toBeDefined();
      const startOff = pointToLineDistance(
        start!.geometry,
        { type: 'LineString', coordinates: c.slice(0, 2) },
        {
          units: 'meters',
        },
      );
      expect(startOff, `${name}: metres from its start to ${String(from)}`).toBeLessThanOrEqual(ROUTE_END_MAX_M);
    }
  });
});

describe('areas', { timeout: 60_000 }, () => {
  const polygons = features((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') as [
    string,
    Feature<Polygon | MultiPolygon>,
  ][];

  it('sea polygons overlap land by at most 0.3% of their area', () => {
    const seas = polygons.filter(([, f]) => ['bay', 'bay_section'].includes(String(f.properties?.['kind'])));
    expect(seas.length).toBeGreaterThanOrEqual(4);
    for (const [name, f] of seas) {
      const share = shareOnGround(f);
      expect(share, `${name}: share of its area on land`).toBeLessThanOrEqual(0.003);
    }
  }, 60_000);

  it('country parks and scenic areas lie on land', () => {
    const parks = polygons.filter(([, f]) => f.properties?.['kind'] === 'protected_area');
    expect(parks.length).toBeGreaterThanOrEqual(2);
    for (const [name, f] of parks) {
      const share = shareOnGround(f);
      expect(share, `${name}: share of its area on land`).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('areas are within 15% of the official or reference figure where there is one', () => {
    const figures: [string, number, number][] = [];
    for (const [name, f] of polygons) {
      const p = f.properties ?? {};
      const km2 =
        (p['area_km2_official'] as number | undefined) ??
        (p['area_km2_reference'] as number | undefined) ??
        (typeof p['area_ha_reported'] === 'number' ? p['area_ha_reported'] / 100 : undefined);
      if (km2 !== undefined) figures.push([name, area(f) / 1e6, km2]);
    }
    expect(figures.length).toBeGreaterThanOrEqual(4);
    for (const [name, measured, official] of figures)
      expect(
        Math.abs(measured / official - 1),
        `${name}: ${measured.toFixed(2)} km² against ${official}`,
      ).toBeLessThanOrEqual(0.15);
  });
});

describe('the corridor', { timeout: 60_000 }, () => {
  const corridor = layers['corridor.geojson']!;
  const centreline = corridor.features.find((f) => f.id === 'centreline') as Feature<LineString>;

  it(`gives a chainage only to points within ${CHAINAGE_MAX_OFF_M} m of the centreline, and the right one`, () => {
    for (const f of corridor.features as Feature<Point>[]) {
      if (f.geometry.type !== 'Point') continue;
      const off = pointToLineDistance(f.geometry, centreline, { units: 'meters' });
      const km = f.properties?.['km_from_big_wutong'] as number | undefined;
      if (off > CHAINAGE_MAX_OFF_M) {
        expect(km, `${String(f.id)} is ${Math.round(off)} m off the line but has a chainage`).toBeUndefined();
      } else {
        const along = nearestPointOnLine(centreline, point(f.geometry.coordinates)).properties.location ?? NaN;
        expect(km, `${String(f.id)}: km along the line`).toBeCloseTo(along, 1);
      }
    }
  });

  it('crosses the boundary at Pak Kung Au, Order No. 221 Point 5', () => {
    // 22°33′23.49″N 114°12′24.25″E
    const point5: Position = [114 + 12 / 60 + 24.25 / 3600, 22 + 33 / 60 + 23.49 / 3600];
    expect(pointToLineDistance(point5, centreline, { units: 'meters' })).toBeLessThan(20);
    expect(pointToLineDistance(point5, boundaryLine, { units: 'meters' })).toBeLessThan(50);
  });
});
