import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localize, parseLang } from '../story/lang.js';
import type { Lang } from '../story/types.js';
import type { GeoStory, LayerSummary } from './geo-story.js';
import { geoStoryLayersStyles } from './geo-story-layers.styles.js';
import { dashKey, layerSwatch } from './legend-swatch.js';
import { t } from './strings.js';

/** Events of `<geo-story>` after which the panel may show something else. */
const WATCHED = ['geo-story-layer-toggle', 'geo-story-chapter-change', 'geo-story-ready', 'geo-story-error'] as const;

let panelCount = 0;

/**
 * The layer panel of a `<geo-story>`: one checkbox per story layer, labelled with its title in the
 * story's language and a legend swatch drawn from its style, grouped as the story groups them.
 * Works inside `<geo-story>` (which shows one over its map) or anywhere on the page with `for`.
 * A reader's choice holds until the next chapter starts; the boxes always show what the map shows.
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

  /** Id of the `<geo-story>` to control, when the panel is not inside one. */
  @property() for = '';

  /** Show a button that opens and closes the list (closed at first), instead of the list alone. */
  @property({ type: Boolean }) collapsible = false;

  @state() private _open = false;
  @state() private _story: GeoStory | undefined;

  private readonly _id = `geo-story-layers-${++panelCount}`;
  private _observer: MutationObserver | undefined;
  private _retry = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this._attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('for') && this.isConnected && changed.get('for') !== undefined) this._attach();
  }

  override render() {
    const story = this._story;
    const lang = this._lang;
    const layers = story?.layers ?? [];
    if (!story?.story || layers.length === 0) return nothing;
    const body = html`<div class="body" id="${this._id}-body" ?hidden=${this.collapsible && !this._open}>
      ${this.collapsible ? nothing : html`<h2>${t(lang, 'layers')}</h2>`}
      ${this._groups(story, layers, lang).map(
        (g) =>
          html`<fieldset>
            ${g.title ? html`<legend>${g.title}</legend>` : nothing} ${g.layers.map((l) => this._renderLayer(story, l))}
          </fieldset>`,
      )}
      <p class="note">${t(lang, 'layersNote')}</p>
    </div>`;
    return html`<section class="panel" part="layers" aria-label=${t(lang, 'layers')} lang=${lang}>
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

  private _renderLayer(story: GeoStory, layer: LayerSummary) {
    const style = story.story!.layers.find((l) => l.id === layer.id)!.style;
    const key = dashKey(style, layer.geometry, this._lang);
    return html`<label>
        <input
          type="checkbox"
          data-layer=${layer.id}
          .checked=${live(layer.visible)}
          @change=${(e: Event) => story.setLayerVisible(layer.id, (e.target as HTMLInputElement).checked)}
        />
        ${layerSwatch(style, layer.geometry)}
        <span>${layer.title}</span>
      </label>
      ${key ? html`<div class="dash-key">${key}</div>` : nothing}`;
  }

  /** Layers by group in the story's group order; layers without a group come last. */
  private _groups(story: GeoStory, layers: LayerSummary[], lang: Lang) {
    const groups = story.story!.groups.map((g) => ({
      title: localize(g.title, lang),
      layers: layers.filter((l) => l.group === g.id),
    }));
    const rest = layers.filter((l) => !l.group || !story.story!.groups.some((g) => g.id === l.group));
    if (rest.length) groups.push({ title: groups.length ? t(lang, 'layersOther') : '', layers: rest });
    return groups.filter((g) => g.layers.length > 0);
  }

  private get _lang(): Lang {
    const story = this._story;
    return parseLang(story?.lang) ?? story?.story?.defaultLang ?? 'zh-Hant';
  }

  private readonly _refresh = (): void => {
    this.requestUpdate();
  };

  /** Finds the story to control: by `for` in the same document or shadow root, else the enclosing one. */
  private _find(): GeoStory | undefined {
    const root = this.getRootNode() as Document | ShadowRoot;
    if (this.for) return (root.getElementById(this.for) as GeoStory | null) ?? undefined;
    if (root instanceof ShadowRoot && root.host.localName === 'geo-story') return root.host as GeoStory;
    return (this.closest('geo-story') as GeoStory | null) ?? undefined;
  }

  private _attach(): void {
    this._detach();
    const story = this._find();
    if (!story) {
      // The story may come later in the page than its panel.
      if (this.for) this._retry = requestAnimationFrame(() => this.isConnected && this._attach());
      return;
    }
    this._story = story;
    for (const name of WATCHED) story.addEventListener(name, this._refresh);
    this._observer = new MutationObserver(this._refresh);
    this._observer.observe(story, { attributes: true, attributeFilter: ['lang', 'src'] });
    // The story may already be loaded (a panel added later), or load before any event.
    void story.updateComplete.then(this._refresh);
  }

  private _detach(): void {
    cancelAnimationFrame(this._retry);
    for (const name of WATCHED) this._story?.removeEventListener(name, this._refresh);
    this._observer?.disconnect();
    this._observer = undefined;
    this._story = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'geo-story-layers': GeoStoryLayers;
  }
}
