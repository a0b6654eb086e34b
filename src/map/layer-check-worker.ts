/**
 * The worker that checks a large layer file off the page's main thread: the RFC 7946 checks of
 * geojson-checks.ts (one tight pass, and the located issues of a file with errors), without
 * geojson-validation, which stays a module of its own and runs on the page (layer-check.ts).
 * Started by layer-check.ts; answers one {@link LayerCheckRequest} with a {@link LayerCheckAnswer}.
 */
import { checkGeoJSON, type ValidateGeoJSONOptions } from '../geo/geojson-checks.js';
import type { Issue } from '../story/types.js';

/** What the page sends: the file's text and name, and the caps it is checked against. */
export interface LayerCheckRequest {
  text: string;
  file: string;
  options: ValidateGeoJSONOptions;
}

/** What the worker answers: every issue found (none for a sound file). */
export interface LayerCheckAnswer {
  issues: Issue[];
}

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<LayerCheckRequest>) => void) | null;
  postMessage(answer: LayerCheckAnswer): void;
};

scope.onmessage = ({ data: { text, file, options } }) => {
  scope.postMessage({ issues: checkGeoJSON(text, file, options).issues });
};
