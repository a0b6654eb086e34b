import { describe, expect, it } from 'vitest';
import { limits } from '../story/limits.js';
import { OFF_THREAD_FROM } from './layer-check.js';
import { parseLayer } from './layer-data.js';

const layer = { id: 'places', file: '../geo/places.geojson' };

describe('parseLayer', async () => {
  it('gives the features of a valid file', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'pier', properties: {}, geometry: { type: 'Point', coordinates: [114.3, 22.4] } },
      ],
    });
    const got = await parseLayer(layer, text);
    expect('data' in got && got.data.features.map((f) => f.id)).toEqual(['pier']);
  });

  it('refuses a file with errors, naming the layer and the first error with its place', async () => {
    const got = await parseLayer(layer, '{"type": "FeatureCollection"');
    expect('message' in got && got.message).toMatch(/^layer "places" \(\.\.\/geo\/places\.geojson\) was not drawn: /);
    expect('issues' in got && got.issues?.length).toBeGreaterThan(0);
    expect('issues' in got && got.issues?.every((i) => i.severity === 'error')).toBe(true);
  });
});

describe('parseLayer under the caps of limits', () => {
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: [0, 1, 2].map((i) => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [114 + i / 100, 22.3],
          [114.1, 22.4],
        ],
      },
    })),
  });
  const refusedFor = async (set: () => void) => {
    const saved = limits.snapshot();
    set();
    try {
      const got = await parseLayer(layer, text);
      return 'message' in got ? got.message : '';
    } finally {
      Object.assign(limits, saved);
    }
  };

  it('refuses a file over limits.features, limits.positions, limits.depth or limits.layerBytes, naming the setting', async () => {
    expect(await refusedFor(() => undefined)).toBe('');
    expect(await refusedFor(() => (limits.features = 2))).toContain('3 features, more than 2 (limits.features)');
    expect(await refusedFor(() => (limits.positions = 5))).toContain('more than 5 positions (limits.positions)');
    expect(await refusedFor(() => (limits.depth = 4))).toContain('nested more than 4 levels deep (limits.depth)');
    expect(await refusedFor(() => (limits.layerBytes = 100))).toContain('larger than 100 bytes (limits.layerBytes)');
  });

  it('checks a large file on the page where no worker can start, with the same result', async () => {
    expect(typeof Worker).toBe('undefined');
    const big = JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 20_000 }, (_, i) => ({
        type: 'Feature',
        properties: { name: `p${i}` },
        geometry: { type: 'Point', coordinates: [114 + i / 1e6, 22.3] },
      })),
    });
    expect(big.length).toBeGreaterThanOrEqual(OFF_THREAD_FROM);
    const got = await parseLayer(layer, big);
    expect('data' in got && got.data.features).toHaveLength(20_000);
    const bad = big.replace('22.3]', '122.3]');
    expect(await parseLayer(layer, bad)).toMatchObject({ message: expect.stringContaining('latitude 122.3') });
  });
});
