import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { emit } from '../events/emit.js';
import '../events/geo-story-layers-change.js';
import { langTag, parseLang } from '../story/lang.js';
import type { Lang } from '../story/types.js';
import { FollowStoryController } from './follow-story-controller.js';
import { geoStoryLayersStyles } from './geo-story-layers.styles.js';
import { dashKey, layerSwatch } from './legend-swatch.js';
import { groupLayers } from './layer-summaries.js';
import { t } from './strings.js';
import type { LayerGroupSummary, PanelLayer } from './summaries.js';

let panelCount = 0;

/**
 * The layer panel of a `<geo-story>`: one checkbox per story layer, labelled with its title in the
 * story's language and a legend swatch drawn from its style, grouped as the story groups them.
 * Works inside `<geo-story>` (which shows one over its map and gives it its layers) or anywhere on
 * the page with `for`. A reader's choice holds until the next chapter starts; the boxes always show
 * what the map shows.
 *
 * @fires geo-story-layers-change - The reader switched a layer's checkbox; detail `{id, visible}`. The story applies it and fires `geo-story-layer-toggle`. Does not leave the panel's shadow root.
 *
 * @csspart layers - The panel card.
 * @csspart toggle - The button that opens and closes a collapsible panel.
 *
 * @cssprop --geo-story-layers-background - Background of the panel card.
 * @cssprop --geo-story-layers-max-height - Height beyond which the list scrolls.
 * @cssprop --geo-story-accent-color - Colour of the checkboxes.
 */
@customElement('geo-story-layers')
export class GeoStoryLayers extends LitElement {
  static override styles = geoStoryLayersStyles;

  /** Id of the `<geo-story>` to control, when the panel is not inside one; the panel then shows that story's layers. */
  @property() for = '';

  /** Show a button that opens and closes the list (closed at first), instead of the list alone. */
  @property({ type: Boolean }) collapsible = false;

  /** The layers to list, in story order, when the panel is given them (as `<geo-story>` does); unused with `for`. */
  @property({ attribute: false }) layers: PanelLayer[] = [];

  /** The story's layer groups, in panel order, when the panel is given its layers; unused with `for`. */
  @property({ attribute: false }) groups: LayerGroupSummary[] = [];

  /** Language of the panel (`zh-Hant`, `zh-Hans` or `en`) when it is given its layers; with `for`, the story's language applies. */
  @property({ reflect: true }) override lang = '';

  @state() private _open = false;

  private readonly _id = `geo-story-layers-${++panelCount}`;
  private readonly _follow = new FollowStoryController(this, { id: () => this.for });

  override render(): TemplateResult | typeof nothing {
    const { layers, groups, lang } = this._follow.view ?? {
      layers: this.layers,
      groups: this.groups,
      lang: parseLang(this.lang) ?? 'zh-Hant',
    };
    if (layers.length === 0) return nothing;
    const body = html`<div class="body" id="${this._id}-body" ?hidden=${this.collapsible && !this._open}>
      ${this.collapsible ? nothing : html`<h2>${t(lang, 'layers')}</h2>`}
      ${groupLayers(layers, groups, t(lang, 'layersOther')).map(
        (g) =>
          html`<fieldset>
            ${g.title ? html`<legend>${g.title}</legend>` : nothing} ${g.layers.map((l) => this._renderLayer(l, lang))}
          </fieldset>`,
      )}
      <p class="note">${t(lang, 'layersNote')}</p>
    </div>`;
    return html`<section class="panel" part="layers" aria-label=${t(lang, 'layers')} lang=${langTag(lang)}>
      ${
        this.collapsible
          ? html`<button
              type="button"
              class="toggle"
              part="toggle"
              aria-expanded=${this._open ? 'true' : 'false'}
              aria-controls="${this._id}-body"
              @click=${() => (this._open = !this._open)}
            >
              <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
                <path d="M3 1l4 4-4 4" fill="none" stroke="currentColor" stroke-width="1.6" />
              </svg>
              ${t(lang, 'layersShow')}
            </button>`
          : nothing
      }
      ${body}
    </section>`;
  }

  private _renderLayer(layer: PanelLayer, lang: Lang) {
    const key = dashKey(layer.style, layer.geometry, lang);
    const reasonId = `${this._id}-${layer.id}-reason`;
    // An unavailable layer stays focusable (aria-disabled, not disabled) so its reason can be heard and read.
    return html`<label class=${layer.unavailable ? 'unavailable' : ''} title=${layer.unavailable ?? nothing}>
        <input
          type="checkbox"
          data-layer=${layer.id}
          .checked=${live(layer.visible)}
          aria-disabled=${layer.unavailable ? 'true' : nothing}
          aria-describedby=${layer.unavailable ? reasonId : nothing}
          @change=${(e: Event) => this._onChange(layer, e.target as HTMLInputElement)}
        />
        ${layerSwatch(layer.style, layer.geometry)}
        <span>${layer.title}</span>
      </label>
      ${layer.unavailable ? html`<div class="reason" id=${reasonId}>${layer.unavailable}</div>` : nothing}
      ${key ? html`<div class="dash-key">${key}</div>` : nothing}`;
  }

  /** Tells the story; it applies the change and gives the panel its new state (or, with `for`, the panel asks it). */
  private _onChange(layer: PanelLayer, input: HTMLInputElement): void {
    if (layer.unavailable) {
      input.checked = false;
      return;
    }
    emit(this, 'geo-story-layers-change', { id: layer.id, visible: input.checked }, false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'geo-story-layers': GeoStoryLayers;
  }
}
