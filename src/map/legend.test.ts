import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LayerStyle } from '../story/types.js';
import { dashArray, dashedSwatch, geometryKinds, legendSwatch } from './legend.js';

const style: LayerStyle = { color: '#E69F00', fillOpacity: 0.25, lineWidth: 4, circleRadius: 5, label: true };

describe('geometryKinds', () => {
  const feature = (geometry: Geometry | null): Feature<Geometry | null> => ({
    type: 'Feature',
    properties: {},
    geometry,
  });
  const diagonal: MultiLineString = {
    type: 'MultiLineString',
    coordinates: [
      [
        [0, 0],
        [1, 1],
      ],
    ],
  };

  it('lists the kinds in a layer in drawing order, looking into collections and skipping null geometry', () => {
    const mixed: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [
        feature({ type: 'Point', coordinates: [0, 0] }),
        feature(null),
        feature({ type: 'GeometryCollection', geometries: [diagonal] }),
      ],
    };
    expect(geometryKinds(mixed)).toEqual(['line', 'point']);
    expect(geometryKinds({ type: 'FeatureCollection', features: [] })).toEqual([]);
  });
});

describe('legendSwatch', () => {
  it('draws a line layer with its points as a stroke with a dot, in the layer colour', () => {
    expect(legendSwatch(style, ['line', 'point'])).toEqual({
      line: { color: '#E69F00', width: 4 },
      circle: { color: '#E69F00', radius: 5 },
    });
  });

  it('draws a dashed line with the dash scaled by the line width, as MapLibre does', () => {
    expect(legendSwatch({ ...style, lineWidth: 1.5, dash: [3, 2] }, ['line'])).toEqual({
      line: { color: '#E69F00', width: 1.5, dash: '4.5 3' },
    });
  });

  it('draws a polygon as a fill at the layer opacity with its outline', () => {
    expect(legendSwatch({ ...style, color: '#117733', lineWidth: 1.5 }, ['polygon'])).toEqual({
      fill: { color: '#117733', opacity: 0.25, outlineWidth: 1.5 },
    });
  });

  it('shows the style as a polygon before the data is known, and caps sizes to the swatch', () => {
    expect(legendSwatch({ ...style, lineWidth: 12, circleRadius: 20 }, [])).toEqual({
      fill: { color: '#E69F00', opacity: 0.25, outlineWidth: 5 },
    });
    expect(legendSwatch({ ...style, circleRadius: 20 }, ['point']).circle!.radius).toBe(6);
  });
});

describe('a layer that dashes only some features', () => {
  const routes: LayerStyle = {
    ...style,
    color: '#D55E00',
    lineWidth: 2.5,
    dash: [2, 1.5],
    dashWhere: { property: 'mode', value: 'sea' },
    dashLabel: { 'zh-Hant': '海路', en: 'by sea' },
  };

  it('has a solid swatch for the layer and a dashed one, labelled, for the picked features', () => {
    expect(legendSwatch(routes, ['line', 'point'])).toEqual({
      line: { color: '#D55E00', width: 2.5 },
      circle: { color: '#D55E00', radius: 5 },
    });
    expect(dashedSwatch(routes, ['line', 'point'])).toEqual({
      swatch: { line: { color: '#D55E00', width: 2.5, dash: '5 3.75' } },
      label: { 'zh-Hant': '海路', en: 'by sea' },
    });
  });

  it('dashes a polygon outline, and has no dashed swatch for points alone or without dashWhere', () => {
    expect(dashedSwatch(routes, ['polygon'])?.swatch).toEqual({
      fill: { color: '#D55E00', opacity: 0.25, outlineWidth: 2.5, dash: '5 3.75' },
    });
    expect(dashedSwatch(routes, ['point'])).toBeUndefined();
    expect(dashedSwatch({ ...style, dash: [2, 1] }, ['line'])).toBeUndefined();
  });
});

describe('dashArray', () => {
  it('is undefined for no dash or an all-zero dash', () => {
    expect(dashArray(undefined, 2)).toBeUndefined();
    expect(dashArray([0, 0], 2)).toBeUndefined();
    expect(dashArray([2, 1], 2)).toBe('4 2');
  });
});
