import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';

/** The URL scheme MapLibre sources use for a PMTiles archive: `pmtiles://https://host/file.pmtiles`. */
export const PMTILES_SCHEME = 'pmtiles://';

let protocol: Protocol | undefined;

/**
 * The page's one `pmtiles` protocol, registered with MapLibre the first time any map asks for it
 * (every map of the page shares it). It reads archives by HTTP range requests through `fetch`,
 * from the main thread: nothing for a Content-Security-Policy to allow beyond `connect-src`.
 * `metadata: true` hands MapLibre the archive's TileJSON, attribution included.
 * @example map.addSource('land', { type: 'vector', url: pmtilesUrl(archiveUrl) });
 */
export function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** The MapLibre source URL of the archive at absolute `url`; registers the protocol. */
export function pmtilesUrl(url: string): string {
  pmtilesProtocol();
  return PMTILES_SCHEME + url;
}

/**
 * The archive at absolute `url`, the one the protocol reads tiles from, so its header and root
 * directory are fetched once for both.
 * @example const header = await pmtilesArchive(url).getHeader();
 */
export function pmtilesArchive(url: string): PMTiles {
  const shared = pmtilesProtocol();
  let archive = shared.get(url);
  if (!archive) {
    archive = new PMTiles(url);
    shared.add(archive);
  }
  return archive;
}

/** Forgets the archive at `url` (its reader keeps a failed header read): the next read starts afresh. */
export function forgetPmtilesArchive(url: string): void {
  protocol?.tiles.delete(url);
}
