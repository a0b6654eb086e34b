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
  /** How far the controls over the map reach into it now. */
  controls?(): ControlsReach | undefined;
  /** Calls `listener` when the room may have changed; gives the function that stops it. */
  subscribe(listener: () => void): () => void;
}

/** How far the controls over a map reach into it (from its top edge down, from its bottom edge up), and its height, in CSS pixels. */
export interface ControlsReach {
  top: number;
  bottom: number;
  height: number;
}

/** Space kept between the controls over the map and the subject framed beside them. */
const CONTROLS_GAP = 8;
/** The least height of map a subject is framed in between the controls (on a phone, over the card, about 130 px are left). */
const MIN_FREE_PX = 60;

/**
 * `padding` (the author's and the card's) that also keeps the subject clear of the controls over
 * the map's top (the chapter navigation, the layer button) and its foot (the credits while open):
 * each side's padding becomes at least the controls' reach there, as long as that leaves 60 px
 * of the map's height between top and bottom padding; else the controls float over the map there.
 *
 * @example
 * clearOfControls({ top: 40, right: 40, bottom: 631, left: 40 }, { top: 110, bottom: 0, height: 844 }); // top: 118
 */
export function clearOfControls(padding: Padding, reach: ControlsReach | undefined): Padding {
  if (!reach) return padding;
  const room = (px: number) => (px > 0 ? px + CONTROLS_GAP : 0);
  const fits = (p: Padding) => reach.height - p.top - p.bottom >= MIN_FREE_PX;
  let clear = padding;
  const top = { ...clear, top: Math.max(clear.top, room(reach.top)) };
  if (fits(top)) clear = top;
  const bottom = { ...clear, bottom: Math.max(clear.bottom, room(reach.bottom)) };
  if (fits(bottom)) clear = bottom;
  return clear;
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
  controls?: ControlsReach,
): JumpToOptions | undefined {
  const { bearing, pitch } = camera;
  if (camera.kind === 'view')
    return {
      center: camera.center,
      zoom: camera.zoom,
      bearing,
      pitch,
      padding: clearOfControls({ ...frame }, controls),
    };
  if (!bounds) return undefined;
  const options = {
    // The padding replaces the map's own (left by the chapter before) and comes back with the view.
    absolutePadding: true,
    bearing,
    ...(camera.maxZoom !== undefined ? { maxZoom: camera.maxZoom } : {}),
  };
  // A map too small for the card's room and the author's padding both still frames the subject, over the card.
  const view =
    fit(bounds, { ...options, padding: clearOfControls(addPadding(camera.padding, frame), controls) }) ??
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
    /** How far the controls over the map reach into it now; read afresh for every move. */
    private readonly controls: () => ControlsReach | undefined = () => undefined,
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
    const fitBounds: FitBounds = (b, options) => this.map.cameraForBounds(b, options);
    const view = cameraView(camera, bounds, fitBounds, frame, this.controls());
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
