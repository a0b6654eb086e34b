/**
 * GeoJSON (RFC 7946) validation with line-accurate issues: the checks of geojson-checks.ts with
 * the second opinion of geojson-validation (geojson-validation-cross-check.ts).
 *
 * Pure: no DOM and no Node APIs, so the same checks run in the validate CLI and in the
 * browser when the viewer loads a layer. Every issue carries the 1-based line and column of
 * the offending member and its field path (`features[3].geometry.coordinates[0][2]`).
 */
import {
  checkGeoJSON,
  checkGeoJSONFully,
  isSound,
  type GeoJSONResult,
  type ValidateGeoJSONOptions,
} from './geojson-checks';
import { crossCheckWithGeojsonValidation } from './geojson-validation-cross-check';

export {
  asFeatureCollection,
  DEFAULT_LIMITS,
  type GeoJSONResult,
  type GeoJSONRoot,
  type ValidateGeoJSONOptions,
} from './geojson-checks';
export { checkLayerProperties, conventionFor, type PropertyConvention } from './property-conventions';

/**
 * Validates GeoJSON text against RFC 7946 and gives the parsed object when it has no errors.
 * Fast for a sound file: JSON.parse and one walk over the value (geojson-quick-check.ts); only a
 * file with something to report is read again into a tree that gives each issue its line and
 * column, so the issues are the same either way.
 *
 * @example
 * const { data, issues } = validateGeoJSON(text, 'geo/corridor.geojson', { convention: 'layer' });
 * for (const issue of issues) console.log(formatIssue(issue));
 */
export function validateGeoJSON(text: string, file: string, options: ValidateGeoJSONOptions = {}): GeoJSONResult {
  return checkGeoJSON(text, file, options, crossCheckWithGeojsonValidation);
}

/**
 * True when `value`, parsed with JSON.parse from `source` (the text without its byte order mark),
 * is GeoJSON that {@link validateGeoJSON} passes without a single issue.
 * @example isSoundGeoJSON(JSON.parse(text), text, 'x.geojson') // true or false
 */
export function isSoundGeoJSON(
  value: unknown,
  source: string,
  file: string,
  options: ValidateGeoJSONOptions = {},
): boolean {
  return isSound(value, source, file, options, crossCheckWithGeojsonValidation);
}

/**
 * The full validation, every issue at its line and column: what {@link validateGeoJSON} gives,
 * without its quick pass for sound files (slower: for tests that compare the two, and timing).
 * @example validateGeoJSONFully(text, 'x.geojson').issues
 */
export function validateGeoJSONFully(text: string, file: string, options: ValidateGeoJSONOptions = {}): GeoJSONResult {
  return checkGeoJSONFully(text, file, options, crossCheckWithGeojsonValidation);
}
