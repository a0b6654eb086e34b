import { feature, length } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';

/**
 * A line to measure along: a LineString or MultiLineString, bare or wrapped in a Feature.
 *
 * @example
 * const line: LineInput = { type: 'LineString', coordinates: [[114.21464, 22.58228], [114.18991, 22.54103]] };
 */
export type LineInput = Feature<LineString | MultiLineString> | LineString | MultiLineString;

/**
 * Length of a line in metres (Turf `length`).
 *
 * The sum of great-circle lengths of its segments on Turf's sphere, R = 6,371,008.8 m;
 * elevations are ignored, and so are the gaps between the parts of a MultiLineString.
 *
 * @example
 * lineLength({ type: 'LineString', coordinates: [[0, 0], [1, 0]] }); // 111195.08… (one degree of equator)
 */
export function lineLength(line: LineInput): number {
  return length(line.type === 'Feature' ? line : feature(line), { units: 'meters' });
}

/**
 * The position lists of a line, one per part (one for a LineString).
 *
 * @example
 * lineParts({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 0]], [[2, 0], [3, 0]]] }).length; // 2
 */
export function lineParts(line: LineInput): Position[][] {
  const geometry = line.type === 'Feature' ? line.geometry : line;
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}
