import { Map as MapLibreMap, NavigationControl, ScaleControl, getWorkerUrl, prewarm } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { GeoStoryMeasureDetail } from '../events/geo-story-measure.js';
import { resolveChapterMeasure, type ResolvedMeasure } from '../geo/chapter-measure.js';
import { BASEMAP_PLACES } from '../story/types.js';
import type { Chapter, ChapterMeasure, Issue, Lang, LngLat, Story, StoryLayer } from '../story/types.js';
import { StoryAttributionControl } from './attribution-control.js';
import { BASEMAP_LABEL_LAYERS, BASEMAP_SOURCE } from './basemap-style.js';
import { ChapterCamera, NO_PADDING, startView, type CardRoom } from './camera.js';
import { addNavigationIcons } from './control-icons.js';
import { diffTarget, type MapOp, type MapTarget } from './chapter-state.js';
import { CONTROL_STRINGS, relabelControls } from './control-strings.js';
import { relabel } from './labels.js';
import { layerChecks, loadLayer } from './layer-data.js';
import { geometryKinds, type GeometryKind } from './legend.js';
import { MeasureControl, type MeasureText } from './measure-control.js';
import { linesOf, type LayerLine } from './measure-lines.js';
import { referenceProblems } from './reference-problems.js';
import { placeNames } from './place-names.js';
import { limits } from '../story/limits.js';
import { BASEMAP_LABELS, StoryBasemap } from './story-basemap.js';
import { hideUntilDrawn } from './reveal.js';
import { StoryLayers } from './story-layers.js';
import { onWorkerFailure } from './worker-failure.js';
import { boundsCollection, isTiled, linesOfTiled, openTiled } from './tiled.js';

/** MapLibre's stylesheet, for the element to adopt; importing it also sets MapLibre's worker up. */
export { MAPLIBRE_CSS } from './maplibre-setup.js';

// MapLibre's workers and the layer checks start now, while the story loads and the element waits
// to be near the viewport, rather than when the first map is made, which keeps the main thread busy.
prewarm();
layerChecks().catch(() => undefined);

/** What the element gives the map module. */
export interface StoryMapOptions {
  /** Element the map draws into (inside the element's shadow root). */
  container: HTMLElement;
  /** The parsed story. */
  story: Story;
  /** Absolute URL of the story file; layer files resolve against it. */
  storyUrl: string;
  /** Language of labels. */
  lang: Lang;
  /** Style URL overriding the story's basemap; `offline` or empty for the embedded one. */
  basemap?: string;
  /** The first chapter's state, placed without animation. */
  initial: MapTarget;
  /** Where the chapter card lies over the map: every camera move keeps clear of it. */
  frame?: CardRoom;
  /** Whether camera moves should jump instead of fly (prefers-reduced-motion). */
  reducedMotion: () => boolean;
  /** Reports a problem the reader should know of; the map keeps working without that part. */
  onError: (message: string, issues?: Issue[]) => void;
  /** Story layer `id` could not be drawn: its file could not be loaded (no issues) or failed validation. */
  onLayerError: (id: string, message: string, issues?: Issue[]) => void;
  /** Chapters name features that story layer `id` does not have (its data is drawn all the same). */
  onReferenceErrors: (id: string, issues: Issue[]) => void;
  /** Localized accessible name of the map canvas. */
  label: string;
  /** Localized text of the measure control. */
  measureText: MeasureText;
  /** The reader measured a path on the map. */
  onMeasure: (detail: GeoStoryMeasureDetail) => void;
  /** Measure mode was entered or left. */
  onMeasureMode: (active: boolean) => void;
  /** The longest the first idle waits for the layers' data (milliseconds); what comes later is drawn then. */
  dataWaitMs: number;
}

/** The live map of one story: applies declared chapter targets by diffing, and cleans up after itself. */
export class StoryMap {
  /** The MapLibre map. */
  readonly map: MapLibreMap;
  /**
   * Resolves at the first `idle` after the basemap, every layer's data and the first chapter are in
   * place (or `dataWaitMs` has passed); rejects when MapLibre's worker file cannot be loaded.
   */
  readonly firstIdle: Promise<void>;

  private readonly options: StoryMapOptions;
  private readonly data = new Map<string, FeatureCollection>();
  /** The box of each tiled layer whose archive is open: a fit frames it, as the data of a GeoJSON layer. */
  private readonly tiled = new Map<string, FeatureCollection>();
  /** Layers whose file could not be loaded or failed validation: their data never comes. */
  private readonly failed = new Set<string>();
  /** Geometry kinds of each loaded layer, worked out once: legends ask for them on every render. */
  private readonly kinds = new Map<string, GeometryKind[]>();
  /** Each declared measurement worked out on its layer's data (which, once loaded, does not change). */
  private readonly measured = new WeakMap<ChapterMeasure, ResolvedMeasure | undefined>();
  private readonly abort = new AbortController();
  private readonly measureControl: MeasureControl;
  private readonly attribution: StoryAttributionControl;
  private readonly camera: ChapterCamera;
  private readonly unsubscribe: (() => void) | undefined;
  /** The story layers on the map; undefined before the style loads. */
  private layers: StoryLayers | undefined;
  /** The target the map shows now; undefined before the style loads. */
  private applied: MapTarget | undefined;
  /** The latest target asked for; applied once the style is there. */
  private target: MapTarget;
  private lang: Lang;
  private styleReady = false;
  private destroyed = false;
  private readonly basemap: StoryBasemap;
  /** Shows the canvas, hidden until the map is drawn whole (reveal.ts). */
  private readonly reveal: () => void;

  constructor(options: StoryMapOptions) {
    this.options = options;
    this.target = options.initial;
    this.lang = options.lang;
    this.basemap = new StoryBasemap({
      basemap: options.basemap,
      lang: () => this.lang,
      onError: (message) => options.onError(message),
      onFallback: () => this.attribution.setFallback(),
      styleTimeoutMs: limits.fetchTimeout,
    });
    this.map = new MapLibreMap({
      container: options.container,
      style: this.basemap.style,
      attributionControl: false,
      ...startView(options.initial.camera),
      // The story, not the reader's scroll wheel, drives the camera while scrolling past the map;
      // on a touch screen one finger scrolls the story over the map too, two move the map.
      scrollZoom: false,
      cooperativeGestures: true,
      maxPitch: 70,
      fadeDuration: 0,
      locale: CONTROL_STRINGS[options.lang],
    });
    this.attribution = new StoryAttributionControl(options.lang, this.basemap.offline);
    this.map.addControl(this.attribution, 'bottom-right');
    this.map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'top-right');
    addNavigationIcons(this.map.getContainer());
    this.camera = new ChapterCamera(
      this.map,
      (layerId) => this.data.get(layerId) ?? this.tiled.get(layerId) ?? (this.failed.has(layerId) ? null : undefined),
      options.story.layers.map((l) => l.id),
      options.reducedMotion,
      () => options.frame?.current() ?? NO_PADDING,
      () => options.frame?.controls?.(),
    );
    this.unsubscribe = options.frame?.subscribe(() => this.reframe());
    this.measureControl = new MeasureControl({
      text: options.measureText,
      lines: () => this.visibleLines(),
      onMeasure: options.onMeasure,
      onModeChange: (active) => {
        // Leaving measure mode gives the map back to the story: the chapter's camera again.
        if (!active && this.styleReady) this.camera.move(this.target.camera, true);
        options.onMeasureMode(active);
      },
    });
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.getCanvas().setAttribute('aria-label', options.label);
    this.reveal = hideUntilDrawn(this.map.getCanvas());

    // A remote style that fails, is invalid or hangs gives way to the embedded basemap.
    this.basemap.watch(this.map);

    // Every layer's file is asked for at once, in parallel with the style, the worker and the tiles.
    const allData = this.loadAllData();
    this.firstIdle = new Promise<void>((resolve, reject) => {
      // Without a worker nothing is ever drawn, so there is no use waiting for the load timeout.
      onWorkerFailure(this.map, String(getWorkerUrl()), () => {
        const message = `MapLibre's worker file could not be loaded (${getWorkerUrl()})`;
        options.onError(message);
        reject(new Error(message));
      });
      // At `style.load`, not `load`: `load` waits for every basemap tile to be in and drawn.
      this.map.once('style.load', () => {
        if (this.destroyed) return;
        this.styleReady = true;
        this.basemap.styleLoaded();
        this.layers = new StoryLayers(this.map, options.story.layers, this.lang, options.storyUrl);
        // Added once the story layers are in, so measurements draw above them (under the zoom buttons).
        this.map.addControl(this.measureControl, 'top-right');
        this.apply(false);
        // Layers whose data came while the style loaded get it now; the rest as it comes (loadData).
        for (const [id, data] of this.data) this.layers.setData(id, data);
        // A file that hangs does not hold the map back: past dataWaitMs the map is idle without
        // it, draws it if it comes, and reports it if its fetch is abandoned (limits.fetchTimeout).
        const patience = new Promise((wait) => setTimeout(wait, options.dataWaitMs));
        void Promise.race([allData, patience]).then(() => {
          if (this.destroyed) return;
          this.map.once('idle', () => {
            this.reveal();
            resolve();
          });
          // Nudge a render so `idle` fires even when setData changed nothing visible.
          this.map.triggerRepaint();
        });
      });
    });
  }

  /** Declares the state the map should show; any order and rate of calls ends in the last one. */
  setTarget(target: MapTarget): void {
    this.target = target;
    if (this.styleReady) this.apply(true);
  }

  /** The chapter card's room over the map may have changed: the camera is placed again if it has. */
  reframe(): void {
    if (this.styleReady) this.camera.reframe();
  }

  /** Shows `target` at once, the camera jumping (for still images of other chapters); returns the target it replaces. */
  jumpTo(target: MapTarget): MapTarget {
    const before = this.target;
    this.target = target;
    if (this.styleReady) this.apply(false);
    return before;
  }

  /** Switches labels to another language without reloading anything. */
  setLang(lang: Lang, label: string): void {
    this.lang = lang;
    this.map.getCanvas().setAttribute('aria-label', label);
    relabelControls(this.map.getContainer(), lang);
    this.attribution.setLang(lang);
    if (this.layers) relabel(this.map, [...BASEMAP_LABEL_LAYERS, ...this.layers.labelLayers], lang);
  }

  /** Replaces the measure control's text (the language changed). */
  setMeasureText(text: MeasureText): void {
    this.measureControl.setText(text);
  }

  /** Whether measure mode is on. */
  get measuring(): boolean {
    return this.measureControl.isActive;
  }

  /** Enters or leaves measure mode; leaving restores the chapter's camera. Returns whether it changed. */
  setMeasuring(active: boolean): boolean {
    return this.measureControl.setActive(active);
  }

  /** Measures a path against the corridor lines on show, draws it in measure mode, and returns its figures. */
  measure(points: readonly LngLat[]): GeoStoryMeasureDetail {
    return this.measureControl.measure(points);
  }

  /** A chapter's declared measurement worked out on its layer's data; undefined until the data is loaded. */
  resolveMeasure(measure: ChapterMeasure): ResolvedMeasure | undefined {
    const data = this.data.get(measure.layer);
    if (!data) return undefined;
    // Worked out once per measurement: the text asks on every render, for every chapter.
    if (!this.measured.has(measure)) this.measured.set(measure, resolveChapterMeasure(measure, data));
    return this.measured.get(measure);
  }

  /** The names of a chapter's places in `lang`, as far as their layers' data is loaded (basemap labels: with the embedded basemap). */
  placeNames(places: Chapter['places'], lang: Lang): string[] {
    const labels = this.map.getSource(BASEMAP_SOURCE.labels) ? (BASEMAP_LABELS as FeatureCollection) : undefined;
    return placeNames(places, (key) => (key === BASEMAP_PLACES ? labels : this.data.get(key)), lang);
  }

  /** Whether a story layer is visible on the map now. */
  isVisible(layerId: string): boolean {
    return this.applied?.visible.has(layerId) ?? this.target.visible.has(layerId);
  }

  /** Kinds of geometry in a story layer's data (for legend swatches); empty until it is loaded. */
  layerKinds(layerId: string): GeometryKind[] {
    return this.kinds.get(layerId) ?? [];
  }

  /** Releases everything: pending fetches, the map, its WebGL context and its worker. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsubscribe?.();
    this.abort.abort();
    this.basemap.destroy();
    this.reveal();
    // map.remove() also loses the WebGL context (WEBGL_lose_context), so a page that adds and
    // removes viewers does not run into the browser's limit on live contexts.
    this.map.remove();
  }

  /** The corridor lines a measured path may snap to: the lines of the story layers visible now. */
  private visibleLines(): LayerLine[] {
    return this.options.story.layers.flatMap((layer) => {
      if (!this.isVisible(layer.id)) return [];
      if (isTiled(layer)) return this.tiled.has(layer.id) ? linesOfTiled(this.map, layer) : [];
      const data = this.data.get(layer.id);
      return data ? linesOf(layer.id, data) : [];
    });
  }

  private async loadAllData(): Promise<void> {
    await Promise.all(this.options.story.layers.map((layer) => this.loadData(layer)));
    if (this.destroyed) return;
    const problems = referenceProblems(this.options.story, (id) => this.data.get(id));
    for (const [id, issues] of problems) this.options.onReferenceErrors(id, issues);
  }

  private async loadData(layer: StoryLayer): Promise<void> {
    const { file } = this.options.story;
    const loaded = isTiled(layer)
      ? await openTiled(layer, file, this.options.storyUrl)
      : await loadLayer(layer, file, this.options.storyUrl, this.abort.signal);
    if (this.destroyed) return;
    if ('message' in loaded) {
      this.failed.add(layer.id);
      this.options.onLayerError(layer.id, loaded.message, loaded.issues);
      this.camera.dataArrived(layer.id);
      return;
    }
    if ('archive' in loaded) {
      this.tiled.set(layer.id, boundsCollection(loaded.archive.bounds));
      this.kinds.set(layer.id, loaded.archive.kinds);
      this.camera.dataArrived(layer.id);
      return;
    }
    this.data.set(layer.id, loaded.data);
    this.kinds.set(layer.id, geometryKinds(loaded.data));
    this.layers?.setData(layer.id, loaded.data);
    // A declared measurement on this layer could not be drawn before its data arrived.
    if (this.applied?.measure?.layer === layer.id)
      this.measureControl.setChapterMeasure(this.resolveMeasure(this.applied.measure));
    this.camera.dataArrived(layer.id);
  }

  private apply(animate: boolean): void {
    const layers = this.options.story.layers.map((l) => l.id);
    const ops = diffTarget(this.applied, this.target, layers);
    for (const op of ops) this.run(op, animate);
    this.applied = this.target;
  }

  private run(op: MapOp, animate: boolean): void {
    if (op.op === 'visibility') this.layers?.setVisible(op.layer, op.visible);
    else if (op.op === 'highlight') this.layers?.setHighlight(op.layer, op.ids);
    else if (op.op === 'places') this.layers?.setPlaces(op.layer, op.ids);
    else if (op.op === 'measure')
      this.measureControl.setChapterMeasure(op.measure ? this.resolveMeasure(op.measure) : undefined);
    else this.camera.move(op.camera, animate);
  }
}

/** Creates the map of a story (the element imports this module lazily, so text renders first). */
export function createStoryMap(options: StoryMapOptions): StoryMap {
  return new StoryMap(options);
}
