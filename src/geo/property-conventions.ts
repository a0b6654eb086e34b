/**
 * The project's own rule for the properties of layer files, kept apart from RFC 7946: layer
 * features say what they are in Traditional Chinese and English and where they come from; basemap
 * land says its source, basemap labels their names. A Simplified Chinese name (`name_zh_hans`) may
 * come with the others; the map labels a feature without one with its Traditional name.
 */
import type { Feature, GeoJSON } from 'geojson';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Issue } from '../story/types';
import { JsonIssues, LineIndex, withoutBom, type Path } from './json-text';

/** The project's property convention for layer files: `layer` (geo/) or `basemap` (geo/basemap/). */
export type PropertyConvention = 'layer' | 'basemap';

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
/** Names a feature may have, non-empty text when it does. */
const OPTIONAL_NAME_KEYS = ['name_zh_hans'] as const;

/** Where `data` breaks the convention, feature by feature. */
function conventionProblems(data: GeoJSON, convention: PropertyConvention): Problem[] {
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
    if (keys === LAYER_KEYS || keys === LABEL_KEYS)
      for (const key of OPTIONAL_NAME_KEYS) {
        const value = props && Object.hasOwn(props, key) ? (props[key] as unknown) : undefined;
        if (value === undefined || (typeof value === 'string' && value.trim() !== '')) continue;
        problems.push({
          path: [...path, 'properties', key],
          message: `"${key}" must be a non-empty string when given`,
        });
      }
  }
  return problems;
}

/**
 * Reports where validated GeoJSON breaks the convention, each problem at its field or at the
 * nearest parent that exists in the tree `root` (the start of the file without a tree).
 *
 * @example
 * checkConvention(data, 'layer', root, out);
 */
export function checkConvention(
  data: GeoJSON,
  convention: PropertyConvention,
  root: Node | undefined,
  out: JsonIssues,
): void {
  for (const { path, message } of conventionProblems(data, convention)) {
    let node: Node | undefined;
    for (let n = path.length; root && !node && n >= 0; n--) {
      node = findNodeAtLocation(root, path.slice(0, n));
      // Point at the member, not its value: `"name_en": 3` is read from its name.
      if (node?.parent?.type === 'property') node = node.parent;
    }
    out.report(node, path, message);
  }
}

/**
 * Checks the project's property convention on validated GeoJSON; pass its text for positions.
 *
 * @example
 * const issues = checkLayerProperties(data, 'geo/corridor.geojson', conventionFor('geo/corridor.geojson') ?? 'layer', text);
 */
export function checkLayerProperties(
  data: GeoJSON,
  file: string,
  convention: PropertyConvention,
  text?: string,
): Issue[] {
  const source = withoutBom(text ?? '');
  const out = new JsonIssues(file, new LineIndex(source));
  checkConvention(data, convention, text === undefined ? undefined : parseTree(source), out);
  return out.issues;
}
