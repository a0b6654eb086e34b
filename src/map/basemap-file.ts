import type { FeatureCollection } from 'geojson';
import { fetchJSON } from '../story/fetch-text.js';

/** Each basemap file's fetch and parse by URL, shared by every map on the page. */
const files = new Map<string, Promise<FeatureCollection>>();

/**
 * The basemap GeoJSON file at `url`, fetched and parsed once for the whole page however many maps
 * show it (each map used to have its worker fetch and parse its own copy). A failed fetch is
 * forgotten once it has failed, so that the next map to ask tries again.
 * @example const land = await basemapFile(new URL('land.geojson', import.meta.url).href);
 */
export function basemapFile(url: string): Promise<FeatureCollection> {
  let file = files.get(url);
  if (!file) {
    const name = new URL(url).pathname.split('/').pop() ?? url;
    file = fetchJSON<FeatureCollection>(url, `basemap ${name}`);
    files.set(url, file);
    const loaded = file;
    loaded.catch(() => {
      if (files.get(url) === loaded) files.delete(url);
    });
  }
  return file;
}
