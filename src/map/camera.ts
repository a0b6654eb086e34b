import type { CameraForBoundsOptions, JumpToOptions, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../geo/bounds.js';
import { resolveFit, type LayerData } from '../geo/fit-bounds.js';
import type { CameraTarget, FitCamera, Padding } from '../story/types.js';

/** The camera for some bounds, as the map's `cameraForBounds` works it out for its current size. */
export type FitBounds = (bounds: LngLatBoundsLike, options: CameraForBoundsOptions) => JumpToOptions | undefined;

/** Where a map whose first chapter fits a layer starts, until that layer's data arrives: the whole delta. */
const OVERVIEW: JumpToOptions = { center: [114.17, 22.45], zoom: 9 };

/** No padding on any side. */
export const NO_PADDING: Readonly<Padding> = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * MapLibre camera options for a chapter camera: a view as declared, or a fit of `bounds` (what its
 * targets come to) with its padding, zoom limit, bearing and pitch. Undefined for a fit without
 * bounds, or one the map cannot work out. The padding is always given in full, so the map's
 * padding is what this chapter declares, whatever the chapter before it left.
 * @example map.jumpTo(cameraView(chapter.camera, bounds, (b, o) => map.cameraForBounds(b, o))!);
 */
export function cameraView(
  camera: CameraTarget,
  bounds: Bounds | undefined,
  fit: FitBounds,
): JumpToOptions | undefined {
  const { bearing, pitch } = camera;
  if (camera.kind === 'view')
    return { center: camera.center, zoom: camera.zoom, bearing, pitch, padding: { ...NO_PADDING } };
  if (!bounds) return undefined;
  const view = fit(bounds, {
    padding: { ...camera.padding },
    // The padding replaces the map's own (left by the chapter before) and comes back with the view.
    absolutePadding: true,
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
  if (camera.kind === 'view')
    return { center: camera.center, zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
  return { ...OVERVIEW, bearing: camera.bearing, pitch: camera.pitch };
}

/** Moves a map to chapter cameras; a fit whose layers are still loading is placed when their data arrives. */
export class ChapterCamera {
  /** The fit asked for last, waiting for its layers' data. */
  private pending: FitCamera | undefined;
  /** Layers the pending fit waits for. */
  private waiting: string[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly data: (layerId: string) => LayerData,
    private readonly layers: readonly string[],
    private readonly reducedMotion: () => boolean,
  ) {}

  /** Flies to a chapter camera, or jumps when `animate` is false or the reader prefers reduced motion and the move is not essential. */
  move(camera: CameraTarget, animate: boolean): void {
    let bounds: Bounds | undefined;
    this.pending = undefined;
    this.waiting = [];
    if (camera.kind === 'fit') {
      const fit = resolveFit(camera.fit, this.data, this.layers);
      if (fit.waiting.length > 0) {
        this.pending = camera;
        this.waiting = fit.waiting;
        return;
      }
      bounds = fit.bounds;
    }
    const view = cameraView(camera, bounds, (b, options) => this.map.cameraForBounds(b, options));
    if (!view) return;
    // A new chapter interrupts whatever move is running (declared state, not a queue of moves).
    this.map.stop();
    // Under reduced motion only a move the author marked essential flies; MapLibre's own check
    // of the same media query then lets it fly too.
    if (!animate || (this.reducedMotion() && !camera.essential)) this.map.jumpTo(view);
    else this.map.flyTo({ ...view, essential: camera.essential, maxDuration: 3500 });
  }

  /** A layer's data arrived, or will never come: a fit that was waiting for it is placed once it waits for none. */
  dataArrived(layerId: string): void {
    if (!this.pending || !this.waiting.includes(layerId)) return;
    this.move(this.pending, false);
  }
}
