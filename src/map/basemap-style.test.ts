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
    const name = (key: string) => ['get', key];
    expect(labelText('en')).toEqual(['coalesce', name('name_en'), name('name_zh_hant'), name('name_zh_hans'), '']);
    expect(labelText('zh-Hant')).toEqual(['coalesce', ...['name_zh_hant', 'name_zh_hans', 'name_en'].map(name), '']);
    // A place without a Simplified name is labelled with its Traditional one, not its English one.
    expect(labelText('zh-Hans')).toEqual(['coalesce', ...['name_zh_hans', 'name_zh_hant', 'name_en'].map(name), '']);
  });

  it('takes the land as vector tiles: a vector source, its layer named on the land and coast layers', () => {
    const tiles = {
      tiles: ['https://example.org/t/{z}/{x}/{y}.pbf'],
      layer: 'land',
      bounds: [112, 21.6, 115, 23.6] as [number, number, number, number],
      minzoom: 0,
      maxzoom: 12,
    };
    const tiled = offlineStyle({ land: tiles, boundary: '/boundary.geojson', labels: '/labels.geojson' }, 'en');
    expect(tiled.sources['basemap-land']).toMatchObject({
      type: 'vector',
      tiles: tiles.tiles,
      bounds: tiles.bounds,
      maxzoom: 12,
    });
    const land = tiled.layers.filter((l) => 'source' in l && l.source === 'basemap-land');
    expect(land.map((l) => [l.id, 'source-layer' in l && l['source-layer']])).toEqual([
      ['basemap-land', 'land'],
      ['basemap-coast', 'land'],
    ]);
  });
});
