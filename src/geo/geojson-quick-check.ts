/**
 * A fast first pass over GeoJSON that has been parsed with JSON.parse: does the file hold nothing
 * that the full validation (json-text.ts, rfc7946-objects.ts, rfc7946-coordinates.ts) would report,
 * error or warning? It walks the value once, allocating next to nothing, and answers only yes or
 * no: on "no" the full validation runs and says what is wrong, where (its tree of positions is
 * what makes it slow, and only a file with something to report needs one). So every rule below
 * mirrors one there, and may only ever be stricter.
 */

/** The caps the quick pass applies, as the full validation does. */
export interface QuickCaps {
  maxDepth: number;
  maxPositions: number;
  maxFeatures: number;
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/** Members RFC 7946 §7.1 forbids, by kind (as in rfc7946-objects.ts). */
const FORBIDDEN_ON_COLLECTION = ['coordinates', 'geometries', 'geometry', 'properties'];
const FORBIDDEN_ON_FEATURE = ['coordinates', 'geometries', 'features'];
const FORBIDDEN_ON_GEOMETRY = ['geometry', 'properties', 'features'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const has = (o: JsonObject, name: string) => Object.hasOwn(o, name);
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when the `"` at `index` of `text` is not escaped (not after an odd run of backslashes). */
function unescaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; text.charCodeAt(i) === 0x5c; i--) backslashes++;
  return backslashes % 2 === 0;
}

/**
 * Members in the text: each unescaped `"` followed by `:` closes a member name. A string value
 * that starts with `:` is counted too; counting too many only ever sends a file to the full pass.
 * `expected` is the count parsed: names written `"name":`, as JSON.stringify and most tools
 * write them, are counted with indexOf, and only a text where that falls short (spaces before
 * a colon) is searched again allowing them.
 */
function membersInText(text: string, expected: number): number {
  let count = 0;
  for (let i = text.indexOf('":'); i >= 0; i = text.indexOf('":', i + 2)) if (unescaped(text, i)) count++;
  if (count >= expected) return count;
  const colon = /"[ \t\r\n]*:/g;
  count = 0;
  for (let m = colon.exec(text); m; m = colon.exec(text)) if (unescaped(text, m.index)) count++;
  return count;
}

/** One walk over a parsed file; `clean` turns false at the first thing to report. */
class QuickWalk {
  members = 0;
  private positions = 0;

  constructor(private readonly caps: QuickCaps) {}

  /** Any JSON value (properties, foreign members): its depth, its member names. */
  any(value: Json, depth: number): boolean {
    if (typeof value !== 'object' || value === null) return true;
    if (depth > this.caps.maxDepth) return false;
    if (Array.isArray(value)) {
      for (const item of value) if (!this.any(item, depth + 1)) return false;
      return true;
    }
    return this.members_(value, depth, undefined);
  }

  /** The members of an object: counted, none named `__proto__`, the values not in `skip` walked as any value. */
  private members_(o: JsonObject, depth: number, skip: ReadonlySet<string> | undefined): boolean {
    const names = Object.keys(o);
    this.members += names.length;
    for (const name of names) {
      if (name === '__proto__') return false;
      if (skip?.has(name)) continue;
      if (!this.any(o[name]!, depth + 1)) return false;
    }
    return true;
  }

  /** RFC 7946 §3: a GeoJSON object of the kind `expect` allows. */
  object(value: Json, depth: number, expect: 'any' | 'feature' | 'geometry', inCollection: boolean): boolean {
    if (!isObject(value) || depth > this.caps.maxDepth) return false;
    const type = value.type;
    if (typeof type !== 'string') return false;
    if (type === 'FeatureCollection') return expect === 'any' && this.collection(value, depth);
    if (type === 'Feature') return expect !== 'geometry' && this.feature(value, depth);
    if (expect === 'feature' || has(value, 'crs')) return false;
    if (FORBIDDEN_ON_GEOMETRY.some((name) => has(value, name))) return false;
    if (type === 'GeometryCollection') {
      if (inCollection) return false; // a warning: nested collection
      const geometries = value.geometries;
      if (!Array.isArray(geometries) || depth + 1 > this.caps.maxDepth) return false;
      if (!this.members_(value, depth, COLLECTION_OF_GEOMETRIES_SKIP)) return false;
      for (const g of geometries) if (!this.object(g, depth + 2, 'geometry', true)) return false;
      return this.bbox(value, depth);
    }
    if (!GEOMETRY_TYPES.has(type) || !has(value, 'coordinates')) return false;
    if (!this.members_(value, depth, GEOMETRY_SKIP)) return false;
    return this.coordinates(value.coordinates!, depth + 1, type) && this.bbox(value, depth);
  }

  private collection(o: JsonObject, depth: number): boolean {
    if (has(o, 'crs') || FORBIDDEN_ON_COLLECTION.some((name) => has(o, name))) return false;
    const features = o.features;
    if (!Array.isArray(features) || features.length > this.caps.maxFeatures) return false;
    if (depth + 1 > this.caps.maxDepth || !this.members_(o, depth, COLLECTION_SKIP)) return false;
    for (const feature of features) if (!this.object(feature, depth + 2, 'feature', false)) return false;
    return this.bbox(o, depth);
  }

  private feature(o: JsonObject, depth: number): boolean {
    if (has(o, 'crs') || FORBIDDEN_ON_FEATURE.some((name) => has(o, name))) return false;
    if (has(o, 'id') && typeof o.id !== 'string' && typeof o.id !== 'number') return false;
    if (!has(o, 'properties') || !has(o, 'geometry')) return false;
    const { properties, geometry } = o;
    if (properties !== null && !isObject(properties)) return false;
    if (!this.members_(o, depth, FEATURE_SKIP)) return false;
    if (geometry !== null && !this.object(geometry!, depth + 1, 'geometry', false)) return false;
    return this.bbox(o, depth);
  }

  /** RFC 7946 §5, as `CoordinateChecker.checkBbox`. */
  private bbox(o: JsonObject, depth: number): boolean {
    if (!has(o, 'bbox')) return true;
    const box = o.bbox;
    if (!Array.isArray(box) || (box.length !== 4 && box.length !== 6) || depth + 1 > this.caps.maxDepth) return false;
    if (!box.every((v) => typeof v === 'number' && Number.isFinite(v))) return false;
    const values = box as number[];
    const n = values.length / 2;
    for (let axis = 1; axis < n; axis++) if (values[axis]! > values[axis + n]!) return false;
    return lonLat(values[0]!, values[1]!) && lonLat(values[n]!, values[n + 1]!);
  }

  /** RFC 7946 §3.1: the coordinates of a geometry of `type`, whose array is at `depth`. */
  private coordinates(c: Json, depth: number, type: string): boolean {
    if (type === 'Point') return this.position(c, depth);
    if (!Array.isArray(c) || depth > this.caps.maxDepth) return false;
    switch (type) {
      case 'MultiPoint':
        for (const p of c) if (!this.position(p, depth + 1)) return false;
        return true;
      case 'LineString':
        return this.line(c, depth);
      case 'MultiLineString':
        for (const l of c) if (!Array.isArray(l) || !this.line(l, depth + 1)) return false;
        return true;
      case 'Polygon':
        return this.polygon(c, depth);
      default: // MultiPolygon
        for (const p of c) if (!Array.isArray(p) || !this.polygon(p, depth + 1)) return false;
        return true;
    }
  }

  /** RFC 7946 §3.1.1: 2 or 3 numbers, longitude and latitude in range; counted against the cap. */
  private position(p: Json, depth: number): boolean {
    if (++this.positions > this.caps.maxPositions || !Array.isArray(p) || depth > this.caps.maxDepth) return false;
    const n = p.length;
    if (n !== 2 && n !== 3) return false;
    const x = p[0];
    const y = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !lonLat(x, y)) return false;
    return n === 2 || (typeof p[2] === 'number' && Number.isFinite(p[2]));
  }

  private line(l: Json[], depth: number): boolean {
    if (depth > this.caps.maxDepth || l.length < 2) return false;
    for (const p of l) if (!this.position(p, depth + 1)) return false;
    return true;
  }

  /** RFC 7946 §3.1.6: closed rings of 4 or more positions, exterior counterclockwise, holes clockwise. */
  private polygon(rings: Json[], depth: number): boolean {
    if (depth > this.caps.maxDepth) return false;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r]!;
      if (!Array.isArray(ring) || ring.length < 4 || depth + 1 > this.caps.maxDepth) return false;
      for (const p of ring) if (!this.position(p, depth + 2)) return false;
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first.length !== last.length || first.some((v, i) => v !== last[i])) return false;
      const area = signedArea(ring as number[][]);
      if ((r === 0 && area < 0) || (r > 0 && area > 0)) return false; // a winding warning
    }
    return true;
  }
}

const COLLECTION_SKIP: ReadonlySet<string> = new Set(['type', 'features', 'bbox']);
const FEATURE_SKIP: ReadonlySet<string> = new Set(['type', 'geometry', 'bbox', 'id']);
const GEOMETRY_SKIP: ReadonlySet<string> = new Set(['type', 'coordinates', 'bbox']);
const COLLECTION_OF_GEOMETRIES_SKIP: ReadonlySet<string> = new Set(['type', 'geometries', 'bbox']);

/** WGS 84 ranges (RFC 7946 §4); false for NaN and infinities too. */
function lonLat(x: number, y: number): boolean {
  return x >= -180 && x <= 180 && y >= -90 && y <= 90;
}

/** Twice the shoelace area, as in rfc7946-coordinates.ts: positive when counterclockwise. */
function signedArea(ring: number[][]): number {
  const x0 = ring[0]![0]!;
  const y0 = ring[0]![1]!;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += (a[0]! - x0) * (b[1]! - y0) - (b[0]! - x0) * (a[1]! - y0);
  }
  return sum;
}

/**
 * True when `value`, parsed from `text` with JSON.parse, is GeoJSON within `caps` that the full
 * validation would pass without a single issue; false when it has anything to say.
 *
 * @example
 * if (!quickCheckGeoJSON(JSON.parse(text), text, caps)) issues = fullValidation(text);
 */
export function quickCheckGeoJSON(value: unknown, text: string, caps: QuickCaps): boolean {
  const walk = new QuickWalk(caps);
  if (!walk.object(value as Json, 1, 'any', false)) return false;
  // JSON.parse keeps the last of duplicate member names: fewer members parsed than written means one.
  return walk.members === membersInText(text, walk.members);
}
