import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../story/types.js';
import { BASEMAP_SOURCE } from './basemap-style.js';
import { embeddedBasemap } from './embedded-basemap.js';

/** The embedded basemap's labels (named places of chapters may be basemap labels). */
export { BASEMAP_LABELS } from './embedded-basemap.js';

/** What a story map's basemap tells the map around it. */
export interface StoryBasemapOptions {
  /** The `basemap` the story or the element asks for: a style URL, or `offline` / empty for the embedded one. */
  basemap: string | undefined;
  /** The labels' language now. */
  lang: () => Lang;
  /** A part of the basemap could not be loaded; the map goes on without it. */
  onError: (message: string) => void;
  /** A remote style was given up for the embedded basemap. */
  onFallback: () => void;
  /** How long a remote style may take to load before it is given up (milliseconds). */
  styleTimeoutMs: number;
}

/**
 * The basemap of one story map: a remote style, or the embedded offline basemap, its land tiles
 * fetched once per page (embedded-basemap.ts). A remote style that fails, is not a valid style or
 * does not load within `styleTimeoutMs` is given up for the embedded basemap (reported once, and
 * `onFallback`); a land tile that cannot be loaded is reported once, and the map shows sea,
 * boundary and labels there.
 */
export class StoryBasemap {
  /** The remote style's URL, unless the embedded basemap is asked for. */
  readonly remote: string | undefined;
  private readonly options: StoryBasemapOptions;
  private landFailed = false;
  private fellBack = false;
  private loaded = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: StoryBasemapOptions) {
    this.options = options;
    this.remote = options.basemap && options.basemap !== 'offline' ? options.basemap : undefined;
  }

  /** Whether the map shows (or will show) the embedded basemap. */
  get offline(): boolean {
    return !this.remote || this.fellBack;
  }

  /** The style a new map starts with. */
  get style(): string | StyleSpecification {
    return this.remote ?? this.offlineStyle();
  }

  /** Watches `map`'s remote style until it loads: on an error or past the timeout, the embedded basemap takes its place. */
  watch(map: MapLibreMap): void {
    map.on('error', (e) => {
      // A land tile that cannot be loaded leaves sea where it was: said once per map.
      if ((e as { sourceId?: string }).sourceId !== BASEMAP_SOURCE.land || this.landFailed) return;
      this.landFailed = true;
      this.options.onError(
        `${e.error?.message ?? 'basemap land tiles could not be loaded'}; the map shows no land there`,
      );
    });
    if (!this.remote) return;
    const remote = this.remote;
    map.on('error', (e) => {
      if (!this.loaded) this.fallBack(map, `basemap ${remote} could not be loaded (${e.error?.message ?? 'error'})`);
    });
    const seconds = this.options.styleTimeoutMs / 1000;
    this.timer = setTimeout(
      () => this.fallBack(map, `basemap ${remote} could not be loaded (no answer within ${seconds} s)`),
      this.options.styleTimeoutMs,
    );
  }

  /** The map's style has loaded: a remote one is kept. */
  styleLoaded(): void {
    this.loaded = true;
    clearTimeout(this.timer);
  }

  /** Stops watching (the map is being removed). */
  destroy(): void {
    clearTimeout(this.timer);
  }

  private fallBack(map: MapLibreMap, why: string): void {
    if (this.fellBack || this.loaded) return;
    this.fellBack = true;
    clearTimeout(this.timer);
    this.options.onError(`${why}; using the offline basemap`);
    map.setStyle(this.offlineStyle());
    this.options.onFallback();
  }

  /** The embedded basemap in the labels' language. */
  private offlineStyle(): StyleSpecification {
    return embeddedBasemap(this.options.lang());
  }
}
