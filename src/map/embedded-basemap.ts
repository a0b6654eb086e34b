import { addProtocol, type StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import boundaryText from '../../geo/basemap/boundary.geojson?raw';
import labelsText from '../../geo/basemap/labels.geojson?raw';
import { BASEMAP_TILES } from 'virtual:geo-story-basemap-tiles';
import type { Lang } from '../story/types.js';
import { offlineStyle } from './basemap-style.js';
import { BASEMAP_PROTOCOL, basemapTileProtocol } from './basemap-tiles.js';

// The basemap travels with the library and needs no CDN. The land is vector tiles cut at build
// time (scripts/vite/basemap-tiles.ts), never inlined, found relative to this module's chunk:
// files in a folder (the site, dist/), or one PMTiles archive that the npm package's chunk names
// with a literal `new URL`, which a consumer's bundler copies. Either is read through BASEMAP_PROTOCOL, so
// that each tile is read once for every map on the page (basemap-tiles.ts). The boundary and the labels (6 KB and 4 KB) travel
// inside this chunk, parsed once for every element on the page: fetched by URL, a consumer's
// bundler would inline files that small as data: URLs (Vite below 4 KB, webpack below 8 KB),
// which a `connect-src 'self'` policy blocks, and every label would vanish.
const { archive, dir } = BASEMAP_TILES;
const TILES =
  archive !== undefined
    ? `${BASEMAP_PROTOCOL}://${archive}/{z}/{x}/{y}`
    : `${BASEMAP_PROTOCOL}://${dir}{z}/{x}/{y}.pbf`;
const BOUNDARY = JSON.parse(boundaryText) as FeatureCollection;
const LABELS = JSON.parse(labelsText) as FeatureCollection;

addProtocol(BASEMAP_PROTOCOL, basemapTileProtocol);

/** The embedded basemap's style in `lang`. */
export function embeddedBasemap(lang: Lang): StyleSpecification {
  const { layer, bounds, minzoom, maxzoom } = BASEMAP_TILES;
  return offlineStyle(
    { land: { tiles: [TILES], layer, bounds, minzoom, maxzoom }, boundary: BOUNDARY, labels: LABELS },
    lang,
  );
}

/** The embedded basemap's labels, for the named places of a chapter. */
export const BASEMAP_LABELS = LABELS;
