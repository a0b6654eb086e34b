import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, IControl, LayerSpecification, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { GeoStoryMeasureDetail } from '../events/geo-story-measure.js';
import type { ResolvedMeasure } from '../geo/chapter-measure.js';
import type { SnapTest } from '../geo/measure.js';
import type { LngLat } from '../story/types.js';
import { measureOnLines, type LayerLine, type PathOnLines } from './measure-lines.js';

/** How near, in CSS pixels, a path end must be to a corridor line to snap to it (issue: reader controls). */
export const SNAP_PIXELS = 12;

/** Colours of measurements on the map; the along-corridor stretch stands out from every story colour. */
export const MEASURE_COLORS = { along: '#c2185b', path: '#1d2327', handle: '#ffffff', casing: '#ffffff' } as const;

/** Source ids: the reader's path, and the chapter's declared measurement. */
export const MEASURE_SOURCE = { reader: 'geo-story-measure', chapter: 'geo-story-chapter-measure' } as const;

/** Interface text of the control in the current language; the element supplies it (strings live there). */
export interface MeasureText {
  /** Accessible name and tooltip of the toggle button. */
  toggle: string;
  /** Label of the button that removes the points. */
  clear: string;
  /** What to do, shown while fewer than two points are placed. */
  hint: string;
  /** Lines of the readout for a measured path. */
  readout: (detail: GeoStoryMeasureDetail) => string[];
}

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

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Measure mode as a MapLibre control: a toggle button (`part="measure-toggle"`) and a live readout
 * (`part="measure-readout"`). In measure mode each click on the map, or Enter on the focused map
 * (the centre, marked by a cross), adds a point; Backspace removes the last one. The path is drawn
 * with point handles; when both ends snap to a corridor line within 12 px, the stretch of line
 * between them is drawn too and the readout adds the along-line distance and the two chainages.
 * The control also draws a chapter's declared measurement while measure mode is off.
 */
export class MeasureControl implements IControl {
  private readonly options: MeasureControlOptions;
  private text: MeasureText;
  private map: MapLibreMap | undefined;
  private container: HTMLDivElement | undefined;
  private button: HTMLButtonElement | undefined;
  private readout: HTMLDivElement | undefined;
  private lines: HTMLDivElement | undefined;
  private clearButton: HTMLButtonElement | undefined;
  private cross: HTMLDivElement | undefined;
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

  /** The current measurement, if the path has two points or more. */
  get current(): GeoStoryMeasureDetail | undefined {
    return this.points.length >= 2 ? this.result?.detail : undefined;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    const doc = map.getContainer().ownerDocument;
    const container = doc.createElement('div');
    container.className = 'maplibregl-ctrl geo-story-measure';
    const group = doc.createElement('div');
    group.className = 'maplibregl-ctrl-group';
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'geo-story-measure-toggle';
    button.setAttribute('part', 'measure-toggle');
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-keyshortcuts', 'M');
    // A ruler: drawn, not an icon font, so it needs no network and scales with the button.
    button.innerHTML =
      '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M3 16.5 16.5 3 21 7.5 7.5 21z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M7 12.5l2 2M9.5 10l1.5 1.5M12 7.5l2 2M14.5 5l1.5 1.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/></svg>';
    group.append(button);
    const readout = doc.createElement('div');
    readout.className = 'geo-story-measure-readout';
    readout.setAttribute('part', 'measure-readout');
    readout.setAttribute('aria-live', 'polite');
    readout.hidden = true;
    const lines = doc.createElement('div');
    lines.className = 'geo-story-measure-lines';
    const clear = doc.createElement('button');
    clear.type = 'button';
    clear.className = 'geo-story-measure-clear';
    clear.hidden = true;
    readout.append(lines, clear);
    container.append(group, readout);
    const cross = doc.createElement('div');
    cross.className = 'geo-story-measure-cross';
    cross.hidden = true;
    cross.setAttribute('aria-hidden', 'true');
    map.getCanvasContainer().append(cross);

    this.container = container;
    this.button = button;
    this.readout = readout;
    this.lines = lines;
    this.clearButton = clear;
    this.cross = cross;
    this.applyText();

    button.addEventListener('click', this.onToggleClick);
    clear.addEventListener('click', this.onClearClick);
    map.on('click', this.onMapClick);
    map.getCanvasContainer().addEventListener('keydown', this.onMapKey);
    // isStyleLoaded() is false while any source is still loading, even after `load` has fired; adding
    // a source is the real test, and it throws only when the style itself is not there yet.
    try {
      this.addLayers();
    } catch {
      map.once('load', this.onLoad);
    }
    return container;
  }

  onRemove(map: MapLibreMap): void {
    this.button?.removeEventListener('click', this.onToggleClick);
    this.clearButton?.removeEventListener('click', this.onClearClick);
    map.off('click', this.onMapClick);
    map.off('load', this.onLoad);
    map.getCanvasContainer().removeEventListener('keydown', this.onMapKey);
    if (this.active) {
      map.getCanvasContainer().classList.remove('geo-story-measuring');
      if (this.doubleClickWasOn) map.doubleClickZoom.enable();
    }
    // The style is gone when the whole map is being removed; only tidy it when it is still there.
    if (map.style) {
      for (const layer of this.layerSpecs()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      for (const id of Object.values(MEASURE_SOURCE)) if (map.getSource(id)) map.removeSource(id);
    }
    this.cross?.remove();
    this.container?.remove();
    this.container = this.button = this.readout = this.lines = this.clearButton = this.cross = undefined;
    this.active = false;
    this.points = [];
    this.map = undefined;
  }

  /** Replaces the interface text (the language changed) and rewrites the readout in it. */
  setText(text: MeasureText): void {
    this.text = text;
    this.applyText();
  }

  /** Enters or leaves measure mode; leaving removes the path. Returns whether the mode changed. */
  setActive(active: boolean): boolean {
    const map = this.map;
    if (!map || active === this.active) return false;
    this.active = active;
    this.points = [];
    this.result = undefined;
    const canvas = map.getCanvasContainer();
    canvas.classList.toggle('geo-story-measuring', active);
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
    this.button?.focus();
  };

  private readonly onMapClick = (e: MapMouseEvent): void => {
    if (!this.active) return;
    this.addPoint([e.lngLat.lng, e.lngLat.lat]);
  };

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
    const snap: SnapTest = (p, _corridor, nearest) => {
      const a = map.project(p);
      const b = map.project(nearest.point);
      return Math.hypot(a.x - b.x, a.y - b.y) <= SNAP_PIXELS;
    };
    this.result = measureOnLines(this.points, this.options.lines(), snap);
    this.redraw();
    if (notify && this.points.length >= 2) this.options.onMeasure(this.result.detail);
  }

  private applyText(): void {
    if (!this.button || !this.clearButton) return;
    this.button.setAttribute('aria-label', this.text.toggle);
    this.button.title = this.text.toggle;
    this.clearButton.textContent = this.text.clear;
    this.writeReadout();
  }

  private writeReadout(): void {
    const { readout, lines, clearButton, button, cross } = this;
    if (!readout || !lines || !clearButton || !button || !cross) return;
    button.setAttribute('aria-pressed', String(this.active));
    readout.hidden = !this.active;
    cross.hidden = !this.active;
    clearButton.hidden = this.points.length === 0;
    const detail = this.current;
    const text = detail ? this.text.readout(detail) : this.active ? [this.text.hint] : [];
    lines.replaceChildren(
      ...text.map((line) => {
        const p = lines.ownerDocument.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
  }

  private redraw(): void {
    this.writeReadout();
    const map = this.map;
    if (!map?.style) return;
    const reader = map.getSource(MEASURE_SOURCE.reader) as GeoJSONSource | undefined;
    const chapter = map.getSource(MEASURE_SOURCE.chapter) as GeoJSONSource | undefined;
    // setData's promise only says when the worker has the data; failures reach the map's `error` event.
    void reader?.setData(this.active ? this.readerFeatures() : EMPTY);
    // The reader's own measuring replaces the chapter's on the map until measure mode ends.
    void chapter?.setData(!this.active && this.chapter ? chapterFeatures(this.chapter) : EMPTY);
  }

  private readerFeatures(): FeatureCollection {
    const features: Feature<Geometry>[] = [];
    const along = this.points.length >= 2 ? this.result?.along : undefined;
    if (along) features.push({ type: 'Feature', properties: { role: 'along' }, geometry: along });
    if (this.points.length >= 2) {
      features.push({
        type: 'Feature',
        properties: { role: 'path' },
        geometry: { type: 'LineString', coordinates: this.points },
      });
    }
    if (along && this.result?.ends) {
      for (const end of this.result.ends)
        features.push({ type: 'Feature', properties: { role: 'end' }, geometry: { type: 'Point', coordinates: end } });
    }
    for (const p of this.points)
      features.push({ type: 'Feature', properties: { role: 'point' }, geometry: { type: 'Point', coordinates: p } });
    return { type: 'FeatureCollection', features };
  }

  private addLayers(): void {
    const map = this.map;
    if (!map) return;
    for (const id of Object.values(MEASURE_SOURCE))
      if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY });
    for (const layer of this.layerSpecs()) if (!map.getLayer(layer.id)) map.addLayer(layer);
    this.redraw();
  }

  private layerSpecs(): LayerSpecification[] {
    const role = (r: string) => ['==', ['get', 'role'], r] as ['==', ['get', string], string];
    const specs: LayerSpecification[] = [];
    for (const [name, source] of Object.entries(MEASURE_SOURCE)) {
      // The chapter's stretch is dashed over the corridor's own colour, so the layer stays recognisable.
      const chapter = name === 'chapter';
      specs.push(
        {
          id: `${source}:along-casing`,
          type: 'line',
          source,
          filter: role('along'),
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': MEASURE_COLORS.casing, 'line-width': chapter ? 0 : 9 },
        },
        {
          id: `${source}:along`,
          type: 'line',
          source,
          filter: role('along'),
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: chapter
            ? { 'line-color': MEASURE_COLORS.along, 'line-width': 3, 'line-dasharray': [1.5, 1] }
            : { 'line-color': MEASURE_COLORS.along, 'line-width': 5 },
        },
      );
      if (name === 'reader') {
        specs.push({
          id: `${source}:path`,
          type: 'line',
          source,
          filter: role('path'),
          layout: { 'line-join': 'round' },
          paint: { 'line-color': MEASURE_COLORS.path, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
        });
      }
      specs.push({
        id: `${source}:end`,
        type: 'circle',
        source,
        filter: role('end'),
        paint: {
          'circle-color': MEASURE_COLORS.along,
          'circle-radius': 5,
          'circle-stroke-color': MEASURE_COLORS.casing,
          'circle-stroke-width': 2,
        },
      });
      if (name === 'reader') {
        specs.push({
          id: `${source}:point`,
          type: 'circle',
          source,
          filter: role('point'),
          paint: {
            'circle-color': MEASURE_COLORS.handle,
            'circle-radius': 5.5,
            'circle-stroke-color': MEASURE_COLORS.path,
            'circle-stroke-width': 2.5,
          },
        });
      }
    }
    return specs;
  }
}

/** The map features of a chapter's declared measurement: the stretch of line and its two ends. */
function chapterFeatures(m: ResolvedMeasure): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { role: 'along' }, geometry: m.slice },
      { type: 'Feature', properties: { role: 'end' }, geometry: { type: 'Point', coordinates: m.from } },
      { type: 'Feature', properties: { role: 'end' }, geometry: { type: 'Point', coordinates: m.to } },
    ],
  };
}
