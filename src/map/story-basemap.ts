import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import boundaryText from '../../geo/basemap/boundary.geojson?raw';
import labelsText from '../../geo/basemap/labels.geojson?raw';
import type { Lang } from '../story/types.js';
import { basemapFile } from './basemap-file.js';
import { BASEMAP_SOURCE, offlineStyle, type BasemapData } from './basemap-style.js';

// The basemap travels with the library and needs no CDN. The land (470 KB) is a file the bundler
// emits beside the build (new URL(..., import.meta.url)), fetched and parsed once for the page
// (basemap-file.ts) and handed to each map as data. The boundary and the labels (6 KB and 4 KB)
// travel inside this chunk, parsed once for every element on the page: fetched by URL, a
// consumer's bundler would inline files that small as data: URLs (Vite below 4 KB, webpack below
// 8 KB), which a `connect-src 'self'` policy blocks, and every label would vanish.
const LAND_URL = new URL('../../geo/basemap/land.geojson', import.meta.url).href;
const NO_FEATURES: FeatureCollection = { type: 'FeatureCollection', features: [] };
const BASEMAP: Omit<BasemapData, 'land'> = {
  boundary: JSON.parse(boundaryText) as FeatureCollection,
  labels: JSON.parse(labelsText) as FeatureCollection,
};

/** The embedded basemap's labels (named places of chapters may be basemap labels). */
export const BASEMAP_LABELS = BASEMAP.labels as FeatureCollection;

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
 * The basemap of one story map: a remote style, or the embedded offline basemap with its land
 * fetched once per page. A remote style that fails, is not a valid style or does not load within
 * `styleTimeoutMs` is given up for the embedded basemap (reported once, and `onFallback`); a land
 * file that cannot be loaded is reported, and the map shows sea, boundary and labels.
 */
export class StoryBasemap {
  /** The remote style's URL, unless the embedded basemap is asked for. */
  readonly remote: string | undefined;
  private readonly options: StoryBasemapOptions;
  private land: FeatureCollection | undefined;
  private fellBack = false;
  private loaded = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: StoryBasemapOptions) {
    this.options = options;
    this.remote = options.basemap && options.basemap !== 'offline' ? options.basemap : undefined;
    // Asked for at once, while the style loads; the map takes it once its style is there (loadLand).
    if (!this.remote) basemapFile(LAND_URL).catch(() => undefined);
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

  /** Gives the embedded basemap its land, the page's one parsed copy; false when it could not be loaded. */
  async loadLand(map: MapLibreMap, destroyed: () => boolean): Promise<void> {
    try {
      this.land = await basemapFile(LAND_URL);
    } catch (error) {
      if (!destroyed()) this.options.onError(`${(error as Error).message}; the map shows no land`);
      return;
    }
    if (destroyed()) return;
    void map.getSource<GeoJSONSource>(BASEMAP_SOURCE.land)?.setData(this.land);
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

  /** The embedded basemap, with the land once the page has it (until then, sea only). */
  private offlineStyle(): StyleSpecification {
    return offlineStyle({ ...BASEMAP, land: this.land ?? NO_FEATURES }, this.options.lang());
  }
}
