import type { GeoJSONSource, IControl, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { GeoStoryMeasureDetail } from '../events/geo-story-measure.js';
import type { ResolvedMeasure } from '../geo/chapter-measure.js';
import type { LngLat } from '../story/types.js';
import { chapterFeatures, MEASURE_SOURCE, measureLayers, NOTHING, readerFeatures } from './measure-layers.js';
import { measureOnLines, withinPixels, type LayerLine, type PathOnLines } from './measure-lines.js';
import { MeasurePanel, type MeasureText } from './measure-panel.js';

export type { MeasureText } from './measure-panel.js';

/** How far around a measured point the readout keeps clear, in CSS pixels: the point's handle and a finger's slack. */
const HANDLE_REACH = 12;

/** What the control needs from the story map. */
export interface MeasureControlOptions {
  /** Localized text; replace it with `setText` when the language changes. */
  text: MeasureText;
  /** The corridor lines on show now (lines of the visible story layers). */
  lines: () => LayerLine[];
  /** The reader changed the path (two points or more). */
  onMeasure: (detail: GeoStoryMeasureDetail) => void;
  /** Measure mode was entered or left, by the button, a key or the API. */
  onModeChange: (active: boolean) => void;
}

/**
 * Measure mode as a MapLibre control (its DOM is a `MeasurePanel`). In measure mode each click on
 * the map, or Enter on the focused map (the centre, marked by a cross), adds a point; Backspace
 * removes the last one. The path is drawn with point handles; when both ends snap to a corridor
 * line on screen (`withinPixels`), the stretch of line between them is drawn too and the readout
 * adds the along-line distance and the two chainages. The control also draws a chapter's declared
 * measurement while measure mode is off.
 */
export class MeasureControl implements IControl {
  private readonly options: MeasureControlOptions;
  private text: MeasureText;
  private map: MapLibreMap | undefined;
  private panel: MeasurePanel | undefined;
  private points: LngLat[] = [];
  private result: PathOnLines | undefined;
  private chapter: ResolvedMeasure | undefined;
  private active = false;
  private doubleClickWasOn = false;

  constructor(options: MeasureControlOptions) {
    this.options = options;
    this.text = options.text;
  }

  /** Whether measure mode is on. */
  get isActive(): boolean {
    return this.active;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    const panel = new MeasurePanel(map.getCanvasContainer(), this.text);
    this.panel = panel;
    panel.toggle.addEventListener('click', this.onToggleClick);
    panel.clear.addEventListener('click', this.onClearClick);
    map.on('click', this.onMapClick);
    map.on('move', this.onMapMove);
    map.getCanvasContainer().addEventListener('keydown', this.onMapKey);
    // isStyleLoaded() is false while any source is still loading, even after `load` has fired; adding
    // a source is the real test, and it throws only when the style itself is not there yet.
    try {
      this.addLayers();
    } catch {
      map.once('load', this.onLoad);
    }
    return panel.element;
  }

  onRemove(map: MapLibreMap): void {
    this.panel?.toggle.removeEventListener('click', this.onToggleClick);
    this.panel?.clear.removeEventListener('click', this.onClearClick);
    map.off('click', this.onMapClick);
    map.off('move', this.onMapMove);
    map.off('load', this.onLoad);
    map.getCanvasContainer().removeEventListener('keydown', this.onMapKey);
    if (this.active) {
      map.getCanvasContainer().classList.remove('geo-story-measuring');
      if (this.doubleClickWasOn) map.doubleClickZoom.enable();
    }
    // The style is gone when the whole map is being removed; only tidy it when it is still there.
    if (map.style) {
      for (const layer of measureLayers()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      for (const id of Object.values(MEASURE_SOURCE)) if (map.getSource(id)) map.removeSource(id);
    }
    this.panel?.remove();
    this.panel = undefined;
    this.active = false;
    this.points = [];
    this.map = undefined;
  }

  /** Replaces the interface text (the language changed) and rewrites the readout in it. */
  setText(text: MeasureText): void {
    this.text = text;
    this.panel?.setText(text);
  }

  /** Enters or leaves measure mode; leaving removes the path. Returns whether the mode changed. */
  setActive(active: boolean): boolean {
    const map = this.map;
    if (!map || active === this.active) return false;
    this.active = active;
    this.points = [];
    this.result = undefined;
    map.getCanvasContainer().classList.toggle('geo-story-measuring', active);
    if (active) {
      // A double click would zoom as well as add two points.
      this.doubleClickWasOn = map.doubleClickZoom.isEnabled();
      map.doubleClickZoom.disable();
    } else if (this.doubleClickWasOn) {
      map.doubleClickZoom.enable();
    }
    this.redraw();
    this.options.onModeChange(active);
    return true;
  }

  /** Shows a path measured on the map (entering measure mode) and returns its figures; fires nothing. */
  measure(points: readonly LngLat[]): GeoStoryMeasureDetail {
    if (!this.active) this.setActive(true);
    this.points = points.map((p) => [p[0], p[1]]);
    this.remeasure(false);
    return this.result?.detail ?? { straightMeters: 0 };
  }

  /** Sets the chapter's declared measurement to draw (undefined: none). */
  setChapterMeasure(measure: ResolvedMeasure | undefined): void {
    this.chapter = measure;
    this.redraw();
  }

  private readonly onLoad = (): void => {
    this.addLayers();
  };

  private readonly onToggleClick = (): void => {
    this.setActive(!this.active);
  };

  private readonly onClearClick = (): void => {
    this.points = [];
    this.remeasure();
    this.panel?.toggle.focus();
  };

  private readonly onMapClick = (e: MapMouseEvent): void => {
    if (!this.active) return;
    this.addPoint([e.lngLat.lng, e.lngLat.lat]);
  };

  /** The map moved under the readout: keep it off the measured points. */
  private readonly onMapMove = (): void => {
    if (this.active && this.points.length > 0) this.keepReadoutClear();
  };

  /** Moves the readout to another corner when a measured point lies under it (or its handle's reach). */
  private keepReadoutClear(): void {
    const map = this.map;
    if (!map || !this.panel) return;
    const canvas = map.getCanvas().getBoundingClientRect();
    const onPage = this.points.map((p) => {
      const { x, y } = map.project(p);
      return { x: canvas.left + x, y: canvas.top + y };
    });
    this.panel.keepClear(
      (box) =>
        onPage.filter(
          ({ x, y }) =>
            x > box.left - HANDLE_REACH &&
            x < box.right + HANDLE_REACH &&
            y > box.top - HANDLE_REACH &&
            y < box.bottom + HANDLE_REACH,
        ).length,
    );
  }

  private readonly onMapKey = (e: KeyboardEvent): void => {
    if (!this.active || e.altKey || e.ctrlKey || e.metaKey || !this.map) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      const c = this.map.getCenter();
      this.addPoint([c.lng, c.lat]);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      this.points.pop();
      this.remeasure();
    }
  };

  private addPoint(p: LngLat): void {
    this.points.push(p);
    this.remeasure();
  }

  /** Measures the path again and redraws; `notify` tells the story (the reader changed the path). */
  private remeasure(notify = true): void {
    const map = this.map;
    if (!map) return;
    this.result = measureOnLines(
      this.points,
      this.options.lines(),
      withinPixels((p) => map.project(p)),
    );
    this.redraw();
    if (notify && this.points.length >= 2) this.options.onMeasure(this.result.detail);
  }

  private redraw(): void {
    const detail = this.points.length >= 2 ? this.result?.detail : undefined;
    this.panel?.show({ active: this.active, points: this.points.length, detail });
    if (this.active) this.keepReadoutClear();
    const map = this.map;
    if (!map?.style) return;
    const reader = map.getSource(MEASURE_SOURCE.reader) as GeoJSONSource | undefined;
    const chapter = map.getSource(MEASURE_SOURCE.chapter) as GeoJSONSource | undefined;
    // setData's promise only says when the worker has the data; failures reach the map's `error` event.
    void reader?.setData(this.active ? readerFeatures(this.points, this.result) : NOTHING);
    // The reader's own measuring replaces the chapter's on the map until measure mode ends.
    void chapter?.setData(!this.active && this.chapter ? chapterFeatures(this.chapter) : NOTHING);
  }

  private addLayers(): void {
    const map = this.map;
    if (!map) return;
    for (const id of Object.values(MEASURE_SOURCE))
      if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: NOTHING });
    for (const layer of measureLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer);
    this.redraw();
  }
}
