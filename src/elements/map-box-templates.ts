import { html, nothing, type TemplateResult } from 'lit';
import type { GeoStoryLayersChangeEvent } from '../events/geo-story-layers-change.js';
import type { Lang } from '../story/types.js';
import { failureText } from './map-failure.js';
import type { MapView } from './map-host-controller.js';
import { t } from './strings.js';
import type { LayerGroupSummary, PanelLayer } from './summaries.js';

/** What the map box shows besides the map itself. */
export interface MapBoxView extends MapView {
  lang: Lang;
  /** Whether the story is loaded (before, the map box says nothing of the map). */
  story: boolean;
}

/**
 * The sticky map box: the map's container and its loading or failure status.
 * A map given back to the page's pool leaves a still image (decorative: the text says the same).
 * With no map and no still image, a line says what comes: the map, once scrolled to (the element
 * is not near the viewport yet), or waiting for its turn (near, but the pool's slots are taken).
 * @example mapBox({ lang, status: 'loading', near: true, failure: undefined, redrawing: false, still: undefined, story: true })
 */
export function mapBox(view: MapBoxView): TemplateResult {
  const { lang, status } = view;
  return html`<div class="map-box" part="map">
    <div class="map"></div>
    ${view.still ?? nothing} ${status === 'idle' || status === 'loading' ? waiting(view) : nothing}
    ${view.failure ? html`<p class="status" role="alert">${failureText(lang, view.failure)}</p>` : nothing}
  </div>`;
}

/** The line of a map box whose map is not there yet: why, and what comes. */
function waiting(view: MapBoxView): TemplateResult | typeof nothing {
  const { lang, status } = view;
  // A map that lost its drawing context is being built again: say so, over what is left of it.
  if (view.redrawing && view.near) return html`<p class="status">${t(lang, 'mapRedrawing')}</p>`;
  if (status === 'loading') return html`<p class="status">${t(lang, 'loadingMap')}</p>`;
  if (view.still || !view.story) return nothing;
  return html`<p class="status">${t(lang, view.near ? 'mapWaiting' : 'mapWhenNear')}</p>`;
}

/**
 * The layer panel over the map, given what it shows; nothing when the story has no layers.
 * @example layerPanel(layers, groups, lang, (e) => story.setLayerVisible(e.detail.id, e.detail.visible))
 */
export function layerPanel(
  layers: readonly PanelLayer[],
  groups: readonly LayerGroupSummary[],
  lang: Lang,
  onChange: (e: GeoStoryLayersChangeEvent) => void,
): TemplateResult | typeof nothing {
  if (layers.length === 0) return nothing;
  return html`<geo-story-layers
    part="layers"
    collapsible
    .layers=${layers}
    .groups=${groups}
    .lang=${lang}
    @geo-story-layers-change=${onChange}
  ></geo-story-layers>`;
}
