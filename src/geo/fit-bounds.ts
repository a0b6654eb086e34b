import { bbox } from '@turf/turf';
import type { FeatureCollection, Geometry } from 'geojson';
import type { FieldAt, FitTarget } from '../story/types';
import { featureBounds, type Bounds } from './bounds';
import { resolveChapterMeasure } from './chapter-measure';

/** A layer's data: loaded, still on its way (`undefined`), or never coming (`null`: it failed to load). */
export type LayerData = FeatureCollection<Geometry | null> | undefined | null;

/** Why one target of a fit frames nothing, located at its reference in the story file. */
export interface FitProblem {
  /** The reference at fault. */
  at: FieldAt;
  /** What is wrong, in plain English. */
  message: string;
}

/** What the targets of a fit come to on the data at hand. */
export interface FitResolution {
  /** The union of the bounds of every target that could be placed; undefined when none could. */
  bounds?: Bounds;
  /** Layers whose data is still on its way: the fit is not final until they arrive. */
  waiting: string[];
  /** Targets that frame nothing: an unknown feature, an empty layer, a measure that cannot be worked out. */
  problems: FitProblem[];
}

/**
 * Features of a layer whose id is `id` as a fit reference writes it: the text after the slash, or
 * the number it spells (`corridor/7` finds the feature whose id is the number 7).
 * @example featureIdBounds(places, '7'); // the bounds of the feature with id 7 or "7"
 */
export function featureIdBounds(data: FeatureCollection<Geometry | null>, id: string | undefined): Bounds | undefined {
  const numeric = id !== undefined && /^-?\d+(\.\d+)?$/.test(id) ? Number(id) : undefined;
  return featureBounds(data, id) ?? (numeric !== undefined ? featureBounds(data, numeric) : undefined);
}

const union = (a: Bounds | undefined, b: Bounds): Bounds =>
  a ? [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])] : b;

/**
 * The bounds a fit camera frames: the union of its layers, features, box and measured stretch,
 * worked out on the layers' data (`data(id)`). A target whose layer is still loading is left out
 * and its layer listed in `waiting`; one that frames nothing is a problem, with a hint when the
 * feature id belongs to another of `layers` (the story's layer ids, in story order).
 *
 * @example
 * resolveFit([{ kind: 'layer', layer: 'corridor', feature: 'robins-nest', at }], data, ['corridor', 'protected-areas']);
 * // { waiting: [], problems: [{ at, message: 'no feature has the id "robins-nest"; the layer "protected-areas" has one: fit protected-areas/robins-nest' }] }
 */
export function resolveFit(
  targets: readonly FitTarget[],
  data: (layerId: string) => LayerData,
  layers: readonly string[] = [],
): FitResolution {
  let bounds: Bounds | undefined;
  const waiting: string[] = [];
  const problems: FitProblem[] = [];
  for (const target of targets) {
    if (target.kind === 'bbox') {
      bounds = union(bounds, target.bbox);
      continue;
    }
    const layer = target.kind === 'layer' ? target.layer : target.measure.layer;
    const layerData = data(layer);
    // A layer that failed to load is reported as such; the fit frames the rest.
    if (layerData === null) continue;
    if (layerData === undefined) {
      if (!waiting.includes(layer)) waiting.push(layer);
      continue;
    }
    const found =
      target.kind === 'layer' ? featureIdBounds(layerData, target.feature) : measureBounds(target, layerData);
    if (found) bounds = union(bounds, found);
    else problems.push({ at: target.at, message: problemOf(target, layerData, data, layers) });
  }
  return { ...(bounds && { bounds }), waiting, problems };
}

/** Bounds of the measured stretch, when the measure can be worked out on its layer. */
function measureBounds(target: Extract<FitTarget, { kind: 'measure' }>, layerData: FeatureCollection<Geometry | null>) {
  const measured = resolveChapterMeasure(target.measure, layerData);
  if (!measured) return undefined;
  const [west, south, east, north] = bbox(measured.slice);
  return [west, south, east, north] as Bounds;
}

/** Why a layer or measure target frames nothing. */
function problemOf(
  target: Exclude<FitTarget, { kind: 'bbox' }>,
  layerData: FeatureCollection<Geometry | null>,
  data: (layerId: string) => LayerData,
  layers: readonly string[],
): string {
  if (target.kind === 'measure')
    return `the chapter's measure cannot be worked out on the layer "${target.measure.layer}", so there is no stretch to fit`;
  if (target.feature === undefined) return 'the layer has no feature with coordinates to fit';
  const id = target.feature;
  const base = `no feature has the id "${id}"`;
  const elsewhere = layers.find((other) => {
    const otherData = other === target.layer ? undefined : data(other);
    return otherData ? featureIdBounds(otherData, id) !== undefined : false;
  });
  if (elsewhere) return `${base}; the layer "${elsewhere}" has one: fit ${elsewhere}/${id}`;
  const ids = layerData.features.flatMap((f) => (f.id === undefined ? [] : [String(f.id)]));
  const some = ids.slice(0, 6).join(', ');
  return ids.length
    ? `${base}; its ids are ${some}${ids.length > 6 ? ', ...' : ''}`
    : `${base}; its features have no ids`;
}
