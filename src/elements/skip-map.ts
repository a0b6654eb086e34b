import { html, type TemplateResult } from 'lit';
import type { Lang } from '../story/types.js';
import { t } from './strings.js';

/**
 * The skip link before the map: hidden until focused, it moves the focus past the map's canvas
 * and controls to the end marker, from where Tab goes on to whatever follows the element.
 * @example skipMapLink(lang, () => this._nav.skipMap())
 */
export function skipMapLink(lang: Lang, skip: () => void): TemplateResult {
  return html`<div class="skip">
    <button type="button" class="skip-map" @click=${skip}>${t(lang, 'skipMap')}</button>
  </div>`;
}

/**
 * Where the skip link lands, after the map and its panel: made focusable by the skip link only
 * (KeyboardNavController.skipMap), so Tab never stops there, and shown while it holds the focus.
 */
export function mapEnd(lang: Lang): TemplateResult {
  return html`<p class="map-end">${t(lang, 'mapEnd')}</p>`;
}
