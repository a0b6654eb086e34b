import type { FeatureCollection } from 'geojson';
import { asFeatureCollection, validateGeoJSON } from '../geo/validate-geojson.js';
import { fetchText } from '../story/fetch-text.js';
import { limits } from '../story/limits.js';
import type { Issue, StoryLayer } from '../story/types.js';

/** A story layer's file as loaded: its features, or why it cannot be drawn. */
export type LayerLoad = { data: FeatureCollection } | { message: string; issues?: Issue[] };

/**
 * Validates the text of a story layer's file; a file with errors is not drawn at all.
 * @example parseLayer(story.layers[0], await response.text()); // { data } or { message, issues }
 */
export function parseLayer(layer: Pick<StoryLayer, 'id' | 'file'>, text: string): LayerLoad {
  const result = validateGeoJSON(text, layer.file);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (errors.length === 0 && result.data) return { data: asFeatureCollection(result.data) };
  const first = errors[0];
  const where = first
    ? `${first.file}:${first.line}: ${first.field ? first.field + ': ' : ''}${first.message}`
    : 'not GeoJSON';
  return { message: `layer "${layer.id}" (${layer.file}) was not drawn: ${where}`, issues: errors };
}

/**
 * Fetches a story layer's file, resolved against the story's URL, and validates it. A failed fetch
 * is reported as a problem of the story file (`storyFile`) at the line declaring the layer.
 * @example await loadLayer(layer, story.file, storyUrl, abort.signal);
 */
export async function loadLayer(
  layer: StoryLayer,
  storyFile: string,
  storyUrl: string,
  signal: AbortSignal,
): Promise<LayerLoad> {
  const url = new URL(layer.file, storyUrl).href;
  let text: string;
  try {
    text = await fetchText(url, layer.file, { signal, maxBytes: limits.layerBytes, cap: 'layerBytes' });
  } catch (error) {
    // "file not found: <file>", or "<file>: could not be loaded (why)".
    return { message: `${storyFile}:${layer.line}: error: layers.${layer.id}.file: ${(error as Error).message}` };
  }
  return parseLayer(layer, text);
}
