import type { CameraForBoundsOptions, JumpToOptions, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import type { Bounds } from '../geo/bounds.js';
import { resolveFit, type LayerData } from '../geo/fit-bounds.js';
import type { CameraTarget, Padding } from '../story/types.js';
import { samePadding } from './chapter-state.js';

/** The camera for some bounds, as the map's `cameraForBounds` works it out for its current size. */
export type FitBounds = (bounds: LngLatBoundsLike, options: CameraForBoundsOptions) => JumpToOptions | undefined;

/** Where a map whose first chapter fits a layer starts, until that layer's data arrives: the whole delta. */
const OVERVIEW: JumpToOptions = { center: [114.17, 22.45], zoom: 9 };

/** Where the chapter card lies over the map: the room it takes now, and word when that may have changed. */
export interface CardRoom {
  /** The room the current chapter's card takes over the map, as padding. */
  current(): Padding;
  /** Calls `listener` when the room may have changed; gives the function that stops it. */
  subscribe(listener: () => void): () => void;
}

/** No padding on any side. */
export const NO_PADDING: Readonly<Padding> = { top: 0, right: 0, bottom: 0, left: 0 };

/** Padding `a` and `b` together, side by side. */
export function addPadding(a: Padding, b: Padding): Padding {
  return { top: a.top + b.top, right: a.right + b.right, bottom: a.bottom + b.bottom, left: a.left + b.left };
}

/**
 * MapLibre camera options for a chapter camera: a view as declared, or a fit of `bounds` (what its
 * targets come to) with its padding, zoom limit, bearing and pitch. `frame` is the room the
 * chapter card takes over the map: a view is centred in the rest of the map, and a fit frames
 * its bounds there. Undefined for a fit without bounds, or one the map cannot work out. The
 * padding is always given in full, so the map's padding is what this chapter declares, whatever
 * the chapter before it left.
 * @example map.jumpTo(cameraView(chapter.camera, bounds, (b, o) => map.cameraForBounds(b, o), frame)!);
 */
export function cameraView(
  camera: CameraTarget,
  bounds: Bounds | undefined,
  fit: FitBounds,
  frame: Padding = NO_PADDING,
): JumpToOptions | undefined {
  const { bearing, pitch } = camera;
  if (camera.kind === 'view')
    return { center: camera.center, zoom: camera.zoom, bearing, pitch, padding: { ...frame } };
  if (!bounds) return undefined;
  const options = {
    // The padding replaces the map's own (left by the chapter before) and comes back with the view.
    absolutePadding: true,
    bearing,
    ...(camera.maxZoom !== undefined ? { maxZoom: camera.maxZoom } : {}),
  };
  // A map too small for the card's room and the author's padding both still frames the subject, over the card.
  const view =
    fit(bounds, { ...options, padding: addPadding(camera.padding, frame) }) ??
    fit(bounds, { ...options, padding: { ...camera.padding } });
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
  /** The camera asked for last. */
  private current: CameraTarget | undefined;
  /** The card's room it was placed with. */
  private placedFrame: Padding = NO_PADDING;
  /** Layers the current fit waits for. */
  private waiting: string[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly data: (layerId: string) => LayerData,
    private readonly layers: readonly string[],
    private readonly reducedMotion: () => boolean,
    /** The room the chapter card takes over the map now; read afresh for every move. */
    private readonly frame: () => Padding = () => NO_PADDING,
  ) {}

  /** Flies to a chapter camera; jumps when `animate` is false, or when the reader prefers reduced motion and the move is not essential. */
  move(camera: CameraTarget, animate: boolean): void {
    let bounds: Bounds | undefined;
    this.current = camera;
    this.waiting = [];
    if (camera.kind === 'fit') {
      const fit = resolveFit(camera.fit, this.data, this.layers);
      if (fit.waiting.length > 0) {
        this.waiting = fit.waiting;
        return;
      }
      bounds = fit.bounds;
    }
    const frame = this.frame();
    const view = cameraView(camera, bounds, (b, options) => this.map.cameraForBounds(b, options), frame);
    if (!view) return;
    this.placedFrame = frame;
    // A new chapter interrupts whatever move is running (declared state, not a queue of moves).
    this.map.stop();
    // Under reduced motion only a move the author marked essential flies; MapLibre's own check
    // of the same media query then lets it fly too.
    if (!animate || (this.reducedMotion() && !camera.essential)) this.map.jumpTo(view);
    else this.map.flyTo({ ...view, essential: camera.essential, maxDuration: 3500 });
  }

  /**
   * The card's room may have changed (a resize, a turned phone, text in another language): the
   * current camera is placed again when it has. A flight under way flies on to the new view.
   */
  reframe(): void {
    if (!this.current || this.waiting.length > 0 || samePadding(this.frame(), this.placedFrame)) return;
    this.move(this.current, this.map.isMoving());
  }

  /** A layer's data arrived, or will never come: a fit that was waiting for it is placed once it waits for none. */
  dataArrived(layerId: string): void {
    if (this.current && this.waiting.includes(layerId)) this.move(this.current, false);
  }
}
