import { describe, expect, it } from 'vitest';
import { offlineStyle } from './basemap-style.js';
import { labelText } from './labels.js';

describe('offlineStyle', () => {
  const style = offlineStyle({ land: '/land.geojson', boundary: '/boundary.geojson', labels: '/labels.geojson' }, 'en');

  it('needs no glyph server and no tiles', () => {
    expect(style.glyphs).toBeUndefined();
    expect(Object.values(style.sources).every((s) => s.type === 'geojson')).toBe(true);
  });

  it('draws sea, land, boundary and labels in the requested language', () => {
    expect(style.layers.map((l) => l.id)).toEqual([
      'basemap-sea',
      'basemap-land',
      'basemap-coast',
      'basemap-boundary',
      'basemap-labels-water',
      'basemap-labels-place',
    ]);
    const place = style.layers.find((l) => l.id === 'basemap-labels-place');
    expect(place?.type === 'symbol' && place.layout?.['text-field']).toEqual(labelText('en'));
    expect(labelText('en')).toEqual(['coalesce', ['get', 'name_en'], ['get', 'name_zh_hant'], '']);
    expect(labelText('zh-Hant')).toEqual(['coalesce', ['get', 'name_zh_hant'], ['get', 'name_en'], '']);
  });
});
