/**
 * GeoJSON (RFC 7946) validation with line-accurate issues, with the second opinion of
 * geojson-validation handed in (validate-geojson.ts hands it): so a worker can run these checks
 * without that package, which stays a module of its own (NOTICE), and leave it to the page.
 *
 * Pure: no DOM and no Node APIs, so the same checks run in the validate CLI, in the browser
 * and in a worker. Every issue carries the 1-based line and column of the offending member and
 * its field path (`features[3].geometry.coordinates[0][2]`).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Node } from 'jsonc-parser';
import { DEFAULT_CAPS } from '../story/limits';
import { sortIssues, type Issue } from '../story/types';
import { quickCheckGeoJSON } from './geojson-quick-check';
import { checkMemberNames, JsonIssues, LineIndex, parseJsonText, withinBytes, withoutBom } from './json-text';
import { checkConvention, type PropertyConvention } from './property-conventions';
import { checkRfc7946 } from './rfc7946-objects';

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

/** Limits against hostile or accidental huge input, and optional extra checks. */
export interface ValidateGeoJSONOptions {
  /** Largest accepted text, in UTF-8 bytes. */
  maxBytes?: number;
  /** Most positions accepted over all geometries. */
  maxPositions?: number;
  /** Most features accepted in a FeatureCollection. */
  maxFeatures?: number;
  /** Deepest accepted nesting of arrays and objects. */
  maxDepth?: number;
  /** Also check the project's property convention (see `checkLayerProperties`). */
  convention?: PropertyConvention;
}

/** Default limits: room for a detailed regional layer, far below what hangs a browser tab (`limits` in the viewer). */
export const DEFAULT_LIMITS = {
  maxBytes: DEFAULT_CAPS.layerBytes,
  maxPositions: DEFAULT_CAPS.positions,
  maxFeatures: DEFAULT_CAPS.features,
  maxDepth: DEFAULT_CAPS.depth,
} as const satisfies Required<Omit<ValidateGeoJSONOptions, 'convention'>>;

/** What validation gives: the parsed object when it has no errors (warnings allowed), and every issue. */
export interface GeoJSONResult {
  data?: GeoJSONRoot;
  issues: Issue[];
}

const isError = (issue: Issue) => issue.severity === 'error';

/**
 * A second opinion on a file found sound: reports into `out` what it finds in `data`, parsed
 * from a text of `length` characters whose tree is `root` (none on the quick path).
 */
export type CrossCheck = (data: GeoJSONRoot, length: number, root: Node | undefined, out: JsonIssues) => void;

type Caps = Required<Omit<ValidateGeoJSONOptions, 'convention'>>;

const capsOf = (options: ValidateGeoJSONOptions): Caps => ({
  maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
  maxPositions: options.maxPositions ?? DEFAULT_LIMITS.maxPositions,
  maxFeatures: options.maxFeatures ?? DEFAULT_LIMITS.maxFeatures,
  maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
});

/**
 * Validates GeoJSON text against RFC 7946 and gives the parsed object when it has no errors.
 * Fast for a sound file: JSON.parse and one walk over the value (geojson-quick-check.ts); only a
 * file with something to report is read again into a tree that gives each issue its line and
 * column ({@link checkGeoJSONFully}), so the issues are the same either way.
 *
 * @example
 * const { data, issues } = checkGeoJSON(text, 'geo/corridor.geojson', { convention: 'layer' }, crossCheck);
 * for (const issue of issues) console.log(formatIssue(issue));
 */
export function checkGeoJSON(
  text: string,
  file: string,
  options: ValidateGeoJSONOptions = {},
  crossCheck?: CrossCheck,
): GeoJSONResult {
  const caps = capsOf(options);
  if (withinBytes(text, caps.maxBytes)) {
    const source = withoutBom(text);
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      value = undefined; // the full validation says where
    }
    if (value !== undefined && isSound(value, source, file, options, crossCheck))
      return { data: value as GeoJSONRoot, issues: [] };
  }
  return checkGeoJSONFully(text, file, options, crossCheck);
}

/**
 * True when `value`, parsed with JSON.parse from `source` (the text without its byte order mark),
 * is GeoJSON that {@link checkGeoJSON} passes without a single issue: the quick walk, then the
 * second opinions with no tree, anything they say sending the file to the full validation.
 * @example isSound(JSON.parse(text), text, 'x.geojson') // true or false
 */
export function isSound(
  value: unknown,
  source: string,
  file: string,
  options: ValidateGeoJSONOptions = {},
  crossCheck?: CrossCheck,
): boolean {
  if (!quickCheckGeoJSON(value, source, capsOf(options))) return false;
  const data = value as GeoJSONRoot;
  const probe = new JsonIssues(file, new LineIndex(''));
  crossCheck?.(data, source.length, undefined, probe);
  if (options.convention) checkConvention(data, options.convention, undefined, probe);
  return probe.issues.length === 0;
}

/**
 * The full validation, every issue at its line and column: what {@link checkGeoJSON} gives,
 * without its quick pass for sound files (slower: for tests that compare the two, and timing).
 * @example checkGeoJSONFully(text, 'x.geojson').issues
 */
export function checkGeoJSONFully(
  text: string,
  file: string,
  options: ValidateGeoJSONOptions = {},
  crossCheck?: CrossCheck,
): GeoJSONResult {
  const caps = capsOf(options);
  const parsed = parseJsonText(text, file, caps);
  if ('issues' in parsed) return { issues: parsed.issues };

  const out = new JsonIssues(file, parsed.lines);
  checkMemberNames(parsed.root, out);
  checkRfc7946(parsed.root, out, caps);
  if (out.issues.some(isError)) return { issues: sortIssues(out.issues) };

  // Safe: JSON.parse defines "__proto__" as an own member (and none are left by now); it is
  // also far faster than rebuilding the value from the tree.
  const data = JSON.parse(parsed.text) as GeoJSONRoot;
  crossCheck?.(data, parsed.text.length, parsed.root, out);
  if (options.convention) checkConvention(data, options.convention, parsed.root, out);
  const issues = sortIssues(out.issues);
  return issues.some(isError) ? { issues } : { data, issues };
}
