/**
 * GeoJSON (RFC 7946) validation with line-accurate issues.
 *
 * Pure: no DOM and no Node APIs, so the same checks run in the validate CLI and in the
 * browser when the viewer loads a layer. Every issue carries the 1-based line and column of
 * the offending member and its field path (`features[3].geometry.coordinates[0][2]`).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
// geojson-validation ships no type declarations; src/types/geojson-validation.d.ts declares what we use.
import gjv from 'geojson-validation';
import { sortIssues, type Issue } from '../story/types';
import { utf8Length } from '../story/utf8-length';

/** What a GeoJSON text may hold at its root. */
export type GeoJSONRoot = FeatureCollection | Feature | Geometry;

/**
 * The root as a FeatureCollection: a Feature becomes its only feature, a bare Geometry an
 * unnamed feature without properties.
 *
 * @example
 * asFeatureCollection({ type: 'Point', coordinates: [114.2, 22.5] }).features[0].geometry; // the point
 */
export function asFeatureCollection(data: GeoJSONRoot): FeatureCollection {
  if (data.type === 'FeatureCollection') return data;
  if (data.type === 'Feature') return { type: 'FeatureCollection', features: [data] };
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: data }] };
}

/** The project's property convention for layer files: `layer` (geo/) or `basemap` (geo/basemap/). */
export type PropertyConvention = 'layer' | 'basemap';

/** Limits against hostile or accidental huge input, and optional extra checks. */
export interface ValidateGeoJSONOptions {
  /** Largest accepted text, in UTF-8 bytes. */
  maxBytes?: number;
  /** Most positions accepted over all geometries. */
  maxPositions?: number;
  /** Deepest accepted nesting of arrays and objects. */
  maxDepth?: number;
  /** Also check the project's property convention (see {@link checkLayerProperties}). */
  convention?: PropertyConvention;
}

/** Default limits: room for a detailed regional basemap, far below what hangs a browser tab. */
export const DEFAULT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxPositions: 5_000_000,
  maxDepth: 64,
} as const satisfies Required<Omit<ValidateGeoJSONOptions, 'convention'>>;

/** What validation gives: the parsed object when it has no errors (warnings allowed), and every issue. */
export interface GeoJSONResult {
  data?: GeoJSONRoot;
  issues: Issue[];
}

/** The parts of geojson-validation used here (`trace` = true returns a list of messages). */

const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
] as const;
const ALL_TYPES: readonly string[] = [...GEOMETRY_TYPES, 'Feature', 'FeatureCollection'];

// RFC 7946 §7.1: these members define other kinds of GeoJSON object, so they MUST NOT appear
// on the kinds listed (a `coordinates` on a Feature, say, would make readers disagree).
const FORBIDDEN_MEMBERS = new Map<string, readonly string[]>([
  ['FeatureCollection', ['coordinates', 'geometries', 'geometry', 'properties']],
  ['Feature', ['coordinates', 'geometries', 'features']],
  ['Geometry', ['geometry', 'properties', 'features']],
]);

/** A JSON path: member names and array indexes from the root (jsonc-parser's `JSONPath`). */
type Path = (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Formats a path as `features[3].geometry.coordinates[0][2]`. */
function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Maps character offsets to 1-based line and column. */
class LineIndex {
  private readonly starts: number[] = [0];

  // Lines end the way editors end them: LF, CR LF, or a lone CR.
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
    }
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * Offset of the first bracket nested deeper than `max`, or -1. jsonc-parser parses recursively,
 * so a file of a million `[` would overflow the stack before any check could run: scan first.
 */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Names a JSON node's type for messages. */
function kindOf(node: Node): string {
  return node.type === 'number' && !Number.isFinite(node.value) ? 'a number out of range' : node.type;
}

/** Object members by name; a Map, never a plain object, since names come from the input. */
function membersOf(node: Node): Map<string, Node> {
  const members = new Map<string, Node>();
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && !members.has(key.value)) members.set(key.value, prop);
  }
  return members;
}

/** Value node of a property node. */
function valueOf(prop: Node | undefined): Node | undefined {
  return prop?.children?.[1];
}

/** Collects issues while walking one parsed file. */
class Checker {
  readonly issues: Issue[] = [];
  private positions = 0;
  /** Set once the position cap is hit: the rest of the file is not walked. */
  stopped = false;

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly maxPositions: number,
  ) {}

  report(node: Node | undefined, path: Path, message: string, severity: Issue['severity'] = 'error'): void {
    const { line, column } = this.lines.at(node?.offset ?? 0);
    this.issues.push({ file: this.file, line, column, field: formatPath(path), message, severity });
  }

  /** Member names that are unsafe or ambiguous anywhere in the file, properties included. */
  checkMemberNames(root: Node): void {
    const stack: { node: Node; path: Path }[] = [{ node: root, path: [] }];
    while (stack.length) {
      const { node, path } = stack.pop()!;
      if (node.type === 'array') {
        node.children?.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
        continue;
      }
      if (node.type !== 'object') continue;
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        const name = key?.value as string;
        if (name === '__proto__') {
          // Harmless to JSON.parse, but code that copies with Object.assign or `obj[k] = v`
          // would replace the prototype of the copy: refuse it outright.
          this.report(prop, [...path, name], 'the member name "__proto__" is not allowed');
        } else if (seen.has(name)) {
          // RFC 8259 §4: names SHOULD be unique; parsers disagree about which duplicate wins.
          this.report(prop, [...path, name], `duplicate member "${name}"; JSON readers disagree on which one wins`);
        }
        seen.add(name);
        const value = prop.children?.[1];
        if (value) stack.push({ node: value, path: [...path, name] });
      }
    }
  }

  /** Checks any GeoJSON object; `expect` narrows what the context allows. */
  checkObject(node: Node, path: Path, expect: 'any' | 'feature' | 'geometry', inCollection = false): void {
    if (this.stopped) return;
    const wanted =
      expect === 'feature' ? 'a Feature' : expect === 'geometry' ? 'a geometry object' : 'a GeoJSON object';
    if (node.type !== 'object') {
      this.report(node, path, `expected ${wanted}, got ${kindOf(node)}`);
      return;
    }
    const members = membersOf(node);
    const typeNode = valueOf(members.get('type'));
    // RFC 7946 §3: every GeoJSON object has a "type" member naming one of nine types.
    if (!typeNode) {
      this.report(node, path, 'missing member "type" (RFC 7946 §3)');
      return;
    }
    if (typeNode.type !== 'string') {
      this.report(typeNode, [...path, 'type'], `"type" must be a string, got ${kindOf(typeNode)}`);
      return;
    }
    const type = typeNode.value as string;
    // An array lookup, not `table[type]`: names like "constructor" or "__proto__" must not
    // resolve to Object.prototype members.
    if (!ALL_TYPES.includes(type)) {
      this.report(
        typeNode,
        [...path, 'type'],
        `unknown type ${JSON.stringify(type)}; expected one of ${ALL_TYPES.join(', ')}`,
      );
      return;
    }
    const isGeometry = (GEOMETRY_TYPES as readonly string[]).includes(type);
    if ((expect === 'feature' && type !== 'Feature') || (expect === 'geometry' && !isGeometry)) {
      this.report(typeNode, [...path, 'type'], `expected ${wanted}, got type "${type}"`);
      return;
    }

    this.checkCommon(members, path, isGeometry ? 'Geometry' : type);
    if (type === 'FeatureCollection') this.checkFeatureCollection(node, members, path);
    else if (type === 'Feature') this.checkFeature(node, members, path);
    else this.checkGeometry(node, members, path, type, inCollection);
  }

  /** Members every GeoJSON object may or may not carry: bbox (§5), crs (§4), and the §7.1 rule. */
  private checkCommon(members: Map<string, Node>, path: Path, kind: string): void {
    for (const name of FORBIDDEN_MEMBERS.get(kind) ?? []) {
      const prop = members.get(name);
      if (prop) {
        const what = kind === 'Geometry' ? 'a geometry object' : `a ${kind}`;
        this.report(
          prop,
          [...path, name],
          `"${name}" must not appear on ${what}: it would change the object's meaning (RFC 7946 §7.1)`,
        );
      }
    }
    const crs = members.get('crs');
    if (crs) {
      this.report(
        crs,
        [...path, 'crs'],
        '"crs" was removed in RFC 7946 (§4); coordinates are read as WGS 84 longitude/latitude regardless',
        'warning',
      );
    }
    const bbox = valueOf(members.get('bbox'));
    if (bbox) this.checkBbox(bbox, [...path, 'bbox']);
  }

  /** RFC 7946 §5: [west, south, (min alt,) east, north, (max alt)], all numbers. */
  private checkBbox(node: Node, path: Path): void {
    const items = node.children ?? [];
    if (node.type !== 'array' || (items.length !== 4 && items.length !== 6)) {
      const got = node.type === 'array' ? `${items.length} values` : kindOf(node);
      this.report(node, path, `bbox must be an array of 2*n numbers (4 for 2D, 6 for 3D; RFC 7946 §5), got ${got}`);
      return;
    }
    const values: number[] = [];
    items.forEach((item, i) => {
      if (item.type !== 'number' || !Number.isFinite(item.value)) {
        this.report(item, [...path, i], `expected a finite number, got ${kindOf(item)}`);
      } else values.push(item.value as number);
    });
    if (values.length !== items.length) return;
    const n = values.length / 2;
    for (let axis = 0; axis < n; axis++) {
      const min = values[axis]!;
      const max = values[axis + n]!;
      // §5.2: a box crossing the antimeridian has west > east, so longitude order is not checked.
      if (axis === 0) continue;
      if (min > max) {
        this.report(
          items[axis],
          [...path, axis],
          `bbox minimum ${min} is greater than its maximum ${max} (RFC 7946 §5)`,
        );
      }
    }
    this.checkLonLat(items[0]!, values[0]!, [...path, 0], 'longitude');
    this.checkLonLat(items[n]!, values[n]!, [...path, n], 'longitude');
    this.checkLonLat(items[1]!, values[1]!, [...path, 1], 'latitude');
    this.checkLonLat(items[n + 1]!, values[n + 1]!, [...path, n + 1], 'latitude');
  }

  /** RFC 7946 §4: WGS 84 longitude and latitude, in decimal degrees. */
  private checkLonLat(node: Node, value: number, path: Path, axis: 'longitude' | 'latitude'): boolean {
    const limit = axis === 'longitude' ? 180 : 90;
    if (value < -limit || value > limit) {
      this.report(node, path, `${axis} ${value} is outside [-${limit}, ${limit}] (WGS 84, RFC 7946 §4)`);
      return false;
    }
    return true;
  }

  /** RFC 7946 §3.3: a FeatureCollection has a "features" array of Features. */
  private checkFeatureCollection(node: Node, members: Map<string, Node>, path: Path): void {
    const features = valueOf(members.get('features'));
    if (!features) {
      this.report(node, path, 'missing member "features" (RFC 7946 §3.3)');
      return;
    }
    if (features.type !== 'array') {
      this.report(features, [...path, 'features'], `"features" must be an array, got ${kindOf(features)}`);
      return;
    }
    features.children?.forEach((feature, i) => this.checkObject(feature, [...path, 'features', i], 'feature'));
  }

  /** RFC 7946 §3.2: geometry (object or null), properties (object or null), optional id. */
  private checkFeature(node: Node, members: Map<string, Node>, path: Path): void {
    const id = members.get('id');
    const idValue = valueOf(id);
    if (idValue && idValue.type !== 'string' && idValue.type !== 'number') {
      this.report(
        idValue,
        [...path, 'id'],
        `a Feature "id" must be a string or a number (RFC 7946 §3.2), got ${kindOf(idValue)}`,
      );
    }
    const properties = valueOf(members.get('properties'));
    if (!properties) {
      this.report(node, path, 'missing member "properties"; use null for none (RFC 7946 §3.2)');
    } else if (properties.type !== 'object' && properties.type !== 'null') {
      this.report(
        properties,
        [...path, 'properties'],
        `"properties" must be an object or null (RFC 7946 §3.2), got ${kindOf(properties)}`,
      );
    }
    const geometry = valueOf(members.get('geometry'));
    if (!geometry) {
      this.report(node, path, 'missing member "geometry"; use null for an unlocated feature (RFC 7946 §3.2)');
    } else if (geometry.type !== 'null') {
      this.checkObject(geometry, [...path, 'geometry'], 'geometry');
    }
  }

  /** RFC 7946 §3.1: coordinates by geometry type, or geometries for a collection. */
  private checkGeometry(node: Node, members: Map<string, Node>, path: Path, type: string, inCollection: boolean): void {
    if (type === 'GeometryCollection') {
      if (inCollection) {
        this.report(
          node,
          path,
          'nested GeometryCollection; flatten it for interoperability (RFC 7946 §3.1.8)',
          'warning',
        );
      }
      const geometries = valueOf(members.get('geometries'));
      if (!geometries) this.report(node, path, 'missing member "geometries" (RFC 7946 §3.1.8)');
      else if (geometries.type !== 'array') {
        this.report(geometries, [...path, 'geometries'], `"geometries" must be an array, got ${kindOf(geometries)}`);
      } else {
        geometries.children?.forEach((g, i) => this.checkObject(g, [...path, 'geometries', i], 'geometry', true));
      }
      return;
    }
    const coordinates = valueOf(members.get('coordinates'));
    const at: Path = [...path, 'coordinates'];
    if (!coordinates) {
      this.report(node, path, `missing member "coordinates" (RFC 7946 §3.1)`);
      return;
    }
    const winding = new WindingTally();
    switch (type) {
      case 'Point':
        this.checkPosition(coordinates, at);
        break;
      case 'MultiPoint':
        this.eachItem(coordinates, at, 'positions', (p, pp) => this.checkPosition(p, pp));
        break;
      case 'LineString':
        this.checkLine(coordinates, at);
        break;
      case 'MultiLineString':
        this.eachItem(coordinates, at, 'line coordinate arrays', (l, lp) => this.checkLine(l, lp));
        break;
      case 'Polygon':
        this.checkPolygon(coordinates, at, winding);
        break;
      case 'MultiPolygon':
        this.eachItem(coordinates, at, 'polygon coordinate arrays', (p, pp) => this.checkPolygon(p, pp, winding));
        break;
    }
    if (winding.wrong.length && !this.stopped) {
      const [first, ...rest] = winding.wrong;
      const more = rest.length ? ` (and ${rest.length} more ring${rest.length > 1 ? 's' : ''} in this geometry)` : '';
      // §3.1.6: the right-hand rule is a SHOULD and parsers SHOULD NOT reject, hence a warning.
      this.report(
        first!.node,
        first!.path,
        `${first!.message}${more}; RFC 7946 §3.1.6 wants exterior rings counterclockwise and holes clockwise`,
        'warning',
      );
    }
  }

  /** Calls `each` for every item of an array node, reporting a non-array once. */
  private eachItem(node: Node, path: Path, what: string, each: (item: Node, path: Path) => void): void {
    if (node.type !== 'array') {
      this.report(node, path, `expected an array of ${what}, got ${kindOf(node)}`);
      return;
    }
    const items = node.children ?? [];
    for (let i = 0; i < items.length && !this.stopped; i++) each(items[i]!, [...path, i]);
  }

  /** RFC 7946 §3.1.1: 2 or 3 finite numbers, longitude then latitude (then altitude). */
  private checkPosition(node: Node, path: Path): number[] | undefined {
    if (this.stopped) return undefined;
    if (++this.positions > this.maxPositions) {
      this.report(node, path, `more than ${this.maxPositions} positions; the rest of the file is not checked`);
      this.stopped = true;
      return undefined;
    }
    if (node.type !== 'array') {
      this.report(node, path, `expected a position [longitude, latitude], got ${kindOf(node)}`);
      return undefined;
    }
    const items = node.children ?? [];
    if (items.length < 2 || items.length > 3) {
      // §3.1.1: two or more elements, and implementations SHOULD NOT extend beyond three;
      // a fourth value (a measure, a timestamp) means something only its writer knows.
      this.report(node, path, `a position has 2 or 3 numbers (RFC 7946 §3.1.1), got ${items.length}`);
      return undefined;
    }
    let ok = true;
    const values: number[] = [];
    items.forEach((item, i) => {
      if (item.type !== 'number' || !Number.isFinite(item.value)) {
        this.report(item, [...path, i], `expected a finite number, got ${kindOf(item)}`);
        ok = false;
      } else values.push(item.value as number);
    });
    if (!ok) return undefined;
    ok = this.checkLonLat(items[0]!, values[0]!, [...path, 0], 'longitude') && ok;
    ok = this.checkLonLat(items[1]!, values[1]!, [...path, 1], 'latitude') && ok;
    return ok ? values : undefined;
  }

  /** RFC 7946 §3.1.4: a LineString has two or more positions. */
  private checkLine(node: Node, path: Path): void {
    if (node.type !== 'array') {
      this.report(node, path, `expected an array of positions, got ${kindOf(node)}`);
      return;
    }
    const items = node.children ?? [];
    if (items.length < 2) {
      this.report(node, path, `a line needs 2 or more positions (RFC 7946 §3.1.4), got ${items.length}`);
    }
    items.forEach((p, i) => this.checkPosition(p, [...path, i]));
  }

  /** RFC 7946 §3.1.6: an array of linear rings, the first exterior, the others holes. */
  private checkPolygon(node: Node, path: Path, winding: WindingTally): void {
    this.eachItem(node, path, 'linear rings', (ring, ringPath) => {
      const exterior = ringPath[ringPath.length - 1] === 0;
      const positions = this.checkRing(ring, ringPath);
      if (positions) winding.add(positions, exterior, ring, ringPath);
    });
  }

  /** A closed ring of 4 or more positions; gives its positions when all are valid. */
  private checkRing(node: Node, path: Path): number[][] | undefined {
    if (node.type !== 'array') {
      this.report(node, path, `expected a linear ring (an array of positions), got ${kindOf(node)}`);
      return undefined;
    }
    const items = node.children ?? [];
    const positions: number[][] = [];
    let ok = true;
    for (let i = 0; i < items.length && !this.stopped; i++) {
      const p = this.checkPosition(items[i]!, [...path, i]);
      if (p) positions.push(p);
      else ok = false;
    }
    if (items.length < 4) {
      this.report(node, path, `a linear ring needs 4 or more positions (RFC 7946 §3.1.6), got ${items.length}`);
      return undefined;
    }
    if (!ok) return undefined;
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    // §3.1.6: first and last positions MUST contain identical values.
    if (first.length !== last.length || first.some((v, i) => v !== last[i])) {
      this.report(
        items[items.length - 1],
        [...path, items.length - 1],
        `a linear ring must be closed: its last position [${last.join(', ')}] differs from its first [${first.join(', ')}] (RFC 7946 §3.1.6)`,
      );
      return undefined;
    }
    return positions;
  }
}

/** Rings of one geometry that break the right-hand rule, so one warning covers them all. */
class WindingTally {
  readonly wrong: { node: Node; path: Path; message: string }[] = [];

  add(ring: number[][], exterior: boolean, node: Node, path: Path): void {
    const area = signedArea(ring);
    if (area === 0) return; // degenerate ring: no orientation to judge
    if (exterior && area < 0) this.wrong.push({ node, path, message: 'exterior ring is clockwise' });
    if (!exterior && area > 0) this.wrong.push({ node, path, message: 'hole is counterclockwise' });
  }
}

/**
 * Shoelace area in degrees², positive when counterclockwise with x east and y north. Planar
 * is enough to tell orientation; coordinates are taken relative to the first one to keep
 * precision with values near ±180.
 */
function signedArea(ring: number[][]): number {
  const [x0, y0] = ring[0]!;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += (a[0]! - x0!) * (b[1]! - y0!) - (b[0]! - x0!) * (a[1]! - y0!);
  }
  return sum / 2;
}

/** Friendly text for jsonc-parser's error codes. */
function parseErrorMessage(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidCommentToken' || code === 'UnexpectedEndOfComment') return 'comments are not allowed in JSON';
  if (code === 'PropertyNameExpected' || code === 'ValueExpected') {
    const before = text.slice(0, error.offset).trimEnd();
    const here = text[error.offset];
    if (before.endsWith(',') && (here === '}' || here === ']')) return 'trailing commas are not allowed in JSON';
  }
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character (JSON has no NaN, Infinity or unquoted words)',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a member name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end of the JSON value',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string (control characters must be escaped)',
  };
  return `invalid JSON: ${Object.hasOwn(words, code) ? words[code] : code}`;
}

/** Parse errors reported at most, since later ones are often echoes of the first. */
const MAX_PARSE_ERRORS = 20;

/**
 * Validates GeoJSON text against RFC 7946 and gives the parsed object when it has no errors.
 *
 * @example
 * const { data, issues } = validateGeoJSON(text, 'geo/corridor.geojson', { convention: 'layer' });
 * for (const issue of issues) console.log(formatIssue(issue));
 */
export function validateGeoJSON(text: string, file: string, options: ValidateGeoJSONOptions = {}): GeoJSONResult {
  const limits = {
    maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    maxPositions: options.maxPositions ?? DEFAULT_LIMITS.maxPositions,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  };
  const issues: Issue[] = [];
  const fileIssue = (message: string, line = 1, column?: number): GeoJSONResult => {
    issues.push({ file, line, column, field: '', message, severity: 'error' });
    return { issues };
  };

  // Cheap bounds first: the UTF-16 length is at most the UTF-8 length, at least a third of it.
  if (text.length > limits.maxBytes || (text.length * 3 > limits.maxBytes && utf8Length(text) > limits.maxBytes)) {
    return fileIssue(`file is larger than ${limits.maxBytes} bytes; split or simplify it`);
  }
  // RFC 8259 §8.1 lets parsers ignore a byte order mark; dropping it keeps line 1 columns right.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = new LineIndex(text);

  const deep = tooDeepAt(text, limits.maxDepth);
  if (deep !== -1) {
    const { line, column } = lines.at(deep);
    return fileIssue(`nested more than ${limits.maxDepth} levels deep`, line, column);
  }

  // jsonc-parser rather than JSON.parse: it keeps the offset of every node, so each issue can
  // name its line and column. Its JSONC extensions are switched off: a layer must be plain JSON.
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !root) {
    let lastOffset = -1;
    for (const error of errors.slice(0, MAX_PARSE_ERRORS)) {
      if (error.offset === lastOffset) continue; // one token, one message
      lastOffset = error.offset;
      const { line, column } = lines.at(error.offset);
      issues.push({ file, line, column, field: '', message: parseErrorMessage(error, text), severity: 'error' });
    }
    return issues.length ? { issues } : fileIssue('invalid JSON: empty file');
  }

  const checker = new Checker(file, lines, limits.maxPositions);
  checker.checkMemberNames(root);
  checker.checkObject(root, [], 'any');
  issues.push(...checker.issues);
  if (issues.some((i) => i.severity === 'error')) return { issues: sortIssues(issues) };

  // Safe: JSON.parse defines "__proto__" as an own member (and none are left by now); it is
  // also far faster than rebuilding the value from the tree.
  const data = JSON.parse(text) as GeoJSONRoot;
  issues.push(...secondOpinion(data, root, file, lines));
  if (options.convention) {
    issues.push(...locateProblems(conventionProblems(data, options.convention), file, root, lines));
  }
  const sorted = sortIssues(issues);
  return sorted.some((i) => i.severity === 'error') ? { issues: sorted } : { data, issues: sorted };
}

/**
 * geojson-validation as a cross-check. Alone it is not enough: it gives no positions, accepts
 * 4-value positions, out-of-range longitudes and any `properties` or `id`, ignores §7.1, and
 * looks types up on plain objects, so `"type": "constructor"` passes and `"__proto__"` throws.
 * It runs only on input our own checks found sound, so anything it still reports is a gap in
 * them; it is then checked feature by feature to point at the right feature.
 */
function secondOpinion(data: GeoJSONRoot, root: Node, file: string, lines: LineIndex): Issue[] {
  const targets: { value: unknown; path: Path; check: (v: unknown) => unknown }[] =
    data.type === 'FeatureCollection'
      ? data.features.map((f, i) => ({ value: f, path: ['features', i], check: (v) => gjv.isFeature(v, true) }))
      : [{ value: data, path: [], check: (v) => gjv.valid(v, true) }];
  const found: Issue[] = [];
  for (const { value, path, check } of targets) {
    let messages: unknown;
    try {
      messages = check(value);
    } catch (e) {
      messages = [`geojson-validation failed: ${String(e)}`];
    }
    if (!Array.isArray(messages)) continue;
    const { line, column } = lines.at(findNodeAtLocation(root, path)?.offset ?? 0);
    for (const message of messages) {
      found.push({
        file,
        line,
        column,
        field: formatPath(path),
        message: `geojson-validation: ${String(message)}`,
        severity: 'error',
      });
    }
  }
  return found;
}

/** Which property convention applies to a path relative to the project root; none outside geo/. */
export function conventionFor(path: string): PropertyConvention | undefined {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (p.startsWith('geo/basemap/')) return 'basemap';
  if (p.startsWith('geo/')) return 'layer';
  return undefined;
}

/** A convention problem before it is given a line: the path and what is wrong. */
interface Problem {
  path: Path;
  message: string;
}

const LAYER_KEYS = ['name_zh_hant', 'name_en', 'source', 'confidence'] as const;
const LABEL_KEYS = ['name_zh_hant', 'name_en'] as const;

/**
 * The project's own rule, kept apart from RFC 7946: layer features say what they are in both
 * languages and where they come from; basemap land says its source, basemap labels their names.
 */
function conventionProblems(data: GeoJSONRoot, convention: PropertyConvention): Problem[] {
  const features: { feature: Feature; path: Path }[] =
    data.type === 'FeatureCollection'
      ? data.features.map((feature, i) => ({ feature, path: ['features', i] }))
      : data.type === 'Feature'
        ? [{ feature: data, path: [] }]
        : [];
  if (data.type !== 'FeatureCollection' && data.type !== 'Feature') {
    return [
      {
        path: [],
        message: `files in geo/ must be a Feature or FeatureCollection so features can carry names and a source, got ${data.type}`,
      },
    ];
  }
  const problems: Problem[] = [];
  for (const { feature, path } of features) {
    const geometryType = feature.geometry?.type;
    const isLabel = geometryType === 'Point' || geometryType === 'MultiPoint';
    const keys: readonly string[] = convention === 'layer' ? LAYER_KEYS : isLabel ? LABEL_KEYS : ['source'];
    const what = convention === 'layer' ? 'layer features' : isLabel ? 'basemap labels' : 'basemap land features';
    const props = feature.properties;
    for (const key of keys) {
      const value = props && Object.hasOwn(props, key) ? (props[key] as unknown) : undefined;
      if (typeof value === 'string' && value.trim() !== '') continue;
      const problem = value === undefined ? `missing "${key}"` : `"${key}" must be a non-empty string`;
      problems.push({ path: [...path, 'properties', key], message: `${problem} (${what} need ${keys.join(', ')})` });
    }
  }
  return problems;
}

/** Gives problems the line and column of their field, or of its nearest existing parent. */
function locateProblems(problems: Problem[], file: string, root: Node | undefined, lines: LineIndex): Issue[] {
  return problems.map(({ path, message }) => {
    let node: Node | undefined;
    for (let n = path.length; root && !node && n >= 0; n--) {
      node = findNodeAtLocation(root, path.slice(0, n));
      // Point at the member, not its value: `"name_en": 3` is read from its name.
      if (node?.parent?.type === 'property') node = node.parent;
    }
    const { line, column } = lines.at(node?.offset ?? 0);
    return { file, line, column, field: formatPath(path), message, severity: 'error' as const };
  });
}

/**
 * Checks the project's property convention on validated GeoJSON; pass its text for positions.
 *
 * @example
 * const issues = checkLayerProperties(data, 'geo/corridor.geojson', conventionFor('geo/corridor.geojson') ?? 'layer', text);
 */
export function checkLayerProperties(
  data: GeoJSONRoot,
  file: string,
  convention: PropertyConvention,
  text?: string,
): Issue[] {
  const source = text?.charCodeAt(0) === 0xfeff ? text.slice(1) : (text ?? '');
  const root = text === undefined ? undefined : parseTree(source);
  return locateProblems(conventionProblems(data, convention), file, root, new LineIndex(source));
}
