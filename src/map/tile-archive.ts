import type { Header } from 'pmtiles';
import { FEATURE_ID_PROPERTY } from './style.js';
import type { GeometryKind } from './legend.js';

// Pure: what a PMTiles archive's header and metadata say about the layer a story draws from it.
// The viewer and `npm run validate` share it; neither MapLibre nor the network is touched here.

/** What a story needs to know of the source layer it draws from an archive. */
export interface ArchiveLayer {
  /** [west, south, east, north] of the archive, from its header. */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** Kinds of geometry in the source layer (tippecanoe's `tilestats`); empty when the archive does not say. */
  kinds: GeometryKind[];
  /** Whether the source layer's features carry the id property highlights filter on. */
  hasIds: boolean;
}

/** The archive's reading of one source layer, or what is wrong with it (a sentence without the file name). */
export type ArchiveReading = { layer: ArchiveLayer } | { problem: string };

interface VectorLayer {
  id?: unknown;
  fields?: unknown;
}

const TILE_TYPES = ['unknown', 'MVT', 'PNG', 'JPEG', 'WebP', 'AVIF', 'MLT'];
const KIND_OF: Record<string, GeometryKind> = { Polygon: 'polygon', LineString: 'line', Point: 'point' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that an archive holds vector tiles with the source layer `sourceLayer`, and reads its
 * bounds, zooms, geometry kinds and whether it has feature ids.
 * @example readArchiveLayer(await archive.getHeader(), await archive.getMetadata(), 'land');
 * // { layer: { bounds: [113.8, 22.1, 114.5, 22.6], minZoom: 0, maxZoom: 16, kinds: ['polygon'], hasIds: true } }
 */
export function readArchiveLayer(header: Header, metadata: unknown, sourceLayer: string): ArchiveReading {
  if (header.tileType !== 1) {
    const type = TILE_TYPES[header.tileType] ?? `type ${header.tileType}`;
    return { problem: `the archive holds ${type} tiles; a story layer draws vector tiles (MVT)` };
  }
  const layers: VectorLayer[] =
    isRecord(metadata) && Array.isArray(metadata.vector_layers) ? metadata.vector_layers.filter(isRecord) : [];
  const found = layers.find((l) => l.id === sourceLayer);
  if (!found) {
    const names = layers.map((l) => String(l.id));
    return {
      problem: `the archive has no source layer "${sourceLayer}"; ${names.length ? `its layers: ${names.join(', ')}` : 'its metadata lists no vector_layers'}`,
    };
  }
  const stats = isRecord(metadata) && isRecord(metadata.tilestats) ? metadata.tilestats.layers : undefined;
  const kinds = new Set<GeometryKind>();
  if (Array.isArray(stats))
    for (const s of stats.filter(isRecord))
      if (s.layer === sourceLayer && typeof s.geometry === 'string' && KIND_OF[s.geometry])
        kinds.add(KIND_OF[s.geometry]!);
  return {
    layer: {
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      minZoom: header.minZoom,
      maxZoom: header.maxZoom,
      kinds: (['polygon', 'line', 'point'] as const).filter((k) => kinds.has(k)),
      hasIds: isRecord(found.fields) && FEATURE_ID_PROPERTY in found.fields,
    },
  };
}

/**
 * Why an archive could not be read, in words for the reader's problem list, from what the
 * `pmtiles` reader threw (`file` names the archive).
 * @example archiveErrorText(new Error('Bad response code: 404'), 'land.pmtiles'); // 'file not found: land.pmtiles'
 */
export function archiveErrorText(error: unknown, file: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = /Bad response code: (\d+)/.exec(message)?.[1];
  if (status === '404' || status === '410') return `file not found: ${file}`;
  if (status) return `${file}: could not be loaded (HTTP ${status})`;
  if (/Byte Serving|content-length exceeding/i.test(message))
    return `${file}: the server sent the whole file instead of the part asked for; a PMTiles archive needs a host that answers HTTP range requests (Accept-Ranges: bytes)`;
  if (/Wrong magic number/i.test(message)) return `${file}: not a PMTiles archive`;
  if (/spec version/i.test(message)) return `${file}: ${message}`;
  if (error instanceof TypeError)
    return `${file}: could not be loaded (network error; a server on another origin must allow it by CORS)`;
  return `${file}: could not be read as a PMTiles archive (${message})`;
}
