import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import maplibreCss from 'virtual:geo-story-maplibre-css';
import { trustedWorkerUrl } from './trusted-url.js';

// The worker is served from our own origin as a file beside the bundle (strict-CSP friendly,
// no blob: workers); without this MapLibre 6 would look for it next to the page and 404. Under
// Trusted Types it goes as a TrustedScriptURL of the library's policy.
setWorkerUrl(trustedWorkerUrl(workerUrl));

/**
 * MapLibre's stylesheet, for adoption into a shadow root (a document stylesheet cannot reach it),
 * without its `data:` icons, removed at build time (scripts/vite/maplibre-css.ts): the controls
 * draw SVG elements instead (control-icons.ts).
 */
export const MAPLIBRE_CSS = maplibreCss;
