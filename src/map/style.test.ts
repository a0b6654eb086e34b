import { describe, expect, it } from 'vitest';
import type { StoryLayer } from '../story/types.js';
import { FEATURE_ID_PROPERTY, highlightFilter, labelText, offlineStyle, storyLayerSpecs } from './style.js';

const layer = (label: boolean): StoryLayer => ({
  id: 'corridor',
  file: '../geo/corridor.geojson',
  title: { 'zh-Hant': '生態廊道', en: 'Ecological corridor' },
  style: { color: '#2e7d32', fillOpacity: 0.2, lineWidth: 3, dash: [2, 1], circleRadius: 5, label },
  line: 12,
});

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

describe('storyLayerSpecs', () => {
  it('draws every geometry kind, hidden until a chapter shows it', () => {
    const specs = storyLayerSpecs(layer(false), 'zh-Hant');
    expect(specs.all.map((l) => l.id)).toEqual([
      'corridor::fill',
      'corridor::outline',
      'corridor::line',
      'corridor::circle',
      'corridor::hl-fill',
      'corridor::hl-line',
      'corridor::hl-circle',
    ]);
    expect(specs.all.every((l) => l.layout?.visibility === 'none')).toBe(true);
    expect(specs.labels).toEqual([]);
    const line = specs.all.find((l) => l.id === 'corridor::line');
    expect(line?.type === 'line' && line.paint?.['line-dasharray']).toEqual([2, 1]);
  });

  it('adds a label layer only when the layer asks for labels', () => {
    const specs = storyLayerSpecs(layer(true), 'en');
    expect(specs.labels).toEqual(['corridor::label']);
  });

  it('highlights by the copied feature id, as strings', () => {
    const f = highlightFilter(['==', 1, 1], ['centreline', 7]);
    expect(f).toEqual([
      'all',
      ['==', 1, 1],
      ['in', ['to-string', ['get', FEATURE_ID_PROPERTY]], ['literal', ['centreline', '7']]],
    ]);
  });
});
