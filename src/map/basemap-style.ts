import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../story/types.js';
import { labelFont, labelText } from './labels.js';

// Only MapLibre's types: the style is a plain object, built and tested without a map.

/** The embedded basemap's land as vector tiles: tile URLs (`{z}/{x}/{y}`), source layer, bounds and zooms. */
export interface BasemapTiles {
  tiles: string[];
  layer: string;
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
}

/** The embedded basemap's files: each GeoJSON, a URL to fetch or the data itself; the land may be vector tiles. */
export interface BasemapData {
  land: string | FeatureCollection | BasemapTiles;
  boundary: string | FeatureCollection;
  labels: string | FeatureCollection;
}

/** Colours of the embedded basemap. */
const BASEMAP_COLORS = {
  sea: '#cfe2ee',
  land: '#f3f0e8',
  coast: '#a9bccb',
  boundary: '#7a4f8c',
  label: '#2f3a40',
  water: '#4b7390',
  halo: '#ffffff',
} as const;

/** Source ids of the embedded basemap's three files. */
export const BASEMAP_SOURCE = { land: 'basemap-land', boundary: 'basemap-boundary', labels: 'basemap-labels' } as const;

/** Ids of the basemap layers whose text depends on the language. */
export const BASEMAP_LABEL_LAYERS = ['basemap-labels-water', 'basemap-labels-place'] as const;

/**
 * The embedded offline basemap: sea, land, the Hong Kong - Mainland boundary and place labels,
 * from GeoJSON, the land also as vector tiles cut at build time; no tile server, no glyph server,
 * no network beyond our own origin.
 * @example new maplibregl.Map({ container, style: offlineStyle(urls, 'en') })
 */
export function offlineStyle(data: BasemapData, lang: Lang): StyleSpecification {
  const tiled = typeof data.land === 'object' && 'tiles' in data.land ? data.land : undefined;
  const land = tiled
    ? ({
        type: 'vector',
        tiles: tiled.tiles,
        bounds: tiled.bounds,
        minzoom: tiled.minzoom,
        maxzoom: tiled.maxzoom,
      } as const)
    : ({ type: 'geojson', data: data.land as string | FeatureCollection } as const);
  const landLayer = tiled ? { 'source-layer': tiled.layer } : {};
  return {
    version: 8,
    name: 'geo-story offline basemap',
    sources: {
      [BASEMAP_SOURCE.land]: { ...land, attribution: '' },
      [BASEMAP_SOURCE.boundary]: { type: 'geojson', data: data.boundary },
      [BASEMAP_SOURCE.labels]: { type: 'geojson', data: data.labels },
    },
    layers: [
      { id: 'basemap-sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
      {
        id: 'basemap-land',
        type: 'fill',
        source: BASEMAP_SOURCE.land,
        ...landLayer,
        paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-antialias': true },
      },
      {
        id: 'basemap-coast',
        type: 'line',
        source: BASEMAP_SOURCE.land,
        ...landLayer,
        paint: {
          'line-color': BASEMAP_COLORS.coast,
          'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.4, 13, 1.2],
        },
      },
      {
        id: 'basemap-boundary',
        type: 'line',
        source: BASEMAP_SOURCE.boundary,
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': BASEMAP_COLORS.boundary,
          'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1, 13, 2.5],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'basemap-labels-water',
        type: 'symbol',
        source: BASEMAP_SOURCE.labels,
        filter: ['==', ['get', 'kind'], 'water'],
        layout: {
          'text-field': labelText(lang),
          'text-font': labelFont(lang),
          'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 12, 14],
          'text-letter-spacing': 0.1,
          'text-max-width': 8,
        },
        paint: { 'text-color': BASEMAP_COLORS.water, 'text-halo-color': BASEMAP_COLORS.sea, 'text-halo-width': 1.2 },
      },
      {
        id: 'basemap-labels-place',
        type: 'symbol',
        source: BASEMAP_SOURCE.labels,
        filter: ['!=', ['get', 'kind'], 'water'],
        layout: {
          'text-field': labelText(lang),
          'text-font': labelFont(lang),
          // Rank 1 labels (cities) are larger; lesser ranks yield to them on collision.
          'text-size': [
            'interpolate',
            ['linear'],
            ['zoom'],
            7,
            ['match', ['get', 'rank'], 1, 14, 11],
            12,
            ['match', ['get', 'rank'], 1, 18, 14],
          ],
          'symbol-sort-key': ['coalesce', ['get', 'rank'], 9],
          'text-max-width': 8,
        },
        paint: { 'text-color': BASEMAP_COLORS.label, 'text-halo-color': BASEMAP_COLORS.halo, 'text-halo-width': 1.5 },
      },
    ],
  };
}
