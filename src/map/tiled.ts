/**
 * What the map module needs of tiled story layers (PMTiles archives) before any is open: which
 * layers are tiled, and their box. Opening an archive and reading its lines (tile-layer.ts) is a
 * chunk of its own, loaded by the first story with such a layer.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { StoryLayer } from '../story/types.js';
import type { LayerLine } from './measure-lines.js';
import type { TiledLayer, TileLayerLoad } from './tile-layer.js';

/** Whether a story layer is drawn from a PMTiles archive (it names a source layer). */
export function isTiled(layer: StoryLayer): layer is TiledLayer {
  return layer.sourceLayer !== undefined;
}

let code: typeof import('./tile-layer.js') | undefined;

/**
 * Opens a tiled layer's archive (loadTileLayer in tile-layer.ts); a failure to load that code is
 * reported like a file that cannot be loaded.
 * @example await openTiled(layer, story.file, storyUrl); // { archive } or { message }
 */
export async function openTiled(layer: TiledLayer, storyFile: string, storyUrl: string): Promise<TileLayerLoad> {
  try {
    code ??= await import('./tile-layer.js');
  } catch (error) {
    const why = (error as Error).message;
    return { message: `${storyFile}:${layer.line}: error: layers.${layer.id}.file: archives cannot be read (${why})` };
  }
  return code.loadTileLayer(layer, storyFile, storyUrl);
}

/** The lines of a tiled layer in the tiles the map has loaded; none before an archive has been opened. */
export function linesOfTiled(map: MapLibreMap, layer: TiledLayer): LayerLine[] {
  return code ? code.tiledLines(map, layer) : [];
}

/**
 * The box of an archive as a one-feature collection, so a camera can fit the whole layer
 * without its data (which only the tiles in view hold).
 * @example boundsCollection([113.8, 22.1, 114.5, 22.6]).features[0].geometry.type; // 'Polygon'
 */
export function boundsCollection([w, s, e, n]: readonly number[]): FeatureCollection {
  const ring = [
    [w!, s!],
    [e!, s!],
    [e!, n!],
    [w!, n!],
    [w!, s!],
  ];
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
  };
}
