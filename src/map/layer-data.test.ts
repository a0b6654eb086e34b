import { describe, expect, it } from 'vitest';
import { parseLayer } from './layer-data.js';

const layer = { id: 'places', file: '../geo/places.geojson' };

describe('parseLayer', () => {
  it('gives the features of a valid file', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'pier', properties: {}, geometry: { type: 'Point', coordinates: [114.3, 22.4] } },
      ],
    });
    const got = parseLayer(layer, text);
    expect('data' in got && got.data.features.map((f) => f.id)).toEqual(['pier']);
  });

  it('refuses a file with errors, naming the layer and the first error with its place', () => {
    const got = parseLayer(layer, '{"type": "FeatureCollection"');
    expect('message' in got && got.message).toMatch(/^layer "places" \(\.\.\/geo\/places\.geojson\) was not drawn: /);
    expect('issues' in got && got.issues?.length).toBeGreaterThan(0);
    expect('issues' in got && got.issues?.every((i) => i.severity === 'error')).toBe(true);
  });
});
