import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeArchive } from '../../scripts/tiles/pmtiles-writer.js';
import { BASEMAP_PROTOCOL, basemapTile, basemapTileProtocol } from './basemap-tiles.js';

const BYTES = new Uint8Array([26, 4, 1, 2, 3, 4]);

afterEach(() => vi.unstubAllGlobals());

describe('basemap tiles', () => {
  it('are fetched once per URL, and every map that asks gets its own copy of the bytes', async () => {
    const fetch = vi.fn(async () => new Response(BYTES, { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const url = 'https://example.org/assets/basemap-1/9/427/227.pbf';
    const [a, b] = await Promise.all([basemapTile(url), basemapTile(url)]);
    expect(new Uint8Array(a)).toEqual(BYTES);
    expect(b).not.toBe(a);
    expect(new Uint8Array(b)).toEqual(BYTES);
    expect(new Uint8Array((await basemapTileProtocol({ url: `${BASEMAP_PROTOCOL}://${url}` })).data)).toEqual(BYTES);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('are fetched again after a failure, which names the tile', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('', { status: 404 }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response(BYTES, { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const url = 'https://example.org/assets/basemap-1/9/428/227.pbf';
    await expect(basemapTile(url)).rejects.toThrow('basemap tile 9/428/227.pbf: could not be loaded (HTTP 404)');
    await expect(basemapTile(url)).rejects.toThrow('basemap tile 9/428/227.pbf: could not be loaded (Failed to fetch)');
    expect(new Uint8Array(await basemapTile(url))).toEqual(BYTES);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('of an archive are read from it, once per tile, whether or not the host answers ranges', async () => {
    const archive = writeArchive([{ z: 0, x: 0, y: 0, data: gzipSync(BYTES) }], {
      bounds: [-180, -85, 180, 85],
      minZoom: 0,
      maxZoom: 0,
      metadata: {},
    });
    const fetch = vi.fn(async () => new Response(archive.slice(), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const url = 'https://example.org/assets/basemap-2.pmtiles/0/0/0';
    const [a, b] = await Promise.all([basemapTile(url), basemapTile(url)]);
    expect(new Uint8Array(a)).toEqual(BYTES);
    expect(new Uint8Array(b)).toEqual(BYTES);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('of an archive that cannot be read name the tile and the archive, and are tried again', async () => {
    const fetch = vi.fn(async () => new Response('', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    const url = 'https://example.org/assets/basemap-3.pmtiles/9/428/227';
    await expect(basemapTile(url)).rejects.toThrow(
      'basemap tile 9/428/227 of basemap-3.pmtiles: could not be loaded (HTTP 404)',
    );
    await expect(basemapTile(url)).rejects.toThrow('(HTTP 404)');
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
