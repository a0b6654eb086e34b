import { describe, expect, it } from 'vitest';
import type { StoryLayer } from '../story/types.js';
import {
  FEATURE_ID_PROPERTY,
  highlightFilter,
  lineDash,
  SOLID_DASH,
  storyLayerSpecs,
  withIdProperty,
} from './style.js';

const layer = (label: boolean): StoryLayer => ({
  id: 'corridor',
  file: '../geo/corridor.geojson',
  title: { 'zh-Hant': '生態廊道', en: 'Ecological corridor' },
  style: { color: '#2e7d32', fillOpacity: 0.2, lineWidth: 3, dash: [2, 1], circleRadius: 5, label },
  line: 12,
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

  it('keeps the dash on highlighted lines, at the same lengths in pixels', () => {
    const specs = storyLayerSpecs(layer(false), 'zh-Hant');
    const hl = specs.all.find((l) => l.id === 'corridor::hl-line');
    // Width 7 instead of 3: [2, 1] line widths of 3 px are 6 and 3 px, i.e. [6/7, 3/7] of 7 px.
    expect(hl?.type === 'line' && hl.paint?.['line-width']).toBe(7);
    expect(hl?.type === 'line' && hl.paint?.['line-dasharray']).toEqual([6 / 7, 3 / 7]);
  });

  it('dashes only the features dashWhere picks out, and draws the rest solid', () => {
    const routes: StoryLayer = {
      ...layer(false),
      style: { ...layer(false).style, dashWhere: { property: 'mode', value: 'sea' } },
    };
    const specs = storyLayerSpecs(routes, 'en');
    const paint = (part: string) => {
      const l = specs.all.find((s) => s.id === `corridor::${part}`);
      return l?.type === 'line' ? l.paint?.['line-dasharray'] : undefined;
    };
    expect(paint('line')).toEqual(['case', ['==', ['get', 'mode'], 'sea'], ['literal', [2, 1]], ['literal', [1, 0]]]);
    expect(paint('outline')).toEqual(paint('line'));
    // Square dash ends, as in the legend: round caps would fill the gaps.
    const caps = specs.all.filter((l) => l.type === 'line').map((l) => l.layout?.['line-cap']);
    expect(caps).toEqual([undefined, 'butt', 'butt']);
    expect(paint('hl-line')).toEqual([
      'case',
      ['==', ['get', 'mode'], 'sea'],
      ['literal', [6 / 7, 3 / 7]],
      ['literal', SOLID_DASH],
    ]);
  });

  it('compares the picked value with its type: a number or true is not text', () => {
    const style = layer(false).style;
    expect(lineDash({ ...style, dashWhere: { property: 'seasonal', value: true } })).toEqual([
      'case',
      ['==', ['get', 'seasonal'], true],
      ['literal', [2, 1]],
      ['literal', [1, 0]],
    ]);
    expect(lineDash({ ...style, dashWhere: { property: 'lanes', value: 2 } })?.[1]).toEqual([
      '==',
      ['get', 'lanes'],
      2,
    ]);
  });

  it('sets no dash without one', () => {
    const { dash: _dash, ...solid } = layer(false).style;
    expect(lineDash(solid)).toBeUndefined();
    const specs = storyLayerSpecs({ ...layer(false), style: solid }, 'en');
    expect(specs.all.some((l) => l.type === 'line' && l.paint?.['line-dasharray'] !== undefined)).toBe(false);
    const caps = specs.all.filter((l) => l.type === 'line').map((l) => l.layout?.['line-cap']);
    expect(caps).toEqual([undefined, 'round', 'round']);
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

describe('withIdProperty', () => {
  it('copies string and numeric ids into the highlight property as text, and leaves features without one alone', () => {
    const point = { type: 'Point' as const, coordinates: [114.2, 22.5] };
    const got = withIdProperty({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'centreline', properties: { name_en: 'Centreline' }, geometry: point },
        { type: 'Feature', id: 7, properties: null, geometry: point },
        { type: 'Feature', properties: {}, geometry: point },
      ],
    });
    expect(got.features.map((f) => f.properties)).toEqual([
      { name_en: 'Centreline', [FEATURE_ID_PROPERTY]: 'centreline' },
      { [FEATURE_ID_PROPERTY]: '7' },
      {},
    ]);
  });
});
