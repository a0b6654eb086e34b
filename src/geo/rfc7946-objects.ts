/**
 * RFC 7946 objects: the nine types (§1.4, §3), what a FeatureCollection (§3.3), a Feature
 * (§3.2) and a geometry (§3.1) must hold, and the members none of them may carry (§4, §7.1).
 * Their coordinates are checked by {@link CoordinateChecker}.
 */
import type { Node } from 'jsonc-parser';
import { kindOf, membersOf, valueOf, type JsonIssues, type Path } from './json-text';
import { CoordinateChecker } from './rfc7946-coordinates';

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

/** The caps the RFC 7946 walk applies. */
export interface ObjectCaps {
  /** Stop walking once more positions than this have been read. */
  maxPositions: number;
  /** Refuse a FeatureCollection of more features than this, without walking them. */
  maxFeatures: number;
}

/**
 * Checks a parsed GeoJSON file against RFC 7946, reporting into `out`; stops walking once more
 * than `caps.maxPositions` positions have been read, and does not walk a collection of more than
 * `caps.maxFeatures` features.
 *
 * @example
 * const out = new JsonIssues(file, lines);
 * checkRfc7946(root, out, { maxPositions: 5_000_000, maxFeatures: 200_000 });
 */
export function checkRfc7946(root: Node, out: JsonIssues, caps: ObjectCaps): void {
  new ObjectChecker(out, new CoordinateChecker(out, caps.maxPositions), caps.maxFeatures).checkObject(root, [], 'any');
}

/** Walks the GeoJSON objects of one file, from the root down to each geometry. */
class ObjectChecker {
  constructor(
    private readonly out: JsonIssues,
    private readonly coordinates: CoordinateChecker,
    private readonly maxFeatures: number,
  ) {}

  /** Checks any GeoJSON object; `expect` narrows what the context allows. */
  checkObject(node: Node, path: Path, expect: 'any' | 'feature' | 'geometry', inCollection = false): void {
    if (this.coordinates.stopped) return;
    const wanted =
      expect === 'feature' ? 'a Feature' : expect === 'geometry' ? 'a geometry object' : 'a GeoJSON object';
    if (node.type !== 'object') {
      this.out.report(node, path, `expected ${wanted}, got ${kindOf(node)}`);
      return;
    }
    const members = membersOf(node);
    // RFC 7946 §3: every GeoJSON object has a "type" member naming one of nine types.
    const typeNode = this.required(node, members, path, 'type', '§3', 'string');
    if (!typeNode) return;
    const type = typeNode.value as string;
    // An array lookup, not `table[type]`: names like "constructor" or "__proto__" must not
    // resolve to Object.prototype members.
    if (!ALL_TYPES.includes(type)) {
      this.out.report(
        typeNode,
        [...path, 'type'],
        `unknown type ${JSON.stringify(type)}; expected one of ${ALL_TYPES.join(', ')}`,
      );
      return;
    }
    const isGeometry = (GEOMETRY_TYPES as readonly string[]).includes(type);
    if ((expect === 'feature' && type !== 'Feature') || (expect === 'geometry' && !isGeometry)) {
      this.out.report(typeNode, [...path, 'type'], `expected ${wanted}, got type "${type}"`);
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
        this.out.report(
          prop,
          [...path, name],
          `"${name}" must not appear on ${what}: it would change the object's meaning (RFC 7946 §7.1)`,
        );
      }
    }
    const crs = members.get('crs');
    if (crs) {
      this.out.report(
        crs,
        [...path, 'crs'],
        '"crs" was removed in RFC 7946 (§4); coordinates are read as WGS 84 longitude/latitude regardless',
        'warning',
      );
    }
    const bbox = valueOf(members.get('bbox'));
    if (bbox) this.coordinates.checkBbox(bbox, [...path, 'bbox']);
  }

  /**
   * The value of a member the object must have, or undefined once its absence (or, given `type`,
   * a value of another JSON type) is reported; `section` is the RFC 7946 section requiring it.
   */
  private required(
    node: Node,
    members: Map<string, Node>,
    path: Path,
    name: string,
    section: string,
    type?: 'string' | 'array',
  ): Node | undefined {
    const value = valueOf(members.get(name));
    if (!value) {
      this.out.report(node, path, `missing member "${name}" (RFC 7946 ${section})`);
      return undefined;
    }
    if (type && value.type !== type) {
      const wanted = type === 'array' ? 'an array' : 'a string';
      this.out.report(value, [...path, name], `"${name}" must be ${wanted}, got ${kindOf(value)}`);
      return undefined;
    }
    return value;
  }

  /** RFC 7946 §3.3: a FeatureCollection has a "features" array of Features. */
  private checkFeatureCollection(node: Node, members: Map<string, Node>, path: Path): void {
    const features = this.required(node, members, path, 'features', '§3.3', 'array');
    const count = features?.children?.length ?? 0;
    if (count > this.maxFeatures) {
      this.out.report(
        features,
        [...path, 'features'],
        `${count} features, more than ${this.maxFeatures} (limits.features); split or simplify the file (its features are not checked)`,
      );
      return;
    }
    features?.children?.forEach((feature, i) => this.checkObject(feature, [...path, 'features', i], 'feature'));
  }

  /** RFC 7946 §3.2: geometry (object or null), properties (object or null), optional id. */
  private checkFeature(node: Node, members: Map<string, Node>, path: Path): void {
    const id = members.get('id');
    const idValue = valueOf(id);
    if (idValue && idValue.type !== 'string' && idValue.type !== 'number') {
      this.out.report(
        idValue,
        [...path, 'id'],
        `a Feature "id" must be a string or a number (RFC 7946 §3.2), got ${kindOf(idValue)}`,
      );
    }
    const properties = valueOf(members.get('properties'));
    if (!properties) {
      this.out.report(node, path, 'missing member "properties"; use null for none (RFC 7946 §3.2)');
    } else if (properties.type !== 'object' && properties.type !== 'null') {
      this.out.report(
        properties,
        [...path, 'properties'],
        `"properties" must be an object or null (RFC 7946 §3.2), got ${kindOf(properties)}`,
      );
    }
    const geometry = valueOf(members.get('geometry'));
    if (!geometry) {
      this.out.report(node, path, 'missing member "geometry"; use null for an unlocated feature (RFC 7946 §3.2)');
    } else if (geometry.type !== 'null') {
      this.checkObject(geometry, [...path, 'geometry'], 'geometry');
    }
  }

  /** RFC 7946 §3.1: coordinates by geometry type, or geometries for a collection. */
  private checkGeometry(node: Node, members: Map<string, Node>, path: Path, type: string, inCollection: boolean): void {
    if (type === 'GeometryCollection') {
      if (inCollection) {
        this.out.report(
          node,
          path,
          'nested GeometryCollection; flatten it for interoperability (RFC 7946 §3.1.8)',
          'warning',
        );
      }
      const geometries = this.required(node, members, path, 'geometries', '§3.1.8', 'array');
      geometries?.children?.forEach((g, i) => this.checkObject(g, [...path, 'geometries', i], 'geometry', true));
      return;
    }
    const coordinates = this.required(node, members, path, 'coordinates', '§3.1');
    if (coordinates) this.coordinates.checkCoordinates(coordinates, [...path, 'coordinates'], type);
  }
}
