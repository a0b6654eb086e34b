import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { withoutDataImages } from './control-icons.js';
import { trustedWorkerUrl } from './trusted-url.js';

// The worker is served from our own origin as a file beside the bundle (strict-CSP friendly,
// no blob: workers); without this MapLibre 6 would look for it next to the page and 404. Under
// Trusted Types it goes as a TrustedScriptURL of the library's policy.
setWorkerUrl(trustedWorkerUrl(workerUrl));

/**
 * MapLibre's stylesheet, for adoption into a shadow root (a document stylesheet cannot reach it),
 * without its `data:` icons: the controls draw SVG elements instead (control-icons.ts).
 */
export const MAPLIBRE_CSS = withoutDataImages(maplibreCss);
