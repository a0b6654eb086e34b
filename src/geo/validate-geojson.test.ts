import { readFileSync, readdirSync } from 'node:fs';
import type { Feature, FeatureCollection, Point } from 'geojson';
import gjv from 'geojson-validation';
import { describe, expect, it, vi } from 'vitest';
import { formatIssue, type Issue } from '../story/types';
import {
  asFeatureCollection,
  checkLayerProperties,
  conventionFor,
  validateGeoJSON,
  validateGeoJSONFully,
  type PropertyConvention,
} from './validate-geojson';
import { CROSS_CHECK_EVERY_FEATURE_BELOW } from './geojson-validation-cross-check';

const dir = new URL('./fixtures/validate-geojson/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');

/** One fixture per rule: the first issue it must raise, by line, column, field and a message fragment. */
const bad: [file: string, line: number, column: number, field: string, message: string][] = [
  ['bad-comment.geojson', 3, 3, '', 'comments are not allowed'],
  ['bad-trailing-comma.geojson', 4, 1, '', 'trailing commas are not allowed'],
  ['bad-nan.geojson', 3, 19, '', 'JSON has no NaN'],
  ['bad-root-array.geojson', 1, 1, '', 'expected a GeoJSON object, got array'],
  ['bad-missing-type.geojson', 1, 1, '', 'missing member "type"'],
  ['bad-type-constructor.geojson', 4, 15, 'features[0].type', 'unknown type "constructor"'],
  ['bad-type-proto.geojson', 4, 15, 'features[0].type', 'unknown type "__proto__"'],
  ['bad-type-tostring.geojson', 4, 15, 'features[0].type', 'unknown type "toString"'],
  ['bad-position-string.geojson', 5, 13, 'coordinates[1][1]', 'expected a finite number, got string'],
  ['bad-position-four-values.geojson', 3, 18, 'coordinates', 'a position has 2 or 3 numbers'],
  ['bad-position-infinite.geojson', 3, 26, 'coordinates[1]', 'expected a finite number'],
  ['bad-longitude.geojson', 5, 6, 'coordinates[1][0]', 'longitude 294.2 is outside [-180, 180]'],
  ['bad-latitude-swapped.geojson', 3, 25, 'coordinates[1]', 'latitude 114.2 is outside [-90, 90]'],
  ['bad-linestring-short.geojson', 5, 5, 'coordinates[1]', 'a line needs 2 or more positions'],
  ['bad-ring-open.geojson', 8, 7, 'coordinates[0][3]', 'a linear ring must be closed'],
  ['bad-ring-short.geojson', 5, 7, 'coordinates[0][0]', 'a linear ring needs 4 or more positions'],
  ['bad-bbox-length.geojson', 3, 11, 'bbox', 'bbox must be an array of 2*n numbers'],
  ['bad-bbox-order.geojson', 3, 19, 'bbox[1]', 'bbox minimum 22.6 is greater than its maximum 22.5'],
  ['bad-properties-array.geojson', 3, 17, 'properties', '"properties" must be an object or null'],
  ['bad-properties-missing.geojson', 1, 1, '', 'missing member "properties"'],
  ['bad-geometry-missing.geojson', 1, 1, '', 'missing member "geometry"'],
  ['bad-geometry-is-feature.geojson', 4, 25, 'geometry.type', 'expected a geometry object, got type "Feature"'],
  ['bad-id-object.geojson', 3, 9, 'id', 'must be a string or a number'],
  ['bad-features-not-array.geojson', 3, 15, 'features', '"features" must be an array'],
  ['bad-feature-coordinates.geojson', 5, 3, 'coordinates', 'must not appear on a Feature'],
  ['bad-collection-geometry.geojson', 4, 3, 'geometry', 'must not appear on a FeatureCollection'],
  ['bad-geometry-features.geojson', 4, 3, 'features', 'must not appear on a geometry object'],
  ['bad-proto-member.geojson', 4, 5, 'properties.__proto__', 'the member name "__proto__" is not allowed'],
  ['bad-duplicate-member.geojson', 5, 3, 'properties', 'duplicate member "properties"'],
];

/** Fixtures that are valid GeoJSON but deserve a warning. */
const warn: [file: string, line: number, field: string, message: string][] = [
  ['warn-crs.geojson', 3, 'crs', '"crs" was removed in RFC 7946'],
  ['warn-nested-geometry-collection.geojson', 5, 'geometries[1]', 'nested GeometryCollection'],
  ['warn-winding-exterior.geojson', 4, 'coordinates[0]', 'exterior ring is clockwise'],
  ['warn-winding-hole.geojson', 5, 'coordinates[1]', 'hole is counterclockwise'],
];

describe('validateGeoJSON', () => {
  it('covers every bad fixture in the folder', () => {
    const listed = new Set(bad.map(([file]) => file));
    const files = readdirSync(dir).filter((f) => f.startsWith('bad-') && !/layer|basemap/.test(f));
    expect(files.filter((f) => !listed.has(f))).toEqual([]);
  });

  it.each(bad)('%s fails at line %i column %i', (file, line, column, field, message) => {
    const { data, issues } = validateGeoJSON(read(file), file);
    expect(data).toBeUndefined();
    expect(errors(issues)[0]).toMatchObject({ file, line, column, field, severity: 'error' });
    expect(errors(issues)[0]!.message).toContain(message);
  });

  it.each(warn)('%s passes with a warning at line %i', (file, line, field, message) => {
    const { data, issues } = validateGeoJSON(read(file), file);
    expect(data).toBeDefined();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line, field, severity: 'warning' });
    expect(issues[0]!.message).toContain(message);
  });

  it.each(readdirSync(dir).filter((f) => f.startsWith('good-')))('%s passes with no issue', (file) => {
    const { data, issues } = validateGeoJSON(read(file), file);
    expect(issues.map(formatIssue)).toEqual([]);
    expect(data).toEqual(JSON.parse(read(file)));
  });

  it('reports one winding warning per geometry, counting the other rings', () => {
    const ring = '[[0,0],[0,1],[1,1],[1,0],[0,0]]';
    const text = `{"type":"MultiPolygon","coordinates":[[${ring}],[${ring}],[${ring}]]}`;
    const { issues } = validateGeoJSON(text, 'x.geojson');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('and 2 more rings');
  });

  it('formats issues as file:line:column: severity: field: message', () => {
    const [issue] = validateGeoJSON(read('bad-longitude.geojson'), 'geo/bad.geojson').issues;
    expect(formatIssue(issue!)).toBe(
      'geo/bad.geojson:5:6: error: coordinates[1][0]: longitude 294.2 is outside [-180, 180] (WGS 84, RFC 7946 §4)',
    );
  });

  it('ignores a byte order mark', () => {
    const { data, issues } = validateGeoJSON(`\uFEFF${read('good-geometry-collection.geojson')}`, 'x.geojson');
    expect(issues).toEqual([]);
    expect(data?.type).toBe('GeometryCollection');
  });

  it('reports an empty file', () => {
    expect(validateGeoJSON('', 'x.geojson').issues[0]).toMatchObject({ line: 1, severity: 'error' });
  });
});

describe('validateGeoJSON limits', () => {
  it('refuses input over the byte limit, counting UTF-8 bytes', () => {
    const text = read('good-layer.geojson'); // holds Chinese text: 3 bytes a character in UTF-8
    const bytes = new TextEncoder().encode(text).length;
    expect(validateGeoJSON(text, 'x.geojson', { maxBytes: bytes }).issues).toEqual([]);
    const { issues } = validateGeoJSON(text, 'x.geojson', { maxBytes: bytes - 1 });
    expect(issues[0]!.message).toContain(`larger than ${bytes - 1} bytes`);
  });

  it('refuses nesting deeper than the limit before parsing, so huge nesting cannot overflow the stack', () => {
    const { issues } = validateGeoJSON('['.repeat(1_000_000), 'x.geojson');
    expect(issues).toEqual([
      expect.objectContaining({ line: 1, column: 65, message: 'nested more than 64 levels deep (limits.depth)' }),
    ]);
    expect(
      validateGeoJSON(read('good-geometry-collection.geojson'), 'x.geojson', { maxDepth: 3 }).issues[0],
    ).toMatchObject({
      line: 4,
      message: 'nested more than 3 levels deep (limits.depth)',
    });
  });

  it('does not count brackets inside strings as nesting', () => {
    const text = `{"type":"Feature","properties":{"note":"${'[{'.repeat(100)}"},"geometry":null}`;
    expect(validateGeoJSON(text, 'x.geojson').issues).toEqual([]);
  });

  it('stops after the position limit', () => {
    const { issues } = validateGeoJSON(read('good-feature-collection.geojson'), 'x.geojson', { maxPositions: 3 });
    expect(errors(issues)).toEqual([
      expect.objectContaining({
        line: 23,
        field: 'features[2].geometry.coordinates[0][0]',
        message: expect.stringContaining('more than 3 positions'),
      }),
    ]);
  });
});

describe('layer property convention', () => {
  it('chooses the convention from the path', () => {
    expect(conventionFor('geo/corridor.geojson')).toBe('layer');
    expect(conventionFor('./geo/basemap/land.geojson')).toBe('basemap');
    expect(conventionFor('src/geo/fixtures/validate-geojson/good-layer.geojson')).toBeUndefined();
  });

  it.each<[string, PropertyConvention]>([
    ['good-layer.geojson', 'layer'],
    ['good-basemap.geojson', 'basemap'],
  ])('%s meets the %s convention', (file, convention) => {
    expect(validateGeoJSON(read(file), file, { convention }).issues).toEqual([]);
  });

  it('requires names, source and confidence as strings on layer features', () => {
    const file = 'bad-layer-properties.geojson';
    const { data, issues } = validateGeoJSON(read(file), file, { convention: 'layer' });
    expect(data).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        line: 6,
        column: 7,
        field: 'features[0].properties.source',
        message: expect.stringContaining('missing "source"'),
      }),
      expect.objectContaining({
        line: 6,
        column: 46,
        field: 'features[0].properties.name_en',
        message: expect.stringContaining('must be a non-empty string'),
      }),
    ]);
  });

  it('requires both names on basemap labels and only a source on land', () => {
    const file = 'bad-basemap-label.geojson';
    const { issues } = validateGeoJSON(read(file), file, { convention: 'basemap' });
    expect(issues).toEqual([
      expect.objectContaining({
        line: 11,
        field: 'features[1].properties.name_zh_hant',
        message: expect.stringContaining('basemap labels need'),
      }),
    ]);
  });

  it('is not an RFC 7946 rule: without the option, the same file passes', () => {
    expect(validateGeoJSON(read('bad-layer-properties.geojson'), 'x.geojson').issues).toEqual([]);
  });

  it('also runs on its own, located through the text when given', () => {
    const text = read('good-feature-collection.geojson');
    const data = validateGeoJSON(text, 'x.geojson').data!;
    const located = checkLayerProperties(data, 'x.geojson', 'layer', text);
    expect(located.map((i) => [i.line, i.field])).toEqual([
      [30, 'features[3].properties.name_zh_hant'],
      [30, 'features[3].properties.name_en'],
      [30, 'features[3].properties.source'],
      [30, 'features[3].properties.confidence'],
    ]);
    expect(checkLayerProperties(data, 'x.geojson', 'layer').every((i) => i.line === 1)).toBe(true);
  });

  it('refuses a bare geometry in geo/, which has no properties to carry', () => {
    const data = validateGeoJSON(read('warn-crs.geojson'), 'x.geojson').data!;
    expect(checkLayerProperties(data, 'x.geojson', 'layer')[0]!.message).toContain(
      'must be a Feature or FeatureCollection',
    );
  });
});

describe('asFeatureCollection', () => {
  it('keeps a collection and wraps a feature or a bare geometry', () => {
    const point: Point = { type: 'Point', coordinates: [114.2, 22.5] };
    const feature: Feature = { type: 'Feature', id: 'p', properties: null, geometry: point };
    const collection: FeatureCollection = { type: 'FeatureCollection', features: [feature] };
    expect(asFeatureCollection(collection)).toBe(collection);
    expect(asFeatureCollection(feature)).toEqual(collection);
    expect(asFeatureCollection(point)).toEqual({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: point }],
    });
  });
});

describe('validateGeoJSON, quick and full', () => {
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.geojson'));

  it.each(fixtures)('%s gives the same result either way', (file) => {
    expect(validateGeoJSON(read(file), file)).toEqual(validateGeoJSONFully(read(file), file));
  });

  it('refuses a collection of more features than the limit, naming the setting', () => {
    const { data, issues } = validateGeoJSON(read('good-feature-collection.geojson'), 'x.geojson', { maxFeatures: 2 });
    expect(data).toBeUndefined();
    expect(errors(issues)).toEqual([
      expect.objectContaining({ field: 'features', message: expect.stringContaining('more than 2 (limits.features)') }),
    ]);
  });

  it('cross-checks every feature of a small file, and one small feature of each geometry type in a large one', () => {
    const point = (i: number): Feature => ({
      type: 'Feature',
      properties: { note: 'x'.repeat(100) },
      geometry: { type: 'Point', coordinates: [114 + i / 1e6, 22.3] },
    });
    const line: Feature = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [114, 22.3],
          [114.1, 22.4],
        ],
      },
    };
    const collection = (n: number) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [line, ...Array.from({ length: n }, (_, i) => point(i)), line],
      });
    const spy = vi.spyOn(gjv, 'isFeature');
    try {
      expect(validateGeoJSON(collection(10), 'small.geojson').issues).toEqual([]);
      expect(spy).toHaveBeenCalledTimes(12);
      spy.mockClear();
      const large = collection(10_000);
      expect(large.length).toBeGreaterThan(CROSS_CHECK_EVERY_FEATURE_BELOW);
      expect(validateGeoJSON(large, 'large.geojson').issues).toEqual([]);
      expect(spy.mock.calls.map(([f]) => (f as Feature).geometry?.type)).toEqual(['LineString', 'Point']);
    } finally {
      spy.mockRestore();
    }
  });
});
