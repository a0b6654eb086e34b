import { distance } from '@turf/turf';
import type { MultiLineString, Position } from 'geojson';
import type { LngLat } from '../story/types';
import { pointAtChainage } from './chainage';
import { lineParts, type LineInput } from './line-length';

/**
 * The stretch of a line between two chainages (metres from its first vertex, as in `chainage.ts`).
 *
 * Returned as a MultiLineString with one part per stretch of each stored part it crosses, so
 * the gaps between the parts of a MultiLineString are not bridged. The order of `fromMeters`
 * and `toMeters` does not matter: the stretch always runs in the line's stored direction.
 * Chainages are clamped to the line. When both chainages are equal the result has a single
 * part of two equal positions (a point), so a map can still show where it is.
 *
 * Used to draw an along-corridor measurement on the map; its length equals
 * `|toMeters - fromMeters|` (after clamping) to a millimetre.
 *
 * @throws {RangeError} when a chainage is NaN or the line has no positions.
 * @example
 * const equator: LineString = { type: 'LineString', coordinates: [[0, 0], [2, 0]] };
 * sliceByChainage(equator, 55597.54, 166792.62);
 * // { type: 'MultiLineString', coordinates: [[[0.5, 0], [1.5, 0]]] } (to a few nanodegrees)
 */
export function sliceByChainage(line: LineInput, fromMeters: number, toMeters: number): MultiLineString {
  if (Number.isNaN(fromMeters) || Number.isNaN(toMeters)) throw new RangeError('sliceByChainage: chainage is NaN');
  const parts = lineParts(line).filter((part) => part.length > 0);
  if (parts.length === 0) throw new RangeError('sliceByChainage: the line has no positions');
  const start = Math.max(0, Math.min(fromMeters, toMeters));
  const end = Math.max(0, Math.max(fromMeters, toMeters));
  const out: Position[][] = [];
  let offset = 0;
  for (const part of parts) {
    // Chainage of each vertex of this part.
    const chain = [offset];
    for (let i = 1; i < part.length; i++)
      chain.push(chain[i - 1] + distance(part[i - 1], part[i], { units: 'meters' }));
    const partEnd = chain[chain.length - 1];
    if (part.length >= 2 && end >= offset && start <= partEnd) {
      const partLine = { type: 'LineString' as const, coordinates: part };
      const a = Math.max(start, offset) - offset;
      const b = Math.min(end, partEnd) - offset;
      const stretch: Position[] = [pointAtChainage(partLine, a)];
      for (let i = 0; i < part.length; i++) {
        const c = chain[i] - offset;
        if (c > a && c < b) stretch.push(lngLat(part[i]));
      }
      stretch.push(pointAtChainage(partLine, b));
      out.push(stretch);
    }
    offset = partEnd;
  }
  if (out.length === 0) {
    // Beyond the end (after clamping, only possible through rounding): the last vertex.
    const p = pointAtChainage(line, end);
    out.push([p, p]);
  }
  return { type: 'MultiLineString', coordinates: out };
}

function lngLat(position: Position): LngLat {
  return [position[0], position[1]];
}
