/**
 * RFC 7946 coordinates: positions (§3.1.1) and the arrays of them each geometry type holds,
 * linear rings and their winding (§3.1.6), and bounding boxes (§5), with a cap on positions.
 */
import type { Node } from 'jsonc-parser';
import { kindOf, type JsonIssues, type Path } from './json-text';

/** Checks the coordinates of the geometries of one file, counting their positions against a limit. */
export class CoordinateChecker {
  private positions = 0;
  /** Set once the position cap is hit: the rest of the file is not walked. */
  stopped = false;

  constructor(
    private readonly out: JsonIssues,
    private readonly maxPositions: number,
  ) {}

  /** RFC 7946 §3.1: the "coordinates" of a geometry of the given type; one warning covers its misturned rings. */
  checkCoordinates(coordinates: Node, at: Path, type: string): void {
    const winding = new WindingTally();
    const position = (node: Node, path: Path) => void this.checkPosition(node, path);
    const line = (node: Node, path: Path) => this.checkLine(node, path);
    const polygon = (node: Node, path: Path) => this.checkPolygon(node, path, winding);
    // A Multi* geometry holds an array of what its single kind holds (RFC 7946 §3.1.3, §3.1.5, §3.1.7).
    const checks = new Map<string, (node: Node, path: Path) => void>([
      ['Point', position],
      ['MultiPoint', (node, path) => this.eachItem(node, path, 'positions', position)],
      ['LineString', line],
      ['MultiLineString', (node, path) => this.eachItem(node, path, 'line coordinate arrays', line)],
      ['Polygon', polygon],
      ['MultiPolygon', (node, path) => this.eachItem(node, path, 'polygon coordinate arrays', polygon)],
    ]);
    checks.get(type)?.(coordinates, at);
    if (winding.wrong.length && !this.stopped) {
      const [first, ...rest] = winding.wrong;
      const more = rest.length ? ` (and ${rest.length} more ring${rest.length > 1 ? 's' : ''} in this geometry)` : '';
      // §3.1.6: the right-hand rule is a SHOULD and parsers SHOULD NOT reject, hence a warning.
      this.out.report(
        first!.node,
        first!.path,
        `${first!.message}${more}; RFC 7946 §3.1.6 wants exterior rings counterclockwise and holes clockwise`,
        'warning',
      );
    }
  }

  /** RFC 7946 §5: [west, south, (min alt,) east, north, (max alt)], all numbers. */
  checkBbox(node: Node, path: Path): void {
    const items = node.children ?? [];
    if (node.type !== 'array' || (items.length !== 4 && items.length !== 6)) {
      const got = node.type === 'array' ? `${items.length} values` : kindOf(node);
      this.out.report(node, path, `bbox must be an array of 2*n numbers (4 for 2D, 6 for 3D; RFC 7946 §5), got ${got}`);
      return;
    }
    const values = this.finiteNumbers(items, path);
    if (!values) return;
    const n = values.length / 2;
    for (let axis = 0; axis < n; axis++) {
      const min = values[axis]!;
      const max = values[axis + n]!;
      // §5.2: a box crossing the antimeridian has west > east, so longitude order is not checked.
      if (axis === 0) continue;
      if (min > max) {
        this.out.report(
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
      this.out.report(node, path, `${axis} ${value} is outside [-${limit}, ${limit}] (WGS 84, RFC 7946 §4)`);
      return false;
    }
    return true;
  }

  /** The values of number nodes when all are finite; otherwise undefined, and each other node reported. */
  private finiteNumbers(items: Node[], path: Path): number[] | undefined {
    const values: number[] = [];
    items.forEach((item, i) => {
      if (item.type !== 'number' || !Number.isFinite(item.value)) {
        this.out.report(item, [...path, i], `expected a finite number, got ${kindOf(item)}`);
      } else values.push(item.value as number);
    });
    return values.length === items.length ? values : undefined;
  }

  /** Calls `each` for every item of an array node, reporting a non-array once. */
  private eachItem(node: Node, path: Path, what: string, each: (item: Node, path: Path) => void): void {
    if (node.type !== 'array') {
      this.out.report(node, path, `expected an array of ${what}, got ${kindOf(node)}`);
      return;
    }
    const items = node.children ?? [];
    for (let i = 0; i < items.length && !this.stopped; i++) each(items[i]!, [...path, i]);
  }

  /** RFC 7946 §3.1.1: 2 or 3 finite numbers, longitude then latitude (then altitude). */
  private checkPosition(node: Node, path: Path): number[] | undefined {
    if (this.stopped) return undefined;
    if (++this.positions > this.maxPositions) {
      this.out.report(
        node,
        path,
        `more than ${this.maxPositions} positions (limits.positions); the rest of the file is not checked`,
      );
      this.stopped = true;
      return undefined;
    }
    if (node.type !== 'array') {
      this.out.report(node, path, `expected a position [longitude, latitude], got ${kindOf(node)}`);
      return undefined;
    }
    const items = node.children ?? [];
    if (items.length < 2 || items.length > 3) {
      // §3.1.1: two or more elements, and implementations SHOULD NOT extend beyond three;
      // a fourth value (a measure, a timestamp) means something only its writer knows.
      this.out.report(node, path, `a position has 2 or 3 numbers (RFC 7946 §3.1.1), got ${items.length}`);
      return undefined;
    }
    const values = this.finiteNumbers(items, path);
    if (!values) return undefined;
    let ok = this.checkLonLat(items[0]!, values[0]!, [...path, 0], 'longitude');
    ok = this.checkLonLat(items[1]!, values[1]!, [...path, 1], 'latitude') && ok;
    return ok ? values : undefined;
  }

  /** RFC 7946 §3.1.4: a LineString has two or more positions. */
  private checkLine(node: Node, path: Path): void {
    if (node.type !== 'array') {
      this.out.report(node, path, `expected an array of positions, got ${kindOf(node)}`);
      return;
    }
    const items = node.children ?? [];
    if (items.length < 2) {
      this.out.report(node, path, `a line needs 2 or more positions (RFC 7946 §3.1.4), got ${items.length}`);
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
      this.out.report(node, path, `expected a linear ring (an array of positions), got ${kindOf(node)}`);
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
      this.out.report(node, path, `a linear ring needs 4 or more positions (RFC 7946 §3.1.6), got ${items.length}`);
      return undefined;
    }
    if (!ok) return undefined;
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    // §3.1.6: first and last positions MUST contain identical values.
    if (first.length !== last.length || first.some((v, i) => v !== last[i])) {
      this.out.report(
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
