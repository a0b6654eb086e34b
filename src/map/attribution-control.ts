import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../story/types.js';
import { attributionText, BASEMAP_ATTRIBUTION } from './attribution.js';
import { iconElement, ICONS } from './control-icons.js';
import { CONTROL_STRINGS } from './control-strings.js';

/** Map width (CSS pixels) up to which the sources start folded behind their button, as on a phone. */
const COMPACT_WIDTH = 640;

/** A style source as far as attribution goes. */
interface AttributedSource {
  attribution?: unknown;
}

/** What the control reads of MapLibre's style: its sources in use (MapLibre's own control reads the same). */
interface StyleSources {
  tileManagers?: Record<string, { used?: boolean; getSource(): AttributedSource }>;
}

/**
 * The map's data sources, as text. In place of MapLibre's AttributionControl, which parses each
 * source's attribution as HTML (a DOMParser call, which a page requiring Trusted Types refuses):
 * here every attribution is shown as text. The embedded basemap's credits come first while it is
 * shown; a remote style's sources give theirs; when a remote basemap fell back to the embedded
 * one, a note says so first, in the reader's language. A `<details>` with MapLibre's class names,
 * so its stylesheet lays it out: folded behind an (i) button on narrow maps, open on wide ones.
 */
export class StoryAttributionControl implements IControl {
  private lang: Lang;
  private offline: boolean;
  private fallback = false;
  private map: MapLibreMap | undefined;
  private container: HTMLDetailsElement | undefined;
  private button: HTMLElement | undefined;
  private inner: HTMLElement | undefined;

  /** `offline`: whether the map shows the embedded basemap (its credits are listed). */
  constructor(lang: Lang, offline: boolean) {
    this.lang = lang;
    this.offline = offline;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    this.map = map;
    const doc = map.getContainer().ownerDocument;
    const container = doc.createElement('details');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-attrib maplibregl-compact';
    const button = doc.createElement('summary');
    button.className = 'maplibregl-ctrl-attrib-button';
    button.append(iconElement(doc, ICONS.info));
    const inner = doc.createElement('div');
    inner.className = 'maplibregl-ctrl-attrib-inner';
    container.append(button, inner);
    this.container = container;
    this.button = button;
    this.inner = inner;
    container.open = map.getContainer().clientWidth > COMPACT_WIDTH;
    container.addEventListener('toggle', this.onToggle);
    map.on('styledata', this.update);
    map.on('sourcedata', this.onSourceData);
    this.onToggle();
    this.update();
    return container;
  }

  onRemove(): void {
    this.container?.removeEventListener('toggle', this.onToggle);
    this.map?.off('styledata', this.update);
    this.map?.off('sourcedata', this.onSourceData);
    this.container?.remove();
    this.map = this.container = this.button = this.inner = undefined;
  }

  /** Relabels the control in `lang`. */
  setLang(lang: Lang): void {
    this.lang = lang;
    this.update();
  }

  /** The remote basemap could not be used: the embedded one shows instead, and the control says so (and opens). */
  setFallback(): void {
    this.fallback = true;
    this.offline = true;
    if (this.container) this.container.open = true;
    this.update();
  }

  /** The credits shown now, in order. */
  get lines(): string[] {
    const strings = CONTROL_STRINGS[this.lang];
    const lines = [
      ...(this.fallback ? [strings['AttributionControl.Fallback']] : []),
      ...(this.offline ? BASEMAP_ATTRIBUTION : []),
    ];
    const managers = (this.map as unknown as { style?: StyleSources } | undefined)?.style?.tileManagers ?? {};
    for (const manager of Object.values(managers)) {
      const attribution = manager.used ? manager.getSource().attribution : undefined;
      const text = typeof attribution === 'string' ? attributionText(attribution) : '';
      if (text && !lines.includes(text)) lines.push(text);
    }
    return lines;
  }

  private readonly onToggle = (): void => {
    this.container?.classList.toggle('maplibregl-compact-show', this.container.open);
  };

  private readonly onSourceData = (e: { sourceDataType?: string }): void => {
    if (e.sourceDataType === 'metadata') this.update();
  };

  private readonly update = (): void => {
    if (!this.inner || !this.button) return;
    const label = CONTROL_STRINGS[this.lang]['AttributionControl.ToggleAttribution'];
    this.button.setAttribute('aria-label', label);
    this.button.title = label;
    const text = this.lines.join(' | ');
    if (this.inner.textContent !== text) this.inner.textContent = text;
  };
}
