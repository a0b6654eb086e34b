import { limits } from '../story/limits.js';

/** Each basemap tile's fetch by URL, shared by every map on the page. */
const tiles = new Map<string, Promise<ArrayBuffer>>();

/** The URL scheme the maps ask for basemap tiles with (`addProtocol`), in front of the tile's own URL. */
export const BASEMAP_PROTOCOL = 'geo-story-basemap';

/**
 * The basemap tile at `url`, fetched once for the whole page however many maps show it (MapLibre
 * would fetch it again for each map). Each caller gets its own copy of the bytes, which MapLibre
 * may hand over to its worker. A failed fetch says which tile and why, and is forgotten once it
 * has failed, so that the next map to ask tries again.
 * @example const bytes = await basemapTile('https://example.org/assets/basemap-1a2b/9/427/227.pbf');
 */
export async function basemapTile(url: string): Promise<ArrayBuffer> {
  let tile = tiles.get(url);
  if (!tile) {
    const name = new URL(url).pathname.split('/').slice(-3).join('/');
    // A tile that hangs would hold the map's idle back for good: abandoned as any file is.
    const timeoutMs = limits.fetchTimeout;
    const signal = AbortSignal.timeout(timeoutMs);
    const why = (error: Error) => (signal.aborted ? `no answer within ${timeoutMs / 1000} s` : error.message);
    tile = fetch(url, { signal })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .catch((error: Error) => {
        throw new Error(`basemap tile ${name}: could not be loaded (${why(error)})`);
      });
    tiles.set(url, tile);
    const loaded = tile;
    loaded.catch(() => {
      if (tiles.get(url) === loaded) tiles.delete(url);
    });
  }
  return (await tile).slice(0);
}

/**
 * The handler of `BASEMAP_PROTOCOL` for `maplibregl.addProtocol`: the tile named after the scheme.
 * @example addProtocol(BASEMAP_PROTOCOL, basemapTileProtocol);
 */
export async function basemapTileProtocol(params: { url: string }): Promise<{ data: ArrayBuffer }> {
  return { data: await basemapTile(params.url.slice(BASEMAP_PROTOCOL.length + 3)) };
}
