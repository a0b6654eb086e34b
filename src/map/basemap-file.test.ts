import { afterEach, describe, expect, it, vi } from 'vitest';
import { basemapFile } from './basemap-file.js';

const LAND = { type: 'FeatureCollection', features: [] };

afterEach(() => vi.unstubAllGlobals());

describe('basemap files', () => {
  it('are fetched and parsed once per URL, for every map that asks', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(LAND), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const url = 'https://example.org/assets/land-once.geojson';
    const [a, b] = await Promise.all([basemapFile(url), basemapFile(url)]);
    expect(await basemapFile(url)).toBe(a);
    expect(b).toBe(a);
    expect(a).toEqual(LAND);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('are fetched again after a failure, which names the file', async () => {
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response(JSON.stringify(LAND), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const url = 'https://example.org/assets/land-retry.geojson';
    await expect(basemapFile(url)).rejects.toThrow('basemap land-retry.geojson: could not be loaded (Failed to fetch)');
    expect(await basemapFile(url)).toEqual(LAND);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
