import {
  BASEMAP_PLACES,
  type CameraTarget,
  type Chapter,
  type ChapterMeasure,
  type FitTarget,
  type Padding,
} from '../story/types.js';

/** Feature ids of one layer; ids are GeoJSON top-level `id` values. */
export type FeatureIds = readonly (string | number)[];

/**
 * The whole map state a chapter declares. The map never accumulates changes chapter by
 * chapter: it diffs what it shows against this, so however fast and in whatever order the
 * reader moves through the chapters, the map ends in the state of the last one.
 */
export interface MapTarget {
  /** Where the camera goes. */
  camera: CameraTarget;
  /** Exactly the story layers that are visible. */
  visible: ReadonlySet<string>;
  /** Highlighted feature ids by layer; a layer that is absent has none. */
  highlight: ReadonlyMap<string, FeatureIds>;
  /** Places named in the chapter's text, labelled first: feature ids by layer id (`basemap` for basemap labels). */
  places: ReadonlyMap<string, FeatureIds>;
  /** A measurement to draw, if the chapter declares one. */
  measure?: ChapterMeasure;
}

/** One change to bring the map from its current state to a target. */
export type MapOp =
  | { op: 'visibility'; layer: string; visible: boolean }
  | { op: 'highlight'; layer: string; ids: FeatureIds }
  | { op: 'places'; layer: string; ids: FeatureIds }
  | { op: 'camera'; camera: CameraTarget }
  | { op: 'measure'; measure: ChapterMeasure | undefined };

/**
 * The target state of a chapter, with the reader's layer toggles applied on top.
 * @example targetForChapter(chapter, new Map([['places', false]]))
 */
export function targetForChapter(chapter: Chapter, overrides?: ReadonlyMap<string, boolean>): MapTarget {
  const visible = new Set(chapter.layers);
  for (const [layer, on] of overrides ?? []) {
    if (on) visible.add(layer);
    else visible.delete(layer);
  }
  return {
    camera: chapter.camera,
    visible,
    highlight: nonEmpty(chapter.highlight),
    places: nonEmpty(chapter.places),
    ...(chapter.measure ? { measure: chapter.measure } : {}),
  };
}

/** Feature ids by layer, leaving out layers with none (absent and empty are the same state). */
function nonEmpty(lists: Readonly<Record<string, readonly (string | number)[]>>): Map<string, FeatureIds> {
  const map = new Map<string, FeatureIds>();
  for (const [layer, ids] of Object.entries(lists)) if (ids.length > 0) map.set(layer, [...ids]);
  return map;
}

/** True when two cameras describe the same view. */
function sameCamera(a: CameraTarget, b: CameraTarget): boolean {
  if (a.bearing !== b.bearing || a.pitch !== b.pitch || a.essential !== b.essential) return false;
  if (a.kind === 'view' && b.kind === 'view')
    return a.center[0] === b.center[0] && a.center[1] === b.center[1] && a.zoom === b.zoom;
  if (a.kind === 'fit' && b.kind === 'fit') {
    return (
      a.fit.length === b.fit.length &&
      a.fit.every((target, i) => sameFitTarget(target, b.fit[i]!)) &&
      samePadding(a.padding, b.padding) &&
      a.maxZoom === b.maxZoom
    );
  }
  return false;
}

function sameFitTarget(a: FitTarget, b: FitTarget): boolean {
  if (a.kind === 'layer' && b.kind === 'layer') return a.layer === b.layer && a.feature === b.feature;
  if (a.kind === 'bbox' && b.kind === 'bbox') return a.bbox.every((x, i) => x === b.bbox[i]);
  if (a.kind === 'measure' && b.kind === 'measure') return sameMeasure(a.measure, b.measure);
  return false;
}

/** True when two paddings keep the same room on every side. */
export function samePadding(a: Padding, b: Padding): boolean {
  return a.top === b.top && a.right === b.right && a.bottom === b.bottom && a.left === b.left;
}

/** True when two declared measurements are the same (both absent counts as the same). */
function sameMeasure(a: ChapterMeasure | undefined, b: ChapterMeasure | undefined): boolean {
  if (!a || !b) return a === b;
  const sameEnd = (x: ChapterMeasure['from'], y: ChapterMeasure['from']) =>
    Array.isArray(x) && Array.isArray(y) ? x[0] === y[0] && x[1] === y[1] : x === y;
  return a.layer === b.layer && a.feature === b.feature && sameEnd(a.from, b.from) && sameEnd(a.to, b.to);
}

function sameIds(a: FeatureIds | undefined, b: FeatureIds | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((id, i) => id === y[i]);
}

/**
 * The operations that turn `current` (undefined: a fresh map, every layer hidden) into `target`,
 * for the given story layers. Layers not in `layers` are ignored, but for the basemap's places.
 * @example diffTarget(undefined, target, ['corridor', 'mirs-bay'])
 */
export function diffTarget(current: MapTarget | undefined, target: MapTarget, layers: readonly string[]): MapOp[] {
  const ops: MapOp[] = [];
  for (const layer of layers) {
    const want = target.visible.has(layer);
    const have = current ? current.visible.has(layer) : false;
    if (want !== have) ops.push({ op: 'visibility', layer, visible: want });
  }
  for (const layer of layers) {
    const want = target.highlight.get(layer);
    const have = current?.highlight.get(layer);
    if (!sameIds(want, have)) ops.push({ op: 'highlight', layer, ids: want ?? [] });
  }
  for (const layer of [...layers, BASEMAP_PLACES]) {
    const want = target.places.get(layer);
    const have = current?.places.get(layer);
    if (!sameIds(want, have)) ops.push({ op: 'places', layer, ids: want ?? [] });
  }
  if (!sameMeasure(current?.measure, target.measure)) ops.push({ op: 'measure', measure: target.measure });
  if (!current || !sameCamera(current.camera, target.camera)) ops.push({ op: 'camera', camera: target.camera });
  return ops;
}
