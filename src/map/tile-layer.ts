import type { Feature, LineString, MultiLineString } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { limits } from '../story/limits.js';
import type { Issue, StoryLayer } from '../story/types.js';
import type { LayerLine } from './measure-lines.js';
import { forgetPmtilesArchive, pmtilesArchive } from './pmtiles-protocol.js';
import { storySourceId } from './style.js';
import { archiveErrorText, readArchiveLayer, type ArchiveLayer } from './tile-archive.js';

/** A story layer drawn from a PMTiles archive (it names a source layer). */
export type TiledLayer = StoryLayer & { sourceLayer: string };

/** A story layer's archive as opened: what it holds, or why it cannot be drawn. */
export type TileLayerLoad = { archive: ArchiveLayer } | { message: string; issues?: Issue[] };

/**
 * Opens a story layer's PMTiles archive, resolved against the story's URL: reads its header and
 * metadata (two range requests, shared with the map's source) and checks the source layer. A
 * failure is reported as a problem of the story file at the line declaring the layer, like a
 * GeoJSON file that cannot be loaded.
 * @example await loadTileLayer(layer, story.file, storyUrl); // { archive } or { message }
 */
export async function loadTileLayer(
  layer: TiledLayer,
  storyFile: string,
  storyUrl: string,
  timeoutMs = limits.fetchTimeout,
): Promise<TileLayerLoad> {
  const url = new URL(layer.file, storyUrl).href;
  const at = `${storyFile}:${layer.line}: error: layers.${layer.id}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const [header, metadata] = await Promise.race([
      pmtilesArchive(url).then((archive) => Promise.all([archive.getHeader(), archive.getMetadata()])),
      late,
    ]);
    const reading = readArchiveLayer(header, metadata, layer.sourceLayer);
    if ('problem' in reading) return { message: `${at}.source-layer: ${layer.file}: ${reading.problem}` };
    return { archive: reading.layer };
  } catch (error) {
    await forgetPmtilesArchive(url);
    const text = /^no answer within/.test((error as Error).message)
      ? `${layer.file}: could not be loaded (${(error as Error).message})`
      : archiveErrorText(error, layer.file);
    return { message: `${at}.file: ${text}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The lines of a tiled story layer in the tiles the map has loaded (each cut at tile edges), for a
 * measured path to snap to; querySourceFeatures gives them in longitude and latitude.
 * @example tiledLines(map, layer).length; // the line pieces in view
 */
export function tiledLines(map: MapLibreMap, layer: TiledLayer): LayerLine[] {
  return map
    .querySourceFeatures(storySourceId(layer.id), { sourceLayer: layer.sourceLayer })
    .flatMap((f): LayerLine[] => {
      const { type } = f.geometry;
      if (type !== 'LineString' && type !== 'MultiLineString') return [];
      const line: Feature<LineString | MultiLineString> = {
        type: 'Feature',
        ...(f.id !== undefined && { id: f.id }),
        properties: { ...f.properties },
        geometry: f.geometry as LineString | MultiLineString,
      };
      return [{ layer: layer.id, line }];
    });
}
