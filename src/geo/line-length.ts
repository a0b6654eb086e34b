import { feature, length } from '@turf/turf';
import type { Feature, LineString, MultiLineString, Position } from 'geojson';

/** A line to measure along: a LineString or MultiLineString, bare or wrapped in a Feature. */
export type LineInput = Feature<LineString | MultiLineString> | LineString | MultiLineString;

/**
 * Length in metres of a line: the sum of great-circle lengths of its segments on Turf's
 * sphere (R = 6,371,008.8 m). The gaps between the parts of a MultiLineString do not count.
 *
 * @example
 * lineLength({ type: 'LineString', coordinates: [[0, 0], [1, 0]] }); // 111195.08… (one degree of equator)
 */
export function lineLength(line: LineInput): number {
  return length(line.type === 'Feature' ? line : feature(line), { units: 'meters' });
}

/**
 * The position lists of a line, one per part: a LineString has one part, a MultiLineString one per line.
 *
 * @example
 * lineParts({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 0]], [[2, 0], [3, 0]]] }).length; // 2
 */
export function lineParts(line: LineInput): Position[][] {
  const geometry = line.type === 'Feature' ? line.geometry : line;
  return geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
}
