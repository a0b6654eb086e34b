import type { Feature, FeatureCollection, Geometry, LineString, MultiLineString, Point } from 'geojson';
import type { ChapterMeasure, LngLat } from '../story/types';
import { nearestOnLine, pointAtChainage } from './chainage';
import { straightDistance } from './distance';
import { lineLength, lineParts } from './line-length';
import { sliceByChainage } from './slice';

/**
 * A chapter's declared measurement worked out on its layer's data.
 *
 * @example
 * const { alongMeters, fromChainageMeters, toChainageMeters } = resolveChapterMeasure(measure, corridorLayer)!;
 */
export interface ResolvedMeasure {
  /** Metres along the line between the two ends. */
  alongMeters: number;
  /** Great-circle metres between the two ends. */
  straightMeters: number;
  /** Chainage of the start, metres from the line's first vertex. */
  fromChainageMeters: number;
  /** Chainage of the end, metres from the line's first vertex. */
  toChainageMeters: number;
  /** The start, on the line. */
  from: LngLat;
  /** The end, on the line. */
  to: LngLat;
  /** The measured stretch of the line, for drawing. */
  slice: MultiLineString;
  /** Top-level id of the line measured along, when it has one. */
  feature?: string | number;
}

/** Why a chapter's measure cannot be worked out on its layer's data, and which field of it is at fault. */
export interface MeasureProblem {
  /** The field of `measure` at fault: `layer` when the layer has no line at all. */
  field: 'layer' | 'feature' | 'from' | 'to';
  /** What is wrong, in plain English. */
  message: string;
}

type Line = Feature<LineString | MultiLineString>;
type AnyFeature = Feature<Geometry | null>;

function isLine(f: AnyFeature): f is Line {
  return f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';
}

function isPoint(f: AnyFeature): f is Feature<Point> {
  return f.geometry?.type === 'Point';
}

// An id as an author would write it: text in quotes, a number bare.
const showId = (id: string | number) => (typeof id === 'number' ? String(id) : JSON.stringify(id));
const kindOf = (f: AnyFeature) => f.geometry?.type ?? 'feature without geometry';

/** The line a measure runs along, or why there is none. */
function findLine(measure: ChapterMeasure, data: FeatureCollection<Geometry | null>): Line | MeasureProblem {
  let line: Line | undefined;
  if (measure.feature === undefined) {
    line = data.features.find(isLine);
    if (!line) return { field: 'layer', message: 'the layer has no LineString or MultiLineString to measure along' };
  } else {
    const named = data.features.filter((f) => f.id === measure.feature);
    line = named.find(isLine);
    if (!line) {
      const wanted = showId(measure.feature);
      if (named[0])
        return {
          field: 'feature',
          message: `the feature ${wanted} is a ${kindOf(named[0])}, not a LineString or MultiLineString`,
        };
      // Ids of lines are compared strictly: 7 and "7" are different features, as in `featureBounds`.
      const other = data.features.find((f) => f.id !== undefined && String(f.id) === String(measure.feature));
      const hint = other?.id !== undefined ? `; there is one with the id ${showId(other.id)}` : '';
      return { field: 'feature', message: `no feature has the id ${wanted}${hint}` };
    }
  }
  if (lineParts(line).every((part) => part.length === 0)) {
    return { field: measure.feature === undefined ? 'layer' : 'feature', message: 'the line has no positions' };
  }
  return line;
}

/** Where a named end is: the first Point feature whose id reads as `id`, or why there is none. */
function findPoint(
  id: string,
  field: 'from' | 'to',
  data: FeatureCollection<Geometry | null>,
): LngLat | MeasureProblem {
  const named = data.features.filter((f) => f.id !== undefined && String(f.id) === id);
  const point = named.find(isPoint);
  // A valid Point has at least two numbers; a third, the altitude, plays no part here.
  if (point) return point.geometry.coordinates.slice(0, 2) as LngLat;
  if (named[0]) return { field, message: `the feature ${JSON.stringify(id)} is a ${kindOf(named[0])}, not a Point` };
  return { field, message: `no feature has the id ${JSON.stringify(id)}` };
}

const isProblem = (x: object): x is MeasureProblem => 'message' in x;

/** The line and the ends of a measure as positions, or every reason it cannot be measured. */
function locate(
  measure: ChapterMeasure,
  data: FeatureCollection<Geometry | null>,
): { line: Line; from?: number | LngLat; to?: number | LngLat } | { problems: MeasureProblem[] } {
  const problems: MeasureProblem[] = [];
  const line = findLine(measure, data);
  if (isProblem(line)) problems.push(line);
  const end = (value: ChapterMeasure['from'], field: 'from' | 'to') => {
    if (typeof value !== 'string') return value;
    const found = findPoint(value, field, data);
    if (!isProblem(found)) return found;
    problems.push(found);
    return undefined;
  };
  const from = end(measure.from, 'from');
  const to = end(measure.to, 'to');
  if (problems.length > 0 || isProblem(line)) return { problems };
  return { line, from, to };
}

/**
 * Why a chapter's `measure` cannot be worked out on its layer's GeoJSON: empty exactly when
 * {@link resolveChapterMeasure} gives a result. Each problem names the field at fault.
 *
 * @example
 * measureProblems({ layer: 'corridor', from: 'big-wutong', to: 'nowhere' }, corridorLayer);
 * // [{ field: 'to', message: 'no feature has the id "nowhere"' }]
 */
export function measureProblems(measure: ChapterMeasure, data: FeatureCollection<Geometry | null>): MeasureProblem[] {
  const located = locate(measure, data);
  return 'problems' in located ? located.problems : [];
}

/**
 * Works out a chapter's `measure` on the GeoJSON of its layer; undefined when it cannot be
 * measured there (see {@link measureProblems} for why).
 *
 * The line is the feature with top-level id `measure.feature` (compared strictly, as in
 * `featureBounds`), or the layer's first LineString / MultiLineString when no feature is named.
 * Each end is a chainage in km (clamped to the line), a [lon, lat] projected onto the line, or
 * the id of a Point feature in the same layer (ids compared as text, so `'7'` names the feature
 * with id 7), whose position is projected onto the line. A missing `from` is the line's start
 * (km 0) and a missing `to` its end. The result is undefined when there is no such line, the
 * line has no positions, or a named end has no Point feature with that id. The ends keep their
 * declared order in the result, the measured stretch always runs in the line's direction.
 *
 * @example
 * resolveChapterMeasure({ layer: 'corridor', feature: 'centreline' }, corridorLayer);
 * // { alongMeters: 5385.7…, fromChainageMeters: 0, toChainageMeters: 5385.7…, … }
 * resolveChapterMeasure({ layer: 'corridor', from: 'boundary-saddle', to: 'robins-nest-summit' }, corridorLayer);
 * // the stretch of the centreline between the two points' projections onto it
 */
export function resolveChapterMeasure(
  measure: ChapterMeasure,
  data: FeatureCollection<Geometry | null>,
): ResolvedMeasure | undefined {
  const located = locate(measure, data);
  if ('problems' in located) return undefined;
  const { line } = located;
  const total = lineLength(line);
  const chainageOf = (end: number | LngLat | undefined, fallback: number): number => {
    if (end === undefined) return fallback;
    if (typeof end === 'number') return Math.min(Math.max(end * 1000, 0), total);
    return nearestOnLine(line, end).chainageMeters;
  };
  const fromChainageMeters = chainageOf(located.from, 0);
  const toChainageMeters = chainageOf(located.to, total);
  const from = pointAtChainage(line, fromChainageMeters);
  const to = pointAtChainage(line, toChainageMeters);
  const result: ResolvedMeasure = {
    alongMeters: Math.abs(toChainageMeters - fromChainageMeters),
    straightMeters: straightDistance([from, to]),
    fromChainageMeters,
    toChainageMeters,
    from,
    to,
    slice: sliceByChainage(line, fromChainageMeters, toChainageMeters),
  };
  if (line.id !== undefined) result.feature = line.id;
  return result;
}
