/**
 * Checks a story layer's file: on the page for a small file, in a module worker
 * (layer-check-worker.ts) for a large one, so that reading a file of a million positions never
 * holds the page's main thread. The worker file sits beside the bundle, found by the bundler from
 * a literal `new URL(..., import.meta.url)` (`worker-src 'self'`, no blob: worker), and starts
 * through the library's Trusted Types policy. Where it cannot start, the page checks the file itself.
 */
import type { GeoJSONRoot, ValidateGeoJSONOptions } from '../geo/geojson-checks.js';
export { asFeatureCollection } from '../geo/geojson-checks.js';
import {
  CROSS_CHECK_EVERY_FEATURE_BELOW,
  crossCheckWithGeojsonValidation,
} from '../geo/geojson-validation-cross-check.js';
import { JsonIssues, LineIndex, withoutBom } from '../geo/json-text.js';
import { validateGeoJSON } from '../geo/validate-geojson.js';
import { limits } from '../story/limits.js';
import type { Issue } from '../story/types.js';
import workerUrl from './layer-check-worker.ts?worker&url';
import type { LayerCheckAnswer, LayerCheckRequest } from './layer-check-worker.js';
import { trustedWorkerUrl } from './trusted-url.js';

/** Files of this many characters or more are checked in a worker. */
export const OFF_THREAD_FROM = CROSS_CHECK_EVERY_FEATURE_BELOW;

/** What checking a layer's file gives: its data when it has no errors, else its errors. */
export type LayerCheck = { data: GeoJSONRoot } | { errors: Issue[] } | { aborted: true };

/** The caps of `limits` as validation options. */
export function layerCaps(): ValidateGeoJSONOptions {
  return {
    maxBytes: limits.layerBytes,
    maxFeatures: limits.features,
    maxPositions: limits.positions,
    maxDepth: limits.depth,
  };
}

/** Checks on the page: every issue, and the data when there is no error. */
function checkHere(text: string, file: string): LayerCheck {
  const { data, issues } = validateGeoJSON(text, file, layerCaps());
  const errors = issues.filter((i) => i.severity === 'error');
  return data && errors.length === 0 ? { data } : { errors };
}

/** The worker's issues for `text`; `undefined` when no worker could run, `aborted` on `signal`. */
function checkInWorker(text: string, file: string, signal: AbortSignal): Promise<Issue[] | undefined | 'aborted'> {
  let worker: Worker;
  try {
    const url = trustedWorkerUrl(workerUrl);
    worker = new Worker(url, { type: 'module', name: 'geo-story layer check' });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const finish = (result: Issue[] | undefined | 'aborted') => {
      worker.terminate();
      signal.removeEventListener('abort', abort);
      resolve(result);
    };
    const abort = () => finish('aborted');
    signal.addEventListener('abort', abort, { once: true });
    worker.onmessage = (event: MessageEvent<LayerCheckAnswer>) => finish(event.data.issues);
    // The file did not load or start (a policy, a network error): the page does the work.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(undefined);
    };
    worker.onmessageerror = () => finish(undefined);
    const request: LayerCheckRequest = { text, file, options: layerCaps() };
    worker.postMessage(request);
  });
}

/**
 * Checks the text of layer file `file` against RFC 7946 and the caps of `limits`, in a worker
 * when it is large. The worker runs every check but geojson-validation's, whose sample of the
 * file (see geojson-validation-cross-check.ts) is cheap and runs here; should it find anything,
 * the file is checked again here, whole, for issues with their lines.
 * @example const checked = await checkLayerText(text, 'geo/trail.geojson', abort.signal);
 */
export async function checkLayerText(text: string, file: string, signal: AbortSignal): Promise<LayerCheck> {
  if (text.length < OFF_THREAD_FROM) return checkHere(text, file);
  const issues = await checkInWorker(text, file, signal);
  if (issues === 'aborted') return { aborted: true };
  if (issues === undefined) return checkHere(text, file);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { errors };
  const source = withoutBom(text);
  const data = JSON.parse(source) as GeoJSONRoot;
  const probe = new JsonIssues(file, new LineIndex(''));
  crossCheckWithGeojsonValidation(data, source.length, undefined, probe);
  return probe.issues.length > 0 ? checkHere(text, file) : { data };
}
