import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emit } from '../events/emit.js';
import type { GeoStoryMeasureDetail } from '../events/index.js';
import { straightDistance } from '../geo/distance.js';
import { targetForChapter } from '../map/chapter-state.js';
import type { StoryMap } from '../map/story-map.js';
import { ChapterHashController } from '../scroll/chapter-hash-controller.js';
import { ChapterScrollController } from '../scroll/chapter-scroll-controller.js';
import { langTag, localize } from '../story/lang.js';
import type { Lang, LngLat, Story } from '../story/types.js';
import { describeChapter, type ChapterDescription } from './chapter-description.js';
import { CardFrameController } from './card-frame-controller.js';
import { chapterList, problems, storyHeader } from './chapter-templates.js';
import './geo-story-layers.js';
import { geoStoryStyles } from './geo-story.styles.js';
import { LayerFailures } from './layer-failures.js';
import { layerVisible, withToggle, type LayerOverrides } from './layer-overrides.js';
import { layerGroups, layerSummaries, panelLayers } from './layer-summaries.js';
import { KeyboardNavController } from './keyboard-nav-controller.js';
import { layerPanel, mapBox } from './map-box-templates.js';
import { MapHostController } from './map-host-controller.js';
import { MeasureKeysController } from './measure-keys-controller.js';
import { measureText } from './measure-text.js';
import { chapterIndex, QueuedGoTo } from './queued-go-to.js';
import { mapEnd, skipMapLink } from './skip-map.js';
import { StoryLoadController } from './story-load-controller.js';
import { reducedMotion, storyMapOptions } from './story-map-options.js';
import { PrintController } from './print-controller.js';
import { StoryNavController } from './story-nav.js';
import { StorySizeController } from './story-size-controller.js';
import type { ChapterSummary, LayerPanelTarget, LayerSummary } from './summaries.js';

/**
 * A scrolling map story: fetches a Markdown story, shows its chapters beside (wide) or over
 * (narrow) a sticky MapLibre map, and moves the map to each chapter's declared state as the
 * reader scrolls.
 *
 * @fires geo-story-chapter-change - The reader moved to another chapter; detail `{id, index}`.
 * @fires geo-story-ready - The story is parsed and its map reached its first idle (once per story, when first shown); detail `{storyId, firstIdleMs}`.
 * @fires geo-story-error - The story or a layer could not be loaded or has errors, a part of the map could not be loaded (the basemap's land, a remote style, MapLibre's worker), or the map cannot be shown (no WebGL 2, no worker, or no first idle within `mapPool.loadTimeout`: once, `map: ...`); detail `{message, issues?}`.
 * @fires geo-story-layer-toggle - A layer was switched on or off by the reader or `setLayerVisible`; detail `{id, visible}`.
 * @fires geo-story-measure - A path was measured on the map or with `measure()`; detail `{straightMeters, alongMeters?, chainageMeters?, layer?, feature?}`.
 *
 * @slot prerendered - Shown while the story loads, in place of the loading heading: the story's title and chapters rendered into the page at build time, readable without JavaScript.
 *
 * @csspart base - The layout grid holding text and map.
 * @csspart text - The text column.
 * @csspart header - The story heading with the language switch.
 * @csspart title - The story title.
 * @csspart lang-switch - The language buttons.
 * @csspart chapters - The list of chapters.
 * @csspart chapter - One chapter's text container (carries `data-chapter-id`).
 * @csspart map - The sticky box holding the map.
 * @csspart still - The still image shown in place of a map given back to the page's pool of live maps.
 * @csspart nav - The chapter navigation over the map: previous / next buttons, progress bar and contents.
 * @csspart progress - The progress bar: one segment per chapter, the current one marked; each goes to its chapter.
 * @csspart contents-toggle - The button that opens and closes the table of contents.
 * @csspart contents - The table of contents: one button per chapter, the current one marked.
 * @csspart problems - The list of problems found in the story file.
 * @csspart layers - The layer panel over the map (`<geo-story-layers>`).
 * @csspart legend - A chapter's legend of its layers.
 * @csspart chapter-measure - A chapter's declared measurement, in its text.
 * @csspart print-map - A chapter's still map image, shown when printing once `preparePrint()` has made it.
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

  /** URL of the story file, relative to the page: Markdown, or the build's compiled JSON of it. */
  @property() src = '';

  /** Language: `zh-Hant`, `zh-Hans` or `en` (`zh-CN`, `zh-HK` and the like are read too); when unset or not offered by the story, its default. */
  @property({ reflect: true }) override lang = '';

  /** MapLibre style URL to use instead of the story's basemap (`offline` for the embedded one). */
  @property() basemap = '';

  /** Fixed height (a CSS length such as `600px`) for inline use: the story scrolls inside the element instead of with the page. */
  @property() height = '';

  /** Follow and update the address hash: start at and go to the chapter `#<story-id>/<chapter-id>` names, and write it as the reader moves. */
  @property({ type: Boolean }) hash = false;

  @state() private _index = 0;
  @state() private _announce = '';
  /** The reader's layer toggles, on top of the current chapter's layers; cleared when the chapter changes. */
  @state() private _overrides: LayerOverrides = new Map();

  /** The chapter the hash named when the story loaded, to scroll to once its text is rendered. */
  private _startAt: number | undefined;

  private readonly _queued = new QueuedGoTo();
  private readonly _loader = new StoryLoadController(this, {
    onReset: () => {
      this._mapHost.reset();
      this._index = 0;
      this._startAt = undefined;
      this._overrides = new Map();
      this._failures.clear();
    },
    onLoaded: (story) => {
      // A goTo() made while loading, or with `hash` a link, starts the story there: no scrolling through, no event.
      this._index = this._queued.take(story, this) ?? this._hash.requested() ?? 0;
      if (this._index > 0) this._startAt = this._index;
    },
  });

  private readonly _mapHost = new MapHostController(this, {
    container: () => this.renderRoot?.querySelector<HTMLElement>('.map'),
    story: () => this._loader.story,
    // A new map starts from the current chapter with the reader's toggles, in the current language.
    mapOptions: (story) => {
      const chapter = story.chapters[this._index];
      const start = { host: this, story, storyUrl: this._loader.url, overrides: this._overrides, lang: this._lang };
      const announce = (text: string) => (this._announce = text);
      const more = { chapter, basemap: this.basemap, label: this._describe().label, failures: this._failures };
      return chapter && storyMapOptions({ ...start, ...more, announce, frame: this._frame });
    },
    onReady: (map, first) => this._onMapReady(map, first),
    onFail: (message) => {
      emit(this, 'geo-story-error', { message: `map: ${message}` });
      this._loader.rejectReady(message);
    },
  });

  private readonly _size = new StorySizeController(this, () => this.height);
  private readonly _frame = new CardFrameController(this);
  private readonly _failures = new LayerFailures(this);
  protected readonly _keys = new MeasureKeysController(this, () => this._mapHost.map);
  private readonly _nav = new KeyboardNavController(this, {
    index: () => this._index,
    total: () => this._loader.story?.chapters.length ?? 0,
    goTo: (index) => this.goTo(index),
  });

  private readonly _toc = new StoryNavController(this);
  private readonly _print = new PrintController(this, { map: () => this._mapHost.map, lang: () => this._lang });
  private readonly _scroll = new ChapterScrollController(this, {
    chapters: () => [...(this.renderRoot?.querySelectorAll<HTMLElement>('[data-chapter-id]') ?? [])],
    onActive: (index) => this._setActive(index),
    onViewportHeight: (px) => this._size.setViewportHeight(px),
    // With a fixed height the story scrolls inside the element, so that scroller is the root.
    root: () => (this._size.fixed ? this.renderRoot?.querySelector('.layout') : undefined),
  });

  private readonly _hash = new ChapterHashController(this, {
    enabled: () => this.hash,
    story: () => {
      const story = this._loader.story;
      return story ? { id: story.id, chapterIds: story.chapters.map((c) => c.id) } : undefined;
    },
    onHashChange: (index) => index !== this._index && this.goTo(index),
  });

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

  /** The MapLibre map, while there is one: none before the element is near the viewport, nor while the page's map pool has it given back. */
  get map(): import('maplibre-gl').Map | undefined {
    return this._mapHost.map?.map;
  }

  /** Map ready: resolves once the story is parsed and its map, built when first near the viewport, first reached idle (the text is there at once and never waits); rejects if the story cannot be loaded or the map cannot be shown (no WebGL 2, or not idle within `mapPool.loadTimeout`). */
  get ready(): Promise<void> {
    return this._loader.ready;
  }

  /** The language in effect: the `lang` attribute if the story offers it, else the closest it offers (see README). */
  private get _lang(): Lang {
    return this._loader.lang;
  }

  /** The story's layers, `{id, title, visible}` (title in the current language), in story order. */
  get layers(): LayerSummary[] {
    const story = this._loader.story;
    const kinds = (id: string) => this._mapHost.map?.layerKinds(id) ?? [];
    const failed = (id: string) => this._failures.get(id);
    return story ? layerSummaries(story, this._lang, (id) => this.isLayerVisible(id), kinds, failed) : [];
  }

  /** Whether a story layer is visible now: the chapter's choice, unless the reader toggled it in this chapter. */
  isLayerVisible(id: string): boolean {
    const chapter = this._loader.story?.chapters[this._index];
    return chapter && !this._failures.get(id) ? layerVisible(chapter, this._overrides, id) : false;
  }

  /**
   * Shows or hides a story layer until the next chapter starts (then the chapter's own layers apply
   * again); fires `geo-story-layer-toggle` when this changes anything. False for an unknown or unavailable layer.
   */
  setLayerVisible(id: string, visible: boolean): boolean {
    const story = this._loader.story;
    const chapter = story?.chapters[this._index];
    if (!chapter || !story!.layers.some((l) => l.id === id) || this._failures.get(id)) return false;
    if (this.isLayerVisible(id) === visible) return true;
    this._overrides = withToggle(chapter, this._overrides, id, visible);
    this._mapHost.map?.setTarget(targetForChapter(chapter, this._overrides));
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

  /** Draws each chapter's map for printing, then puts the map back; resolves to how many it drew (see README, Printing). */
  preparePrint(): Promise<number> {
    return this._print.prepare();
  }

  /** Scrolls to a chapter (id or index); false if there is none. Before the story loads: queued (see README). */
  goTo(idOrIndex: string | number): boolean {
    const story = this._loader.story;
    if (!story) return this._queued.queue(idOrIndex);
    const index = chapterIndex(story.chapters, idOrIndex);
    if (index < 0) return false;
    this._setActive(index);
    this._scroll.scrollToChapter(index, !reducedMotion());
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) this._loader.load(this.src);
    if ((this._loader.takeConverted() || changed.has('lang')) && this._loader.story) {
      this._mapHost.map?.setLang(this._lang, this._describe().label);
      this._mapHost.map?.setMeasureText(measureText(this._lang, this._loader.story));
    }
  }

  protected override updated(): void {
    // Placed by the hash: the chapter is current already, so only the text has to get there.
    if (this._startAt === undefined || !this._loader.story) return;
    this._scroll.scrollToChapter(this._startAt, false, true);
    this._startAt = undefined;
  }

  override render(): TemplateResult | typeof nothing {
    const lang = this._lang;
    const story = this._loader.story;
    const map = this._mapHost;
    const layers = story ? panelLayers(story, this.layers) : [];
    const failed = this._failures.problems;
    return html`
      <div class="layout ${this._size.fixed ? 'scroller' : ''}" part="base" lang=${langTag(lang)}>
        <div class="text" part="text">
          ${storyHeader(story, lang, this._loader.failed, (l) => (this.lang = l))}
          ${problems(lang, [this._loader.error, ...failed.messages], [...this._loader.issues, ...failed.issues])}
          ${
            story
              ? chapterList({
                  chapters: story.chapters,
                  current: this._index,
                  lang,
                  body: (chapter) => this._loader.body(chapter, lang),
                  map: map.status === 'ready' ? map.map : undefined,
                  print: this._print.image,
                  layers,
                })
              : nothing
          }
          <div class="end" aria-hidden="true"></div>
        </div>
        ${skipMapLink(lang, () => this._nav.skipMap())} ${mapBox({ lang, ...map.view, story: !!story })}
        <div class="overlay">
          ${story ? this._toc.render({ lang, chapters: story.chapters, current: this._index, go: (i) => this._nav.go(i) }) : nothing}
          ${story ? layerPanel(layers, layerGroups(story, lang), lang, (e) => this.setLayerVisible(e.detail.id, e.detail.visible)) : nothing}
          ${mapEnd(lang)}
        </div>
        <div class="sr-only" aria-live="polite" aria-atomic="true">${this._announce}</div>
      </div>
    `;
  }

  /** The current chapter in words, in the current language: what the live region says on entering it, and the map's name. */
  private _describe = (): ChapterDescription => describeChapter(this, this._lang, this._mapHost.map);

  /** Makes chapter `index` the current one: its map state, the announcement, the hash, the event. */
  private _setActive(index: number): void {
    const story = this._loader.story;
    if (!story || index === this._index) return;
    this._index = index;
    const chapter = story.chapters[index]!;
    // Reader toggles last until the next chapter starts; then the chapter's own layers apply again.
    this._overrides = new Map();
    this._mapHost.map?.setTarget(targetForChapter(chapter));
    this._mapHost.map?.setLang(this._lang, this._describe().label);
    this._announce = this._describe().announcement;
    this._hash.write(chapter.id);
    emit(this, 'geo-story-chapter-change', { id: chapter.id, index });
  }

  private _onMapReady(map: StoryMap | undefined, first: boolean): void {
    const story = this._loader.story!;
    // The reader may have scrolled on while the map loaded.
    map?.setTarget(targetForChapter(story.chapters[this._index]!, this._overrides));
    // Named now that the layers' data is in: the chapter's places.
    map?.setLang(this._lang, this._describe().label);
    this._loader.resolveReady();
    const firstIdleMs = Math.round(performance.now() - this._loader.startedAt);
    if (map && first) emit(this, 'geo-story-ready', { storyId: story.id, firstIdleMs });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'geo-story': GeoStory;
  }
}
