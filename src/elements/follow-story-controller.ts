import type { ReactiveController, ReactiveControllerHost } from 'lit';
import '../events/geo-story-layers-change.js';
import type { GeoStoryLayersChangeEvent } from '../events/geo-story-layers-change.js';
import { shownLang } from '../story/lang.js';
import type { Lang } from '../story/types.js';
import { layerGroups, panelLayers } from './layer-summaries.js';
import type { LayerGroupSummary, LayerPanelTarget, PanelLayer } from './summaries.js';

/** Events of `<geo-story>` after which a panel following it may show something else. */
const WATCHED = ['geo-story-layer-toggle', 'geo-story-chapter-change', 'geo-story-ready', 'geo-story-error'] as const;

/** What the controller needs from its host element. */
export interface FollowStoryHost extends ReactiveControllerHost, HTMLElement {}

/** Options of a FollowStoryController. */
export interface FollowStoryOptions {
  /** Id of the story element to follow; empty to follow the `<geo-story>` the host is a light-DOM child of, if any. */
  id: () => string;
}

/** What a layer panel shows of the story it follows. */
export interface FollowedStory {
  layers: PanelLayer[];
  groups: LayerGroupSummary[];
  lang: Lang;
}

/**
 * Lets a layer panel stand anywhere in the page: finds the story element it names (waiting for it
 * when it comes later in the page), shows what that story's public properties say after each of its
 * events or a change of its `lang` or `src`, and passes the panel's `geo-story-layers-change`
 * requests on to the story's `setLayerVisible`.
 */
export class FollowStoryController implements ReactiveController {
  private readonly host: FollowStoryHost;
  private readonly options: FollowStoryOptions;
  private target: LayerPanelTarget | undefined;
  /** The id the target was looked up by, to look again when it changes. */
  private lookedUp: string | undefined;
  private observer: MutationObserver | undefined;
  private retry = 0;

  constructor(host: FollowStoryHost, options: FollowStoryOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('geo-story-layers-change', this.onChange);
    this.attach();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('geo-story-layers-change', this.onChange);
    this.detach();
  }

  hostUpdate(): void {
    if (this.host.isConnected && this.options.id() !== this.lookedUp) this.attach();
  }

  /** What the followed story shows now; undefined while the host follows no story. */
  get view(): FollowedStory | undefined {
    const target = this.target;
    if (!target) return undefined;
    const story = target.story;
    const lang = shownLang(story, target.lang);
    if (!story) return { layers: [], groups: [], lang };
    return { layers: panelLayers(story, target.layers), groups: layerGroups(story, lang), lang };
  }

  private readonly refresh = (): void => {
    this.host.requestUpdate();
  };

  private readonly onChange = (e: GeoStoryLayersChangeEvent): void => {
    this.target?.setLayerVisible(e.detail.id, e.detail.visible);
  };

  /** The story to follow: by id in the same document or shadow root, else the enclosing one. */
  private find(id: string): LayerPanelTarget | undefined {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    if (id) return (root.getElementById(id) as LayerPanelTarget | null) ?? undefined;
    return (this.host.closest('geo-story') as LayerPanelTarget | null) ?? undefined;
  }

  private attach(): void {
    this.detach();
    const id = this.options.id();
    this.lookedUp = id;
    const target = this.find(id);
    if (!target) {
      // The story may come later in the page than its panel.
      if (id) this.retry = requestAnimationFrame(() => this.host.isConnected && this.attach());
      return;
    }
    this.target = target;
    for (const name of WATCHED) target.addEventListener(name, this.refresh);
    this.observer = new MutationObserver(this.refresh);
    this.observer.observe(target, { attributes: true, attributeFilter: ['lang', 'src'] });
    // The story may already be loaded (a panel added later), or load before any event.
    void target.updateComplete.then(this.refresh);
    this.refresh();
  }

  private detach(): void {
    cancelAnimationFrame(this.retry);
    for (const name of WATCHED) this.target?.removeEventListener(name, this.refresh);
    this.observer?.disconnect();
    this.observer = undefined;
    this.target = undefined;
  }
}
