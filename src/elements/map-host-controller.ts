import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { mapPool, type PoolMember } from '../map/map-pool.js';
import type { StoryMap, StoryMapOptions } from '../map/story-map.js';
import type { Story } from '../story/types.js';
import { creationFailure, type MapFailure, type MapFailureKind } from './map-failure.js';
import { NearViewport } from './near-viewport.js';
import { captureStill } from './still-image.js';

/** The page-wide pool of live maps; `mapPool.size` (default 6) is the most maps alive at once. */
export { mapPool, type MapPool } from '../map/map-pool.js';

type MapModule = typeof import('../map/story-map.js');

let mapModule: Promise<MapModule> | undefined;
/** Starts loading the map module (MapLibre) once per page; text renders without waiting for it. */
function loadMapModule(): Promise<MapModule> {
  mapModule ??= import('../map/story-map.js');
  return mapModule;
}

let mapSheet: CSSStyleSheet | undefined;
/** Adopts MapLibre's stylesheet into a shadow root, one sheet for every element of the page (a document stylesheet cannot reach in). */
function adoptMapCss(root: HTMLElement | DocumentFragment, cssText: string): void {
  if (!(root instanceof ShadowRoot)) return;
  mapSheet ??= (() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    return sheet;
  })();
  if (!root.adoptedStyleSheets.includes(mapSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, mapSheet];
}

/** Context losses within this long count together: past MAX_LOSSES of them the map is given up. */
const LOSS_WINDOW_MS = 60_000;
/** Drawing-context losses in LOSS_WINDOW_MS after which the map is not built again (the GPU keeps failing). */
const MAX_LOSSES = 3;

/**
 * Where the host's map is: none (not near the viewport yet, given back to the page's pool, or
 * waiting for a slot), on its way, shown, or impossible.
 */
export type MapStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** What the map box shows of the map's state. */
export interface MapView {
  status: MapStatus;
  /** Whether the host is near the viewport (an idle map there waits for a slot of the pool). */
  near: boolean;
  /** Why the map failed, when it did. */
  failure: MapFailure | undefined;
  /** The map lost its drawing context and is being built again. */
  redrawing: boolean;
  /** A still image of the map as it was when it was given back, shown until it is built again and ready. */
  still: HTMLCanvasElement | undefined;
}

/** What the controller needs from its host element. */
export interface MapHostHost extends ReactiveControllerHost, HTMLElement {
  /** Where the host renders: its shadow root, which MapLibre's stylesheet is adopted into. */
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Options of a MapHostController. */
export interface MapHostOptions {
  /** The element the map draws into, in the host's render root. */
  container: () => HTMLElement | null | undefined;
  /** The story to show; no story, no map. */
  story: () => Story | undefined;
  /** Everything a new map of `story` needs but its container; undefined when there is no chapter to show. */
  mapOptions: (story: Story) => Omit<StoryMapOptions, 'container' | 'dataWaitMs'> | undefined;
  /** The map reached its first idle (`first`: the first map of this story); undefined when there was no chapter to show it for. */
  onReady: (map: StoryMap | undefined, first: boolean) => void;
  /** The map cannot be shown (no WebGL, no first idle in time, ...): told once, with the technical detail. */
  onFail: (message: string) => void;
}

/**
 * Hosts the story's map in the host element. The map is built only when the host comes near the
 * viewport and the page-wide pool (`mapPool`, at most `mapPool.size` live maps) grants a slot;
 * when a nearer element needs the slot the map is given back: a still image stays in its place,
 * and the map is built again, in the chapter the host is at then, once the host is near again.
 * A map not idle within `mapPool.loadTimeout` is given up; a map whose WebGL context is lost is
 * built again. Also adopts MapLibre's stylesheet into the shadow root, reports a failure once, and
 * destroys the map (and its WebGL context) when the host is removed or the story replaced.
 */
export class MapHostController implements ReactiveController {
  private readonly host: MapHostHost;
  private readonly options: MapHostOptions;
  private readonly near: NearViewport;
  private readonly member: PoolMember;
  private _map: StoryMap | undefined;
  private _status: MapStatus = 'idle';
  private _failure: MapFailure | undefined;
  private _still: HTMLCanvasElement | undefined;
  /** Ends a build that has not reached its first idle in `mapPool.loadTimeout`. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the map lost its drawing context lately. */
  private losses: number[] = [];
  private redrawing = false;
  /** Whether a map of this story has been shown before (a rebuilt one is not the first). */
  private shown = false;
  /** Whether the pool granted this host a slot it has not given back. */
  private granted = false;
  /** Counts releases: a build that started before the latest one has been superseded. */
  private generation = 0;

  constructor(host: MapHostHost, options: MapHostOptions) {
    this.host = host;
    this.options = options;
    this.member = {
      wanted: () => this.near.isNear && this._status !== 'failed' && !!this.options.story(),
      distance: () => this.near.distance(),
      grant: () => {
        this.granted = true;
        this.host.requestUpdate();
      },
      evict: () => this.evict(),
    };
    this.near = new NearViewport(host, () => {
      // The map box says whether the map waits for the reader to scroll or for a slot.
      this.host.requestUpdate();
      mapPool.rebalance();
    });
    host.addController(this);
  }

  /** The story map, once created. */
  get map(): StoryMap | undefined {
    return this._map;
  }

  /** Where the map is. */
  get status(): MapStatus {
    return this._status;
  }

  /** Why the map cannot be shown, once it failed (in English, as `geo-story-error` says it). */
  get error(): string {
    return this._failure?.detail ?? '';
  }

  /** What the map box shows of the map's state. */
  get view(): MapView {
    const still = this._status === 'ready' ? undefined : this._still;
    const { near, redrawing } = this;
    return { status: this._status, near: near.isNear, failure: this._failure, redrawing, still };
  }

  hostConnected(): void {
    // Start fetching MapLibre at once, in parallel with the story (text first, map as soon as possible).
    void loadMapModule().catch(() => undefined);
    this.near.observe();
    mapPool.join(this.member);
  }

  hostDisconnected(): void {
    // A move in the DOM disconnects and reconnects in the same task: only release the map for good
    // when the host is still out of the document afterwards.
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.near.disconnect();
      this.release();
      // Back in a document later, its map is a first one again (and announced as such).
      this.shown = false;
      mapPool.leave(this.member);
    });
  }

  hostUpdate(): void {
    const story = this.options.story();
    if (!story || this._map || this._status !== 'idle' || !this.host.isConnected) return;
    if (!this.granted) {
      // The story arrived after the host came near: the pool can consider it now.
      if (this.near.isNear) queueMicrotask(() => mapPool.rebalance());
      return;
    }
    // Before the render, so that this update shows "loading" (a change after it would need another
    // update); the build goes on once the module is there, when the container has been rendered.
    this._status = 'loading';
    void this.build(story);
  }

  /** Destroys the map and gives its slot back; a failure stays (a removal and return does not try again). */
  release(): void {
    this.drop();
    if (this._status !== 'failed') this.setStatus('idle');
    if (this.granted) {
      this.granted = false;
      mapPool.release(this.member);
    }
  }

  /** Destroys the map and forgets a failure and the still image: a new story gets a try of its own. */
  reset(): void {
    this.release();
    this._still = undefined;
    this._failure = undefined;
    this.losses = [];
    this.redrawing = false;
    this.shown = false;
    this.setStatus('idle');
  }

  /** The pool needs the slot: keep a still image of the map, then destroy it. */
  private async evict(): Promise<void> {
    const map = this._map;
    if (map && this._status === 'ready') this._still = (await captureStill(map.map)) ?? this._still;
    // The host may have been removed or given a new story meanwhile: the slot is free already.
    if (!this.granted) return;
    this.granted = false;
    this.drop();
    if (this._status !== 'failed') this.setStatus('idle');
    this.host.requestUpdate();
  }

  /** Ends the current build or map, if any: a build still on its way sees it has been superseded. */
  private drop(): void {
    this.generation++;
    clearTimeout(this.timer);
    this._map?.destroy();
    this._map = undefined;
  }

  private async build(story: Story): Promise<void> {
    const generation = this.generation;
    // Nothing waits forever: a map whose module, style, data or worker never comes is given up.
    const timeoutMs = mapPool.loadTimeout;
    this.timer = setTimeout(() => {
      if (generation !== this.generation) return;
      this.fail(
        'timeout',
        `no first idle within ${timeoutMs} ms (the map's module, style, data or worker did not load)`,
      );
    }, timeoutMs);
    let module: MapModule;
    try {
      module = await loadMapModule();
    } catch (error) {
      if (generation === this.generation)
        this.fail('module', `map module could not be loaded (${(error as Error).message})`);
      return;
    }
    if (generation !== this.generation) return;
    const container = this.options.container();
    if (!this.host.isConnected || !container) {
      clearTimeout(this.timer);
      mapPool.built(this.member);
      this.setStatus('idle');
      return;
    }
    adoptMapCss(this.host.renderRoot, module.MAPLIBRE_CSS);
    const options = this.options.mapOptions(story);
    if (!options) {
      clearTimeout(this.timer);
      mapPool.built(this.member);
      this.setStatus('ready');
      this.options.onReady(undefined, !this.shown);
      this.shown = true;
      return;
    }
    let map: StoryMap;
    try {
      // Half the load timeout for data, so that a file that hangs leaves the map time to be idle.
      map = module.createStoryMap({ container, ...options, dataWaitMs: timeoutMs / 2 });
    } catch (error) {
      // No WebGL, for instance: the text stays readable.
      this.fail(creationFailure(error), (error as Error).message);
      return;
    }
    this._map = map;
    map.map.on('webglcontextlost', () => this.contextLost(map));
    try {
      await map.firstIdle;
    } catch (error) {
      if (this._map === map) this.fail('worker', (error as Error).message);
      return;
    }
    if (this._map !== map) return;
    clearTimeout(this.timer);
    this.redrawing = false;
    mapPool.built(this.member);
    this.setStatus('ready');
    this.options.onReady(map, !this.shown);
    this.shown = true;
  }

  /**
   * The drawing context was taken away (the GPU was reset, or the browser reclaimed it): the map
   * draws nothing more. Build it again, in the chapter the host is at, through the pool as any
   * new map; a context lost again and again means the GPU keeps failing, so then give up.
   */
  private contextLost(map: StoryMap): void {
    if (this._map !== map) return;
    const now = performance.now();
    this.losses = [...this.losses.filter((at) => now - at < LOSS_WINDOW_MS), now];
    if (this.losses.length > MAX_LOSSES) {
      this.fail('lost', `the map lost its WebGL context ${this.losses.length} times in ${LOSS_WINDOW_MS / 1000} s`);
      return;
    }
    this.redrawing = true;
    // Removed once MapLibre has finished its own handling of the loss (this runs inside it).
    this.generation++;
    clearTimeout(this.timer);
    this._map = undefined;
    queueMicrotask(() => map.destroy());
    this.setStatus('idle');
    if (this.granted) {
      this.granted = false;
      mapPool.release(this.member);
    }
    this.host.requestUpdate();
  }

  private fail(kind: MapFailureKind, detail: string): void {
    if (this._status === 'failed') return;
    this.drop();
    this.redrawing = false;
    this._failure = { kind, detail, timeoutMs: mapPool.loadTimeout };
    this.setStatus('failed');
    if (this.granted) {
      this.granted = false;
      mapPool.release(this.member);
    }
    this.options.onFail(detail);
  }

  private setStatus(status: MapStatus): void {
    if (status === this._status) return;
    this._status = status;
    this.host.requestUpdate();
  }
}
