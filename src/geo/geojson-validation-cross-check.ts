/**
 * A second opinion on GeoJSON from the geojson-validation package. Alone it is not enough: it
 * gives no positions, accepts 4-value positions, out-of-range longitudes and any `properties`
 * or `id`, ignores RFC 7946 §7.1, and looks types up on plain objects, so `"type": "constructor"`
 * passes and `"__proto__"` throws. It runs only on input the RFC 7946 checks found sound, so
 * anything it still reports is a gap in them.
 *
 * Its checks are of structure (member types, nesting of coordinate arrays, ring closure), the
 * same for every feature of one geometry type, and it walks each value several times, allocating
 * as it goes (about as long as the whole of our own checks on a large file). So a file of up to
 * {@link CROSS_CHECK_EVERY_FEATURE_BELOW} characters has every feature checked, and a larger one
 * the first feature of each geometry type that holds at most {@link CROSS_CHECK_SAMPLE_POSITIONS}
 * positions: each kind of structure the file uses still gets its second opinion, while the
 * RFC 7946 checks, one tight pass, look at every position. The same features are checked
 * whichever way the file is validated, so the issues do not depend on the path taken.
 */
import type { Feature, GeoJSON, Geometry } from 'geojson';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
// geojson-validation ships no type declarations; src/types/geojson-validation.d.ts declares what is used.
import gjv from 'geojson-validation';
import type { JsonIssues, Path } from './json-text';

/** Files shorter than this (in characters) have every feature cross-checked. */
export const CROSS_CHECK_EVERY_FEATURE_BELOW = 1024 * 1024;

/** The most positions a sampled feature of a larger file may hold. */
export const CROSS_CHECK_SAMPLE_POSITIONS = 10_000;

/** Positions in a geometry's coordinates, counting no further than `max + 1`. */
function positionsIn(coordinates: unknown, max: number): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] !== 'object') return 1;
  let n = 0;
  for (const item of coordinates) {
    n += positionsIn(item, max - n);
    if (n > max) break;
  }
  return n;
}

/** The features of a large collection to cross-check: the first small one of each geometry type. */
function sampleFeatures(features: readonly Feature[]): number[] {
  const seen = new Set<string>();
  const picked: number[] = [];
  features.forEach((feature, i) => {
    const geometry = feature.geometry as Geometry | null;
    const type = geometry?.type ?? 'null';
    if (seen.has(type)) return;
    const size =
      geometry && 'coordinates' in geometry
        ? positionsIn(geometry.coordinates, CROSS_CHECK_SAMPLE_POSITIONS)
        : JSON.stringify(geometry).length / 8;
    if (size > CROSS_CHECK_SAMPLE_POSITIONS) return;
    seen.add(type);
    picked.push(i);
  });
  return picked;
}

/**
 * Reports what geojson-validation finds wrong with `data`, parsed from the `length` characters
 * of a file whose tree is `root` (each issue at the start of the file without one). A collection
 * is checked feature by feature, so each message points at its feature.
 *
 * @example
 * crossCheckWithGeojsonValidation(JSON.parse(text), text.length, root, out);
 */
export function crossCheckWithGeojsonValidation(
  data: GeoJSON,
  length: number,
  root: Node | undefined,
  out: JsonIssues,
): void {
  let targets: { value: unknown; path: Path; check: (v: unknown) => unknown }[];
  if (data.type === 'FeatureCollection') {
    const which =
      length < CROSS_CHECK_EVERY_FEATURE_BELOW ? data.features.map((_, i) => i) : sampleFeatures(data.features);
    targets = which.map((i) => ({
      value: data.features[i],
      path: ['features', i],
      check: (v) => gjv.isFeature(v, true),
    }));
  } else if (length < CROSS_CHECK_EVERY_FEATURE_BELOW || sampleFeatures([asFeature(data)]).length > 0) {
    targets = [{ value: data, path: [], check: (v) => gjv.valid(v, true) }];
  } else targets = [];
  for (const { value, path, check } of targets) {
    let messages: unknown;
    try {
      messages = check(value);
    } catch (e) {
      messages = [`geojson-validation failed: ${String(e)}`];
    }
    if (!Array.isArray(messages)) continue;
    const node = root && findNodeAtLocation(root, path);
    for (const message of messages) out.report(node, path, `geojson-validation: ${String(message)}`);
  }
}

/** A Feature, or a geometry as the feature it would be drawn as. */
function asFeature(data: Feature | Geometry): Feature {
  return data.type === 'Feature' ? data : { type: 'Feature', properties: {}, geometry: data };
}
