/**
 * A small PMTiles v3 archive writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 *
 * npm has no maintained PMTiles writer that runs in Node here, so this file writes the format
 * itself: the 127-byte header, a gzip-compressed root directory (with leaf directories when the
 * root would not fit in the first 16 KiB), gzip-compressed JSON metadata and the tile data, with
 * identical tiles stored once. Tile ids come from the official `pmtiles` package, and the tests read
 * every archive back with its reader.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile to store: its address and its (already gzip-compressed) bytes. */
export interface TileInput {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

export interface ArchiveOptions {
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  /** Written as gzip-compressed JSON (TileJSON-like: name, attribution, vector_layers). */
  metadata: Record<string, unknown>;
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** The header and root directory must fit in the first 16 KiB (spec, "Root Directory"). */
const ROOT_LIMIT = 16_384 - HEADER_BYTES;
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

function varint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Serialises directory entries (sorted by tile id) as the spec lays them out, then gzips them. */
export function serializeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    varint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return gzipSync(Uint8Array.from(out));
}

/** Builds the root directory, moving entries to leaf directories when the root alone is too big. */
function buildDirectories(entries: Entry[]): { root: Uint8Array; leaves: Uint8Array } {
  const whole = serializeDirectory(entries);
  if (whole.length <= ROOT_LIMIT) return { root: whole, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const leaf = serializeDirectory(chunk);
      rootEntries.push({ tileId: chunk[0]!.tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= ROOT_LIMIT) return { root, leaves: Buffer.concat(parts) };
  }
}

function setUint64(view: DataView, at: number, value: number): void {
  view.setBigUint64(at, BigInt(value), true);
}

/** Writes a PMTiles v3 archive of gzip-compressed Mapbox Vector Tiles and returns its bytes. */
export function writeArchive(tiles: TileInput[], options: ArchiveOptions): Uint8Array {
  const sorted = tiles
    .map((t) => ({ tileId: zxyToTileId(t.z, t.x, t.y), data: t.data }))
    .sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  const stored = new Map<string, { offset: number; length: number }>();
  const parts: Uint8Array[] = [];
  let dataLength = 0;
  for (const t of sorted) {
    const hash = createHash('sha256').update(t.data).digest('hex');
    let place = stored.get(hash);
    if (!place) {
      place = { offset: dataLength, length: t.data.length };
      stored.set(hash, place);
      parts.push(t.data);
      dataLength += t.data.length;
    }
    const prev = entries[entries.length - 1];
    if (prev && prev.tileId + prev.runLength === t.tileId && prev.offset === place.offset) prev.runLength += 1;
    else entries.push({ tileId: t.tileId, offset: place.offset, length: place.length, runLength: 1 });
  }
  const { root, leaves } = buildDirectories(entries);
  const metadata = gzipSync(JSON.stringify(options.metadata));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leavesOffset = metadataOffset + metadata.length;
  const dataOffset = leavesOffset + leaves.length;

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  setUint64(view, 8, rootOffset);
  setUint64(view, 16, root.length);
  setUint64(view, 24, metadataOffset);
  setUint64(view, 32, metadata.length);
  setUint64(view, 40, leavesOffset);
  setUint64(view, 48, leaves.length);
  setUint64(view, 56, dataOffset);
  setUint64(view, 64, dataLength);
  setUint64(view, 72, sorted.length);
  setUint64(view, 80, entries.length);
  setUint64(view, 88, stored.size);
  header[96] = 1; // clustered: tile data is in tile-id order
  header[97] = COMPRESSION_GZIP;
  header[98] = COMPRESSION_GZIP;
  header[99] = TILE_TYPE_MVT;
  header[100] = options.minZoom;
  header[101] = options.maxZoom;
  const [w, s, e, n] = options.bounds;
  view.setInt32(102, Math.round(w * 1e7), true);
  view.setInt32(106, Math.round(s * 1e7), true);
  view.setInt32(110, Math.round(e * 1e7), true);
  view.setInt32(114, Math.round(n * 1e7), true);
  header[118] = options.minZoom;
  view.setInt32(119, Math.round(((w + e) / 2) * 1e7), true);
  view.setInt32(123, Math.round(((s + n) / 2) * 1e7), true);

  return Buffer.concat([header, root, metadata, leaves, ...parts]);
}
