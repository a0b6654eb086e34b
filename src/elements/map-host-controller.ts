import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoryMap, StoryMapOptions } from '../map/story-map.js';
import type { Story } from '../story/types.js';

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

/** Where the host's map is: none yet (or released), on its way, shown, or impossible. */
export type MapStatus = 'idle' | 'loading' | 'ready' | 'failed';

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
  mapOptions: (story: Story) => Omit<StoryMapOptions, 'container'> | undefined;
  /** The map reached its first idle; undefined when there was no chapter to show it for. */
  onReady: (map: StoryMap | undefined) => void;
  /** The map cannot be shown: its module did not load, or MapLibre could not start (no WebGL, for one). */
  onFail: (message: string) => void;
}

/**
 * Hosts the story's map in the host element: imports the map module on demand, builds the map once
 * a story is there and the host is in the document, adopts MapLibre's stylesheet into the shadow
 * root, reports a failure, destroys the map (and its WebGL context) when the host is removed or
 * the story replaced, and builds it again when the host comes back.
 */
export class MapHostController implements ReactiveController {
  private readonly host: MapHostHost;
  private readonly options: MapHostOptions;
  private _map: StoryMap | undefined;
  private _status: MapStatus = 'idle';
  private _error = '';
  /** Counts releases: a build that started before the latest one has been superseded. */
  private generation = 0;

  constructor(host: MapHostHost, options: MapHostOptions) {
    this.host = host;
    this.options = options;
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

  /** Why the map cannot be shown, once it failed. */
  get error(): string {
    return this._error;
  }

  hostConnected(): void {
    // Start fetching MapLibre at once, in parallel with the story (text first, map as soon as possible).
    void loadMapModule().catch(() => undefined);
    // Back in the document after a removal that released the map: build it again.
    if (this.options.story() && !this._map) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    // A move in the DOM disconnects and reconnects in the same task: only release the map for good
    // when the host is still out of the document afterwards.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.release();
    });
  }

  hostUpdate(): void {
    const story = this.options.story();
    if (!story || this._map || this._status !== 'idle' || !this.host.isConnected) return;
    // Before the render, so that this update shows "loading" (a change after it would need another
    // update); the build goes on once the module is there, when the container has been rendered.
    this._status = 'loading';
    void this.build(story);
  }

  /** Destroys the map; a failure stays (a removal and return does not try again). */
  release(): void {
    this.generation++;
    this._map?.destroy();
    this._map = undefined;
    if (this._status !== 'failed') this.setStatus('idle');
  }

  /** Destroys the map and forgets a failure: a new story gets a try of its own. */
  reset(): void {
    this.release();
    this.setStatus('idle');
  }

  private async build(story: Story): Promise<void> {
    const generation = this.generation;
    let module: MapModule;
    try {
      module = await loadMapModule();
    } catch (error) {
      if (generation === this.generation) this.fail(`map module could not be loaded (${(error as Error).message})`);
      return;
    }
    if (generation !== this.generation) return;
    const container = this.options.container();
    if (!this.host.isConnected || !container) {
      this.setStatus('idle');
      return;
    }
    adoptMapCss(this.host.renderRoot, module.MAPLIBRE_CSS);
    const options = this.options.mapOptions(story);
    if (!options) {
      this.setStatus('ready');
      this.options.onReady(undefined);
      return;
    }
    let map: StoryMap;
    try {
      map = module.createStoryMap({ container, ...options });
    } catch (error) {
      // No WebGL, for instance: the text stays readable.
      this.fail((error as Error).message);
      return;
    }
    this._map = map;
    await map.firstIdle;
    if (this._map !== map) return;
    this.setStatus('ready');
    this.options.onReady(map);
  }

  private fail(message: string): void {
    this._error = message;
    this.setStatus('failed');
    this.options.onFail(message);
  }

  private setStatus(status: MapStatus): void {
    if (status === this._status) return;
    this._status = status;
    this.host.requestUpdate();
  }
}
