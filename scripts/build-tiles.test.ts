import { gunzipSync, gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { FEATURE_ID_PROPERTY } from '../src/map/style.js';
import { tileGeoJson } from './build-tiles.js';
import { writeArchive } from './tiles/pmtiles-writer.js';

/** Serves an in-memory archive to the official reader, counting the bytes it asks for. */
class MemorySource implements Source {
  requested = 0;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = new Uint8Array(bytes); // own ArrayBuffer, so slices hand the reader only their range
  }
  getKey() {
    return 'memory';
  }
  async getBytes(offset: number, length: number) {
    this.requested += length;
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer };
  }
}

const square = (id: number, lon: number, lat: number, d: number) => ({
  type: 'Feature' as const,
  id,
  properties: { name_en: `Lot ${id}`, name_zh_hant: `地段${id}`, source: 'test', confidence: 'high', dropped: 'x' },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  },
});

const fc: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square(7, 114.1, 22.3, 0.01), square(8, 114.2, 22.35, 0.005)],
};

async function decode(archive: PMTiles, z: number, x: number, y: number) {
  const tile = await archive.getZxy(z, x, y);
  if (!tile) return undefined;
  return new VectorTile(new PbfReader(new Uint8Array(tile.data)));
}

// The tiler runs in a child process: slow on a loaded two-core machine, so not held to the 5 s default.
describe('npm run tiles', { timeout: 60_000 }, () => {
  it('writes an archive the official pmtiles reader opens: header, metadata, tiles with ids and kept properties', async () => {
    const bytes = tileGeoJson(fc, { minZoom: 0, maxZoom: 12, layer: 'lots', attribution: 'Test data' });
    const archive = new PMTiles(new MemorySource(bytes));
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.minZoom).toBe(0);
    expect(header.maxZoom).toBe(12);
    expect(header.minLon).toBeCloseTo(114.1, 6);
    expect(header.maxLat).toBeCloseTo(22.355, 6);
    expect(header.tileType).toBe(1);
    const metadata = (await archive.getMetadata()) as { attribution: string; vector_layers: { id: string }[] };
    expect(metadata.attribution).toBe('Test data');
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(['lots']);

    // z12 tile holding lon 114.1, lat 22.3 (x = 3346, y = 1787)
    const vt = await decode(archive, 12, 3346, 1787);
    const layer = vt?.layers['lots'];
    expect(layer).toBeDefined();
    const feature = layer!.feature(0);
    expect(feature.id).toBe(7);
    expect(feature.properties).toEqual({
      name_en: 'Lot 7',
      name_zh_hant: '地段7',
      source: 'test',
      confidence: 'high',
      [FEATURE_ID_PROPERTY]: '7',
    });
    const ring = feature.toGeoJSON(3346, 1787, 12).geometry as { coordinates: number[][][] };
    expect(ring.coordinates[0]).toContainEqual([expect.closeTo(114.1, 4), expect.closeTo(22.3, 4)]);
    // a tile with no data is absent, not an empty tile
    expect(await archive.getZxy(12, 0, 0)).toBeUndefined();
  });

  it('moves entries into leaf directories when the root would not fit in 16 KiB, and the reader still finds every tile', async () => {
    // a pseudo-random third of the tiles missing and lengths varying, so the directory cannot compress to almost nothing
    let seed = 1;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const tiles: { z: number; x: number; y: number; data: Uint8Array }[] = [];
    for (let x = 53_000; x < 53_200; x++) {
      for (let y = 28_000; y < 28_200; y++) {
        if (next() % 3 === 0) continue;
        tiles.push({ z: 16, x, y, data: gzipSync(new Uint8Array(1 + (next() % 200)).fill(x % 256)) });
      }
    }
    const bytes = writeArchive(tiles, { bounds: [111, 21, 112, 22], minZoom: 16, maxZoom: 16, metadata: {} });
    const source = new MemorySource(bytes);
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(16_384 - 127);
    expect(header.numAddressedTiles).toBe(tiles.length);
    for (const t of [tiles[0]!, tiles[tiles.length - 1]!, tiles[9_999]!]) {
      const tile = await archive.getZxy(t.z, t.x, t.y);
      expect(new Uint8Array(tile!.data)).toEqual(new Uint8Array(gunzipSync(t.data)));
    }
    expect(await archive.getZxy(16, 53_200, 28_000)).toBeUndefined();
    // three tiles touch a small part of the archive
    expect(source.requested).toBeLessThan(bytes.length / 2);
  });

  it('stores identical tiles once', async () => {
    const big: FeatureCollection = {
      type: 'FeatureCollection',
      features: [square(1, 113.9, 22.1, 0.5)],
    };
    const bytes = tileGeoJson(big, { minZoom: 14, maxZoom: 14, layer: 'lots' });
    const header = await new PMTiles(new MemorySource(bytes)).getHeader();
    expect(header.numTileContents).toBeLessThan(header.numAddressedTiles);
    // a gzip stream is at least 20 bytes: less data than that per tile means shared tiles are stored once
    expect(header.tileDataLength).toBeLessThan(20 * header.numAddressedTiles);
    expect(
      gunzipSync(
        bytes.subarray(
          Number(header.jsonMetadataOffset),
          Number(header.jsonMetadataOffset) + header.jsonMetadataLength,
        ),
      ).toString(),
    ).toContain('"lots"');
  });

  it('keeps every id as text in the property highlights filter on, and integer ids as tile feature ids too', async () => {
    const mixed: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ ...square(1, 114.1, 22.3, 0.01), id: 'lot-a' }, square(2, 114.1, 22.3, 0.005)],
    };
    const archive = new PMTiles(new MemorySource(tileGeoJson(mixed, { minZoom: 12, maxZoom: 12, layer: 'lots' })));
    const layer = (await decode(archive, 12, 3346, 1787))!.layers['lots']!;
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    expect(features.map((f) => [f.id, f.properties[FEATURE_ID_PROPERTY]])).toEqual([
      [undefined, 'lot-a'],
      [2, '2'],
    ]);
    const metadata = (await archive.getMetadata()) as {
      vector_layers: { fields: Record<string, string> }[];
      tilestats: { layers: { layer: string; geometry: string }[] };
    };
    expect(metadata.vector_layers[0]!.fields).toHaveProperty(FEATURE_ID_PROPERTY);
    expect(metadata.tilestats.layers).toEqual([expect.objectContaining({ layer: 'lots', geometry: 'Polygon' })]);
  });

  it('refuses zoom limits out of order', () => {
    expect(() => tileGeoJson(fc, { minZoom: 5, maxZoom: 4, layer: 'x' })).toThrow('--minzoom 5 / --maxzoom 4');
  });
});
