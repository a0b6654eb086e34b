import type { FeatureCollection } from 'geojson';
import type { CameraForBoundsOptions, JumpToOptions, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { featureBounds, type Bounds } from '../geo/bounds.js';
import type { CameraTarget, FitCamera } from '../story/types.js';

/** The camera for some bounds, as the map's `cameraForBounds` works it out for its current size. */
export type FitBounds = (bounds: LngLatBoundsLike, options: CameraForBoundsOptions) => JumpToOptions | undefined;

/** Where a map whose first chapter fits a layer starts, until that layer's data arrives: the whole delta. */
const OVERVIEW: JumpToOptions = { center: [114.17, 22.45], zoom: 9 };

/**
 * Bounds of a fit camera's layer, or of its feature; undefined when the feature is not there.
 * @example fitBounds(corridorLayer, '7'); // also finds the feature whose id is the number 7
 */
export function fitBounds(data: FeatureCollection, feature: FitCamera['feature']): Bounds | undefined {
  // `fit: layer/7` reads as the string "7"; GeoJSON may hold the id as the number 7.
  const numeric = typeof feature === 'string' && /^-?\d+(\.\d+)?$/.test(feature) ? Number(feature) : undefined;
  return featureBounds(data, feature) ?? (numeric !== undefined ? featureBounds(data, numeric) : undefined);
}

/**
 * MapLibre camera options for a chapter camera: a view as declared, or a fit of its layer's (or
 * feature's) bounds with its padding, zoom limit, bearing and pitch. Undefined for a fit whose
 * data is not loaded (`data` undefined) or holds no such feature.
 * @example map.jumpTo(cameraView(chapter.camera, data, (b, o) => map.cameraForBounds(b, o))!);
 */
export function cameraView(
  camera: CameraTarget,
  data: FeatureCollection | undefined,
  fit: FitBounds,
): JumpToOptions | undefined {
  const { bearing, pitch } = camera;
  if (camera.kind === 'view') return { center: camera.center, zoom: camera.zoom, bearing, pitch };
  const bounds = data && fitBounds(data, camera.feature);
  if (!bounds) return undefined;
  const view = fit(bounds, {
    padding: camera.padding,
    bearing,
    ...(camera.maxZoom !== undefined ? { maxZoom: camera.maxZoom } : {}),
  });
  return view ? { ...view, pitch } : undefined;
}

/**
 * The view a new map is created at: the chapter's view, or for a fit (which needs the layer's data
 * and the map's size) an overview already at the chapter's bearing and pitch.
 * @example new maplibregl.Map({ container, style, ...startView(initial.camera) })
 */
export function startView(camera: CameraTarget): JumpToOptions {
  return (
    cameraView(camera, undefined, () => undefined) ?? { ...OVERVIEW, bearing: camera.bearing, pitch: camera.pitch }
  );
}

/** Moves a map to chapter cameras; a fit whose layer is still loading is placed when its data arrives. */
export class ChapterCamera {
  /** The fit asked for last, waiting for its layer's data. */
  private pending: FitCamera | undefined;

  constructor(
    private readonly map: MapLibreMap,
    private readonly data: (layerId: string) => FeatureCollection | undefined,
    private readonly reducedMotion: () => boolean,
  ) {}

  /** Flies to a chapter camera, or jumps when `animate` is false or the reader prefers reduced motion. */
  move(camera: CameraTarget, animate: boolean): void {
    const view = cameraView(camera, camera.kind === 'fit' ? this.data(camera.layer) : undefined, (bounds, options) =>
      this.map.cameraForBounds(bounds, options),
    );
    this.pending = view || camera.kind !== 'fit' ? undefined : camera;
    if (!view) return;
    // A new chapter interrupts whatever move is running (declared state, not a queue of moves).
    this.map.stop();
    if (!animate || this.reducedMotion()) this.map.jumpTo(view);
    else this.map.flyTo({ ...view, essential: true, maxDuration: 3500 });
  }

  /** A layer's data arrived: a fit that was waiting for it jumps into place. */
  dataArrived(layerId: string): void {
    if (this.pending?.layer === layerId) this.move(this.pending, false);
  }
}
