import { addProtocol, type AddProtocolAction } from 'maplibre-gl';
import type { PMTiles, Protocol } from 'pmtiles';

/** The URL scheme MapLibre sources use for a PMTiles archive: `pmtiles://https://host/file.pmtiles`. */
export const PMTILES_SCHEME = 'pmtiles://';

let shared: Promise<Protocol> | undefined;
let registered = false;

/**
 * The page's one `pmtiles` protocol (every map of the page shares it). The `pmtiles` reader is a
 * chunk of its own, loaded the first time a story draws an archive, so stories without one do not
 * download it. It reads archives by HTTP range requests through `fetch` from the main thread:
 * nothing for a Content-Security-Policy to allow beyond `connect-src`. `metadata: true` hands
 * MapLibre the archive's TileJSON, attribution included.
 */
function protocol(): Promise<Protocol> {
  shared ??= import('pmtiles').then(({ Protocol }) => new Protocol({ metadata: true }));
  return shared;
}

/**
 * The MapLibre source URL of the archive at absolute `url`; registers the protocol with MapLibre
 * the first time, once per page.
 * @example map.addSource('land', { type: 'vector', url: pmtilesUrl(archiveUrl) });
 */
export function pmtilesUrl(url: string): string {
  if (!registered) {
    registered = true;
    // The JSON answer is TileJSON and a tile's is bytes, as MapLibre asks for each.
    const load = async (...args: Parameters<AddProtocolAction>) =>
      (await protocol()).tilev4(...args) as ReturnType<AddProtocolAction>;
    addProtocol('pmtiles', load);
  }
  return PMTILES_SCHEME + url;
}

/**
 * The archive at absolute `url`, the one the protocol reads tiles from, so its header and root
 * directory are fetched once for both.
 * @example const header = await (await pmtilesArchive(url)).getHeader();
 */
export async function pmtilesArchive(url: string): Promise<PMTiles> {
  const reader = await protocol();
  let archive = reader.get(url);
  if (!archive) {
    const { PMTiles } = await import('pmtiles');
    archive = new PMTiles(url);
    reader.add(archive);
  }
  return archive;
}

/** Forgets the archive at `url` (its reader keeps a failed header read): the next read starts afresh. */
export async function forgetPmtilesArchive(url: string): Promise<void> {
  (await protocol()).tiles.delete(url);
}
