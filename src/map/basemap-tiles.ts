import type { PMTiles } from 'pmtiles';
import { limits } from '../story/limits.js';
import { RangeOrWholeSource } from './archive-source.js';

/** Each basemap tile's read by URL, shared by every map on the page. */
const tiles = new Map<string, Promise<ArrayBuffer>>();
/** The reader of each basemap archive, shared by every map on the page. */
const archives = new Map<string, Promise<PMTiles>>();

/** The URL scheme the maps ask for basemap tiles with (`addProtocol`), in front of the tile's own URL. */
export const BASEMAP_PROTOCOL = 'geo-story-basemap';

/** A tile of an archive: `<archive>.pmtiles/{z}/{x}/{y}`. */
const ARCHIVE_TILE = /^(.+\.pmtiles)\/(\d+)\/(\d+)\/(\d+)$/;

/**
 * The reader of the archive at `url`, one for the page. The `pmtiles` package is the chunk the
 * story layers load it as (pmtiles-protocol.ts), fetched with the first tile. An archive whose
 * header cannot be read is forgotten, so that the next tile starts afresh.
 */
function archive(url: string): Promise<PMTiles> {
  let reader = archives.get(url);
  if (!reader) {
    const opened = import('pmtiles').then(({ PMTiles }) => {
      const pmtiles = new PMTiles(new RangeOrWholeSource(url, limits.fetchTimeout));
      pmtiles.getHeader().catch(() => {
        if (archives.get(url) === opened) archives.delete(url);
      });
      return pmtiles;
    });
    reader = opened;
    archives.set(url, reader);
  }
  return reader;
}

/** The bytes at `url`: a tile of an archive (decompressed), or a tile file. */
async function read(url: string, signal: AbortSignal): Promise<ArrayBuffer> {
  const inArchive = ARCHIVE_TILE.exec(url);
  if (inArchive) {
    const [, file, z, x, y] = inArchive;
    const found = await (await archive(file!)).getZxy(Number(z), Number(x), Number(y), signal);
    // Within the bounds every tile is stored (an empty one where there is no land); beyond them, none.
    return found?.data ?? new ArrayBuffer(0);
  }
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * The basemap tile at `url`, read once for the whole page however many maps show it (MapLibre
 * would fetch it again for each map): a file of a folder of tiles, or `<archive>.pmtiles/z/x/y`,
 * a tile of a PMTiles archive read through `pmtiles`. Each caller gets its own copy of the bytes,
 * which MapLibre may hand over to its worker. A failed read says which tile and why, and is
 * forgotten once it has failed, so that the next map to ask tries again.
 * @example const bytes = await basemapTile('https://example.org/assets/basemap-1a2b/9/427/227.pbf');
 */
export async function basemapTile(url: string): Promise<ArrayBuffer> {
  let tile = tiles.get(url);
  if (!tile) {
    const path = new URL(url).pathname.split('/');
    const name = ARCHIVE_TILE.test(url) ? `${path.slice(-3).join('/')} of ${path.at(-4)}` : path.slice(-3).join('/');
    // A tile that hangs would hold the map's idle back for good: abandoned as any file is.
    const timeoutMs = limits.fetchTimeout;
    const signal = AbortSignal.timeout(timeoutMs);
    const why = (error: Error) => (signal.aborted ? `no answer within ${timeoutMs / 1000} s` : error.message);
    tile = read(url, signal).catch((error: Error) => {
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
