/**
 * The embedded basemap's land as static vector tiles, cut at build time from
 * geo/basemap/land.geojson by the project's tiler (scripts/build-tiles.ts: @maplibre/geojson-vt
 * simplifies per zoom, @maplibre/vt-pbf encodes), one `{z}/{x}/{y}.pbf` file per tile from zoom 0
 * to 12 within the land's bounds (the tiles without land too, empty, so no map ever asks for a
 * file that is not there); beyond zoom 12 MapLibre draws the zoom-12 tiles larger.
 *
 * The map module imports `virtual:geo-story-basemap-tiles`: where the tiles are, relative to the
 * chunk that holds the import (so they are found with `new URL(dir, import.meta.url)` wherever
 * the build is copied, never inlined), their bounds and zooms. The build writes them into
 * `<dir>-<hash>/`, `dir` given per build (`assets/basemap` unless said); the dev server answers
 * them from memory.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { TileInput } from '../tiles/pmtiles-writer';

const ID = 'virtual:geo-story-basemap-tiles';
const RESOLVED = `\0${ID}`;
/** Replaced in each chunk by the tiles' folder relative to that chunk. */
const PLACEHOLDER = '__GEO_STORY_BASEMAP_TILES__';
const DEV_PATH = '/@geo-story-basemap/';
/** Source layer of the land in every tile. */
export const LAND_LAYER = 'land';
const MAX_ZOOM = 12;

interface Cut {
  tiles: TileInput[];
  bounds: [number, number, number, number];
  hash: string;
}

let cut: Promise<Cut> | undefined;

/** The land cut into tiles, once per process. */
function cutLand(root: string): Promise<Cut> {
  cut ??= (async () => {
    // Loaded rather than imported: see scripts/vite/compile-stories.ts.
    const { cutTiles } = (await tsImport('../build-tiles.ts', import.meta.url)) as typeof import('../build-tiles');
    const land = JSON.parse(readFileSync(resolve(root, 'geo/basemap/land.geojson'), 'utf8')) as FeatureCollection;
    const { tiles, bounds } = cutTiles(land, {
      minZoom: 0,
      maxZoom: MAX_ZOOM,
      layer: LAND_LAYER,
      properties: [],
      keepEmpty: true,
    });
    const hash = createHash('sha256');
    for (const t of tiles) hash.update(`${t.z}/${t.x}/${t.y}:`).update(t.data);
    return { tiles, bounds, hash: hash.digest('hex').slice(0, 10) };
  })();
  return cut;
}

/** Cuts and serves or emits the basemap's land tiles; `dir` is where a build writes them. */
export function basemapTiles(dir = 'assets/basemap'): Plugin {
  let root = process.cwd();
  let serving = false;
  let folder = '';
  return {
    name: 'geo-story:basemap-tiles',
    configResolved(config) {
      root = config.root;
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { bounds, hash } = await cutLand(root);
      folder = `${dir}-${hash}`;
      const where = serving ? DEV_PATH : PLACEHOLDER;
      return `export const BASEMAP_TILES = ${JSON.stringify({ dir: where, layer: LAND_LAYER, bounds, minzoom: 0, maxzoom: MAX_ZOOM })};\n`;
    },
    renderChunk(code, chunk) {
      if (!code.includes(PLACEHOLDER)) return null;
      let relative = posix.relative(posix.dirname(chunk.fileName), folder);
      if (!relative.startsWith('.')) relative = `./${relative}`;
      return { code: code.replaceAll(PLACEHOLDER, `${relative}/`), map: null };
    },
    async generateBundle() {
      if (!folder) return;
      for (const t of (await cutLand(root)).tiles)
        this.emitFile({ type: 'asset', fileName: `${folder}/${t.z}/${t.x}/${t.y}.pbf`, source: t.data });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = new RegExp(`^${DEV_PATH}(\\d+)/(\\d+)/(\\d+)\\.pbf$`).exec(req.url ?? '');
        if (!m) return next();
        void cutLand(root).then(({ tiles }) => {
          const tile = tiles.find((t) => t.z === Number(m[1]) && t.x === Number(m[2]) && t.y === Number(m[3]));
          if (!tile) return next();
          res.setHeader('content-type', 'application/x-protobuf');
          res.end(tile.data);
        }, next);
      });
    },
  };
}
