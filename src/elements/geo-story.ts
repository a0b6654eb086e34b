import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { emit } from '../events/emit.js';
import '../events/geo-story-chapter-change.js';
import '../events/geo-story-error.js';
import '../events/geo-story-layer-toggle.js';
import '../events/geo-story-measure.js';
import '../events/geo-story-ready.js';
import type { GeoStoryMeasureDetail } from '../events/geo-story-measure.js';
import { straightDistance } from '../geo/distance.js';
import { formatChainage, formatDistance } from '../geo/format.js';
import { targetForChapter } from '../map/chapter-state.js';
import type { MeasureText } from '../map/measure-control.js';
import type { StoryMap, StoryMapOptions } from '../map/story-map.js';
import { MapHostController } from './map-host-controller.js';
import { ChapterHashController } from '../scroll/chapter-hash-controller.js';
import { ChapterScrollController } from '../scroll/chapter-scroll-controller.js';
import { localize, parseLang } from '../story/lang.js';
import { formatIssue, type Chapter, type Lang, type LngLat, type Story } from '../story/types.js';
import { geoStoryStyles } from './geo-story.styles.js';
import './geo-story-layers.js';
import '../events/geo-story-layers-change.js';
import type { GeoStoryLayersChangeEvent } from '../events/geo-story-layers-change.js';
import { dashKey, layerSwatch } from './legend-swatch.js';
import { layerGroups, panelLayers } from './panel-layers.js';
import { renderMarkdown } from './render-markdown.js';
import { StoryLoadController } from './story-load-controller.js';
import { t } from './strings.js';
import type { ChapterSummary, LayerPanelTarget, LayerSummary, PanelLayer } from './summaries.js';

/**
 * A scrolling map story: fetches a Markdown story, shows its chapters beside (wide) or over
 * (narrow) a sticky MapLibre map, and moves the map to each chapter's declared state as the
 * reader scrolls.
 *
 * @fires geo-story-chapter-change - The reader moved to another chapter; detail `{id, index}`.
 * @fires geo-story-ready - The story is parsed and the map reached its first idle; detail `{storyId, firstIdleMs}`.
 * @fires geo-story-error - The story or a layer could not be loaded or has errors; detail `{message, issues?}`.
 * @fires geo-story-layer-toggle - A layer was switched on or off by the reader or `setLayerVisible`; detail `{id, visible}`.
 * @fires geo-story-measure - A path was measured on the map or with `measure()`; detail `{straightMeters, alongMeters?, chainageMeters?, layer?, feature?}`.
 *
 * @csspart base - The layout grid holding text and map.
 * @csspart text - The text column.
 * @csspart header - The story heading with the language switch.
 * @csspart title - The story title.
 * @csspart lang-switch - The language buttons.
 * @csspart chapters - The list of chapters.
 * @csspart chapter - One chapter's text container (carries `data-chapter-id`).
 * @csspart map - The sticky box holding the map.
 * @csspart nav - Previous / next chapter buttons over the map.
 * @csspart problems - The list of problems found in the story file.
 * @csspart layers - The layer panel over the map (`<geo-story-layers>`).
 * @csspart legend - A chapter's legend of its layers.
 * @csspart chapter-measure - A chapter's declared measurement, in its text.
 * @csspart measure-toggle - The button that enters and leaves measure mode (also the M key; Escape leaves).
 * @csspart measure-readout - The live readout of the measured distance.
 *
 * @cssprop --geo-story-accent-color - Accent colour of the active chapter and buttons.
 * @cssprop --geo-story-text-color - Text colour.
 * @cssprop --geo-story-font-family - Font of the text.
 * @cssprop --geo-story-card-background - Background of chapter cards over the map on narrow screens.
 * @cssprop --geo-story-map-height - Height of the sticky map; defaults to the height of the scrolling viewport.
 * @cssprop --geo-story-height - Fixed height (a CSS length such as `600px` or `80vh`) for inline use: the story then scrolls inside the element. The `height` attribute takes precedence.
 */
@customElement('geo-story')
export class GeoStory extends LitElement implements LayerPanelTarget {
  static override styles = geoStoryStyles;

  /** URL of the story Markdown file, relative to the page. */
  @property() src = '';

  /** Language: `zh-Hant` or `en`; when unset the story's default language is used. */
  @property({ reflect: true }) override lang = '';

  /** MapLibre style URL to use instead of the story's basemap (`offline` for the embedded one). */
  @property() basemap = '';

  /** Fixed height (a CSS length such as `600px`) for inline use: the story scrolls inside the element instead of with the page. */
  @property() height = '';

  /** Follow and update the address hash: start at and go to the chapter `#<story-id>/<chapter-id>` names, and write it as the reader moves. */
  @property({ type: Boolean }) hash = false;

  @state() private _index = 0;
  @state() private _announce = '';
  @state() private _viewportHeight = 0;
  /** The reader's layer toggles, on top of the current chapter's layers; cleared when the chapter changes. */
  @state() private _overrides: ReadonlyMap<string, boolean> = new Map();
  /** The fixed height in effect (`height` attribute, else `--geo-story-height`), or '' when the story scrolls with its container. */
  @state() private _fixedHeight = '';

  /** The chapter the hash named when the story loaded, to scroll to once its text is rendered. */
  private _startAt: number | undefined;
  private _html = new Map<string, string>();

  private readonly _loader = new StoryLoadController(this, {
    onReset: () => {
      this._mapHost.reset();
      this._index = 0;
      this._startAt = undefined;
      this._overrides = new Map();
      this._html.clear();
    },
    onLoaded: () => {
      // With `hash`, a link to a chapter starts the story there: no scrolling through, no chapter-change event.
      this._index = this._hash.requested() ?? 0;
      if (this._index > 0) this._startAt = this._index;
    },
  });

  private readonly _mapHost = new MapHostController(this, {
    container: () => this.renderRoot?.querySelector<HTMLElement>('.map'),
    story: () => this._loader.story,
    mapOptions: (story) => this._mapOptions(story),
    onReady: (map) => this._onMapReady(map),
    onFail: (message) => {
      emit(this, 'geo-story-error', { message: `map: ${message}` });
      this._loader.rejectReady(message);
    },
  });

  private readonly _scroll = new ChapterScrollController(this, {
    chapters: () => [...(this.renderRoot?.querySelectorAll<HTMLElement>('[data-chapter-id]') ?? [])],
    onActive: (index) => this._setActive(index, true),
    onViewportHeight: (px) => (this._viewportHeight = px),
    // With a fixed height the story scrolls inside the element, so that scroller is the root.
    root: () => (this._fixedHeight ? this.renderRoot?.querySelector('.layout') : undefined),
  });

  private readonly _hash = new ChapterHashController(this, {
    enabled: () => this.hash,
    story: () =>
      this._loader.story
        ? { id: this._loader.story.id, chapterIds: this._loader.story.chapters.map((c) => c.id) }
        : undefined,
    onHashChange: (index) => index !== this._index && this.goTo(index),
  });

  constructor() {
    super();
    this.addEventListener('keydown', this._onKeyDown);
  }

  /** The parsed story, once loaded. */
  get story(): Story | undefined {
    return this._loader.story;
  }

  /** The story's chapters, `{id, title}` in the current language. */
  get chapters(): ChapterSummary[] {
    const lang = this._lang;
    return (this._loader.story?.chapters ?? []).map((c) => ({ id: c.id, title: localize(c.title, lang) }));
  }

  /** Id of the current chapter. */
  get chapterId(): string | undefined {
    return this._loader.story?.chapters[this._index]?.id;
  }

  /** Index of the current chapter. */
  get chapterIndex(): number {
    return this._index;
  }

  /** The MapLibre map, once created. */
  get map(): import('maplibre-gl').Map | undefined {
    return this._mapHost.map?.map;
  }

  /** Resolves once the story is parsed and the map reached its first idle; rejects if the story cannot be loaded. */
  get ready(): Promise<void> {
    return this._loader.ready;
  }

  /** The language in effect: the `lang` attribute if valid, else the story's default. */
  private get _lang(): Lang {
    return parseLang(this.lang) ?? this._loader.story?.defaultLang ?? 'zh-Hant';
  }

  /** The story's layers, `{id, title, visible}` (title in the current language), in story order. */
  get layers(): LayerSummary[] {
    const lang = this._lang;
    return (this._loader.story?.layers ?? []).map((l) => {
      return {
        id: l.id,
        title: localize(l.title, lang),
        visible: this.isLayerVisible(l.id),
        ...(l.group ? { group: l.group } : {}),
        geometry: this._mapHost.map?.layerKinds(l.id) ?? [],
      };
    });
  }

  /** Whether a story layer is visible now: the chapter's choice, unless the reader toggled it in this chapter. */
  isLayerVisible(id: string): boolean {
    const chapter = this._loader.story?.chapters[this._index];
    return chapter ? (this._overrides.get(id) ?? chapter.layers.includes(id)) : false;
  }

  /**
   * Shows or hides a story layer until the next chapter starts (then the chapter's own layers apply
   * again); fires `geo-story-layer-toggle` when this changes anything. Returns false for an unknown layer.
   */
  setLayerVisible(id: string, visible: boolean): boolean {
    const chapter = this._loader.story?.chapters[this._index];
    if (!chapter || !this._loader.story!.layers.some((l) => l.id === id)) return false;
    if (this.isLayerVisible(id) === visible) return true;
    const overrides = new Map(this._overrides);
    if (chapter.layers.includes(id) === visible) overrides.delete(id);
    else overrides.set(id, visible);
    this._overrides = overrides;
    this._mapHost.map?.setTarget(targetForChapter(chapter, overrides));
    emit(this, 'geo-story-layer-toggle', { id, visible });
    return true;
  }

  /**
   * Measures the path through `points` ([lon, lat] each): its straight length, and, when its first and
   * last points are within 12 px of a visible corridor line, the distance along it and both chainages.
   * The path is shown on the map in measure mode (Escape leaves); fires `geo-story-measure`.
   */
  measure(points: readonly LngLat[]): GeoStoryMeasureDetail {
    const map = this._mapHost.map;
    const detail = map ? map.measure(points) : { straightMeters: straightDistance(points) };
    emit(this, 'geo-story-measure', detail);
    return detail;
  }

  /** Whether measure mode is on. */
  get measuring(): boolean {
    return this._mapHost.map?.measuring ?? false;
  }

  /** Scrolls to a chapter, given by id or index; returns false when there is no such chapter. */
  goTo(idOrIndex: string | number): boolean {
    const chapters = this._loader.story?.chapters ?? [];
    const index = typeof idOrIndex === 'number' ? idOrIndex : chapters.findIndex((c) => c.id === idOrIndex);
    if (!Number.isInteger(index) || index < 0 || index >= chapters.length) return false;
    this._setActive(index, true);
    this._scroll.scrollToChapter(index, !reducedMotion());
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.isConnected) {
      this._fixedHeight = this.height.trim() || getComputedStyle(this).getPropertyValue('--geo-story-height').trim();
    }
    if (changed.has('src')) this._loader.load(this.src);
    if (changed.has('lang') && this._loader.story) {
      this._mapHost.map?.setLang(this._lang, this._mapLabel());
      this._mapHost.map?.setMeasureText(this._measureText());
    }
  }

  protected override updated(): void {
    if (this._startAt !== undefined && this._loader.story) {
      // Placed by the hash: the chapter is current already, so only the text has to get there.
      const index = this._startAt;
      this._startAt = undefined;
      this._scroll.scrollToChapter(index, false, true);
    }
  }

  override render() {
    const lang = this._lang;
    const story = this._loader.story;
    const layers = story ? panelLayers(story, this.layers) : [];
    return html`
      <div
        class="layout ${this._fixedHeight ? 'scroller' : ''}"
        part="base"
        lang=${lang}
        style=${styleMap({ ...(this._viewportHeight ? { '--_vh': `${this._viewportHeight}px` } : {}), ...(this._fixedHeight ? { '--_h': this._fixedHeight } : {}) })}
      >
        <div class="text" part="text">
          <header part="header">
            <div class="toolbar">${this._renderLangSwitch(lang)}</div>
            <h1 part="title">
              ${story ? localize(story.title, lang) : this._loader.error ? t(lang, 'storyFailed') : t(lang, 'loadingStory')}
            </h1>
            ${story?.subtitle ? html`<p class="subtitle">${localize(story.subtitle, lang)}</p>` : nothing}
            ${story ? html`<p class="hint">${t(lang, 'scrollHint')}</p>` : nothing}
          </header>
          ${this._renderProblems(lang)}
          ${
            story
              ? html`<ol class="chapters" part="chapters" aria-label=${t(lang, 'chapters')}>
                  ${story.chapters.map((c, i) => this._renderChapter(c, i, lang, layers))}
                </ol>`
              : nothing
          }
          <div class="end" aria-hidden="true"></div>
        </div>
        <div class="map-box" part="map">
          <div class="map"></div>
          ${this._mapHost.status === 'loading' ? html`<p class="status">${t(lang, 'loadingMap')}</p>` : nothing}
          ${this._mapHost.status === 'failed' ? html`<p class="status" role="alert">${t(lang, 'mapFailed')}${this._mapHost.error}</p>` : nothing}
          ${story ? this._renderNav(story, lang) : nothing}
        </div>
        <div class="overlay">
          ${
            story && layers.length
              ? html`<geo-story-layers
                  part="layers"
                  collapsible
                  .layers=${layers}
                  .groups=${layerGroups(story, lang)}
                  .lang=${lang}
                  @geo-story-layers-change=${this._onPanelChange}
                ></geo-story-layers>`
              : nothing
          }
        </div>
        <div class="sr-only" aria-live="polite" aria-atomic="true">${this._announce}</div>
      </div>
    `;
  }

  private _renderLangSwitch(current: Lang) {
    return html`<div class="lang-switch" role="group" part="lang-switch" aria-label=${t(current, 'languageGroup')}>
      ${(['zh-Hant', 'en'] as const).map(
        (lang) =>
          html`<button
            type="button"
            lang=${lang}
            aria-pressed=${lang === current ? 'true' : 'false'}
            aria-label=${t(lang, 'languageName')}
            @click=${() => this._setLangFromReader(lang)}
          >
            ${t(lang, 'languageShort')}
          </button>`,
      )}
    </div>`;
  }

  private _renderProblems(lang: Lang) {
    const errors = this._loader.issues.filter((i) => i.severity === 'error');
    const loadError = this._loader.error;
    if (!loadError && errors.length === 0) return nothing;
    return html`<section class="problems" part="problems" role="alert">
      <strong>${t(lang, 'storyProblems')}</strong>
      <ul lang="en">
        ${loadError ? html`<li>${loadError}</li>` : nothing} ${errors.map((i) => html`<li>${formatIssue(i)}</li>`)}
      </ul>
    </section>`;
  }

  private _renderChapter(chapter: Chapter, index: number, lang: Lang, layers: readonly PanelLayer[]) {
    const headingId = `chapter-${index}-title`;
    return html`<li>
      <article
        class="chapter ${index === this._index ? 'active' : ''}"
        part="chapter"
        data-chapter-id=${chapter.id}
        aria-labelledby=${headingId}
        aria-current=${index === this._index ? 'step' : nothing}
        tabindex="-1"
      >
        <h2 id=${headingId}>${localize(chapter.title, lang)}</h2>
        <div class="body">${unsafeHTML(this._chapterHtml(chapter, lang))}</div>
        ${this._renderChapterMeasure(chapter, lang)} ${this._renderLegend(chapter, lang, layers)}
        ${
          chapter.sources.length
            ? html`<footer class="sources">
                <h3>${t(lang, 'sources')}</h3>
                <ul>
                  ${chapter.sources.map(
                    (s) =>
                      html`<li>
                        ${s.url ? html`<a href=${s.url} target="_blank" rel="noopener noreferrer">${localize(s.title, lang)}</a>` : localize(s.title, lang)}
                      </li>`,
                  )}
                </ul>
              </footer>`
            : nothing
        }
      </article>
    </li>`;
  }

  private _renderNav(story: Story, lang: Lang) {
    const total = story.chapters.length;
    const n = this._index + 1;
    return html`<nav class="steps" part="nav" aria-label=${t(lang, 'chapters')}>
      <button
        type="button"
        aria-label=${t(lang, 'previous')}
        title=${t(lang, 'previous')}
        ?disabled=${this._index <= 0}
        @click=${() => this._step(-1)}
      >
        ↑
      </button>
      <span aria-hidden="true">${t(lang, 'progress', { n, total })}</span>
      <button
        type="button"
        aria-label=${t(lang, 'next')}
        title=${t(lang, 'next')}
        ?disabled=${this._index >= total - 1}
        @click=${() => this._step(1)}
      >
        ↓
      </button>
    </nav>`;
  }

  private _renderChapterMeasure(chapter: Chapter, lang: Lang) {
    const declared = chapter.measure;
    // Worked out on the layer's data, which the map loads; the text shows it once the map is ready.
    const m = declared && this._mapHost.status === 'ready' ? this._mapHost.map?.resolveMeasure(declared) : undefined;
    if (!declared || !m) return nothing;
    const layer = this._loader.story?.layers.find((l) => l.id === declared.layer);
    return html`<p class="chapter-measure" part="chapter-measure">
      ${t(lang, 'chapterMeasure', {
        layer: layer ? localize(layer.title, lang) : declared.layer,
        along: formatDistance(m.alongMeters, lang),
        from: formatChainage(m.fromChainageMeters, lang),
        to: formatChainage(m.toChainageMeters, lang),
        straight: formatDistance(m.straightMeters, lang),
      })}
    </p>`;
  }

  private _renderLegend(chapter: Chapter, lang: Lang, all: readonly PanelLayer[]) {
    const layers = all.filter((l) => chapter.layers.includes(l.id));
    if (layers.length === 0) return nothing;
    return html`<ul class="legend" part="legend" aria-label=${t(lang, 'legend')}>
      ${layers.map((l) => {
        const key = dashKey(l.style, l.geometry, lang);
        return html`<li>
            ${layerSwatch(l.style, l.geometry)}
            <span>${l.title}</span>
          </li>
          ${key ? html`<li class="dash-key">${key}</li>` : nothing}`;
      })}
    </ul>`;
  }

  private _measureText(): MeasureText {
    const lang = this._lang;
    return {
      toggle: t(lang, 'measureToggle'),
      clear: t(lang, 'measureClear'),
      hint: t(lang, 'measureHint'),
      readout: (d) => {
        const lines = [t(lang, 'measureStraight', { d: formatDistance(d.straightMeters, lang) })];
        if (d.alongMeters !== undefined && d.chainageMeters) {
          const layer = this._loader.story?.layers.find((l) => l.id === d.layer);
          lines.push(
            t(lang, 'measureAlong', {
              layer: layer ? localize(layer.title, lang) : '',
              d: formatDistance(d.alongMeters, lang),
            }),
            t(lang, 'measureChainage', {
              from: formatChainage(d.chainageMeters[0], lang),
              to: formatChainage(d.chainageMeters[1], lang),
            }),
          );
        }
        return lines;
      },
    };
  }

  /** M enters or leaves measure mode, Escape leaves it, while focus is anywhere in the story. */
  private readonly _onKeyDown = (e: KeyboardEvent): void => {
    const map = this._mapHost.map;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !map) return;
    const origin = e.composedPath()[0];
    const typing =
      origin instanceof HTMLElement &&
      (origin.isContentEditable ||
        origin instanceof HTMLTextAreaElement ||
        origin instanceof HTMLSelectElement ||
        (origin instanceof HTMLInputElement && origin.type !== 'checkbox' && origin.type !== 'radio'));
    if (typing) return;
    if (e.key === 'm' || e.key === 'M') {
      if (map.setMeasuring(!map.measuring)) e.preventDefault();
    } else if (e.key === 'Escape' && map.measuring) {
      map.setMeasuring(false);
      e.preventDefault();
    }
  };

  /** The layer panel's checkbox: the reader's toggle, as through `setLayerVisible`. */
  private readonly _onPanelChange = (e: GeoStoryLayersChangeEvent): void => {
    this.setLayerVisible(e.detail.id, e.detail.visible);
  };

  private _onMeasureMode(active: boolean): void {
    this._announce = t(this._lang, active ? 'measureOn' : 'measureOff');
  }

  private _chapterHtml(chapter: Chapter, lang: Lang): string {
    const key = `${chapter.id}\u0000${lang}`;
    let rendered = this._html.get(key);
    if (rendered === undefined) {
      rendered = renderMarkdown(localize(chapter.body, lang));
      this._html.set(key, rendered);
    }
    return rendered;
  }

  private _step(delta: number): void {
    const index = this._index + delta;
    if (this.goTo(index)) {
      this.renderRoot
        .querySelector<HTMLElement>(`[data-chapter-id="${CSS.escape(this.chapterId ?? '')}"]`)
        ?.focus({ preventScroll: true });
    }
  }

  private _setLangFromReader(lang: Lang): void {
    this.lang = lang;
  }

  private _mapLabel(): string {
    const chapter = this._loader.story?.chapters[this._index];
    return t(this._lang, 'mapLabel', { title: chapter ? localize(chapter.title, this._lang) : '' });
  }

  private _setActive(index: number, fire: boolean): void {
    const story = this._loader.story;
    if (!story || index === this._index) return;
    this._index = index;
    const chapter = story.chapters[index]!;
    // Reader toggles last until the next chapter starts; then the chapter's own layers apply again.
    this._overrides = new Map();
    this._mapHost.map?.setTarget(targetForChapter(chapter));
    this._mapHost.map?.setLang(this._lang, this._mapLabel());
    this._announce = t(this._lang, 'chapterOf', {
      n: index + 1,
      total: story.chapters.length,
      title: localize(chapter.title, this._lang),
    });
    this._hash.write(chapter.id);
    if (fire) emit(this, 'geo-story-chapter-change', { id: chapter.id, index });
  }

  /** What a new map of `story` starts from: the current chapter with the reader's toggles, in the current language. */
  private _mapOptions(story: Story): Omit<StoryMapOptions, 'container'> | undefined {
    const chapter = story.chapters[this._index];
    if (!chapter) return undefined;
    return {
      story,
      storyUrl: this._loader.url,
      lang: this._lang,
      basemap: this.basemap || story.basemap,
      initial: targetForChapter(chapter, this._overrides),
      reducedMotion,
      label: this._mapLabel(),
      onError: (message, issues) => emit(this, 'geo-story-error', issues ? { message, issues } : { message }),
      measureText: this._measureText(),
      onMeasure: (detail) => emit(this, 'geo-story-measure', detail),
      onMeasureMode: (active) => this._onMeasureMode(active),
    };
  }

  private _onMapReady(map: StoryMap | undefined): void {
    const story = this._loader.story!;
    // The reader may have scrolled on while the map loaded.
    const current = story.chapters[this._index];
    if (map && current) map.setTarget(targetForChapter(current, this._overrides));
    this._loader.resolveReady();
    if (map) {
      emit(this, 'geo-story-ready', {
        storyId: story.id,
        firstIdleMs: Math.round(performance.now() - this._loader.startedAt),
      });
    }
  }
}

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

declare global {
  interface HTMLElementTagNameMap {
    'geo-story': GeoStory;
  }
}
