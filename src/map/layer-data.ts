import type { FeatureCollection } from 'geojson';
import { fetchText } from '../story/fetch-text.js';
import { limits } from '../story/limits.js';
import type { Issue, StoryLayer } from '../story/types.js';

let checks: Promise<typeof import('./layer-check.js')> | undefined;
/**
 * The layer checks (RFC 7946 with line-accurate issues, geojson-validation, jsonc-parser): a chunk
 * of their own, so the map chunk carries only what draws the map; the map module asks for it when
 * it loads, before any map is made.
 */
export function layerChecks(): Promise<typeof import('./layer-check.js')> {
  checks ??= import('./layer-check.js');
  return checks;
}

/** A story layer's file as loaded: its features, or why it cannot be drawn. */
export type LayerLoad = { data: FeatureCollection } | { message: string; issues?: Issue[] };

/**
 * Validates the text of a story layer's file against RFC 7946 and the caps of `limits` (in a
 * worker when it is large: layer-check.ts); a file with errors is not drawn at all.
 * @example await parseLayer(story.layers[0], await response.text()); // { data } or { message, issues }
 */
export async function parseLayer(
  layer: Pick<StoryLayer, 'id' | 'file'>,
  text: string,
  signal = new AbortController().signal,
): Promise<LayerLoad> {
  let module: Awaited<ReturnType<typeof layerChecks>>;
  try {
    module = await layerChecks();
  } catch (error) {
    checks = undefined;
    const why = (error as Error).message;
    return { message: `layer "${layer.id}" (${layer.file}) was not drawn: its checks could not be loaded (${why})` };
  }
  const { checkLayerText, asFeatureCollection } = module;
  const checked = await checkLayerText(text, layer.file, signal);
  if ('data' in checked) return { data: asFeatureCollection(checked.data) };
  if ('aborted' in checked) return { message: `layer "${layer.id}" (${layer.file}) was not drawn: abandoned` };
  const first = checked.errors[0];
  const where = first
    ? `${first.file}:${first.line}: ${first.field ? first.field + ': ' : ''}${first.message}`
    : 'not GeoJSON';
  return { message: `layer "${layer.id}" (${layer.file}) was not drawn: ${where}`, issues: checked.errors };
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
  return parseLayer(layer, text, signal);
}
