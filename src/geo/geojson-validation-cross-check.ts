/**
 * A second opinion on GeoJSON from the geojson-validation package. Alone it is not enough: it
 * gives no positions, accepts 4-value positions, out-of-range longitudes and any `properties`
 * or `id`, ignores RFC 7946 §7.1, and looks types up on plain objects, so `"type": "constructor"`
 * passes and `"__proto__"` throws. It runs only on input the RFC 7946 checks found sound, so
 * anything it still reports is a gap in them.
 */
import type { GeoJSON } from 'geojson';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
// geojson-validation ships no type declarations; src/types/geojson-validation.d.ts declares what is used.
import gjv from 'geojson-validation';
import type { JsonIssues, Path } from './json-text';

/**
 * Reports what geojson-validation finds wrong with `data`, parsed from the tree `root` (each
 * at the start of the file without one). A collection is checked feature by feature, so each
 * message points at its feature.
 *
 * @example
 * crossCheckWithGeojsonValidation(JSON.parse(text), root, out);
 */
export function crossCheckWithGeojsonValidation(data: GeoJSON, root: Node | undefined, out: JsonIssues): void {
  const targets: { value: unknown; path: Path; check: (v: unknown) => unknown }[] =
    data.type === 'FeatureCollection'
      ? data.features.map((f, i) => ({ value: f, path: ['features', i], check: (v) => gjv.isFeature(v, true) }))
      : [{ value: data, path: [], check: (v) => gjv.valid(v, true) }];
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
