/**
 * The embedded basemap's land as static vector tiles, cut at build time from
 * geo/basemap/land.geojson by the project's tiler (scripts/build-tiles.ts: @maplibre/geojson-vt
 * simplifies per zoom, @maplibre/vt-pbf encodes), one `{z}/{x}/{y}.pbf` file per tile from zoom 0
 * to 12 within the land's bounds (the tiles without land too, empty, so no map ever asks for a
 * file that is not there); beyond zoom 12 MapLibre draws the zoom-12 tiles larger.
 *
 * The map module imports `virtual:geo-story-basemap-tiles`: where the tiles are, their bounds and
 * zooms, in one of two forms chosen per build:
 *
 * - `{ dir }`: a folder `<dir>-<hash>/` of `.pbf` files, relative to the chunk that holds the
 *   import (found with `new URL(dir, import.meta.url)` wherever the build is copied). The site
 *   and `dist/`, which are served as they are built; the dev server answers them from memory.
 * - `{ archive }`: one PMTiles archive `<archive>-<hash>.pmtiles` (scripts/tiles/pmtiles-writer.ts),
 *   its absolute URL. The npm package: a consumer's bundler (Vite, webpack 5) copies only files
 *   the code names with a literal `new URL('./file', import.meta.url)`, never a folder reached
 *   through a URL template, so the chunk names the archive exactly so (written in `renderChunk`,
 *   after every transform). 620 KB is far above any inline limit: it stays a file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { posix, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { TileInput } from '../tiles/pmtiles-writer';

const ID = 'virtual:geo-story-basemap-tiles';
const RESOLVED = `\0${ID}`;
/** Replaced in each chunk by the tiles' folder relative to that chunk. */
const PLACEHOLDER = '__GEO_STORY_BASEMAP_TILES__';
/** Replaced in each chunk by `new URL('<archive relative to that chunk>', import.meta.url).href`. */
const ARCHIVE_PLACEHOLDER = '__GEO_STORY_BASEMAP_ARCHIVE__';
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

/** Where a build writes the land: a folder of tiles, or one PMTiles archive (`.pmtiles` is added). */
export type BasemapForm = { dir: string } | { archive: string };

/** The land in one PMTiles archive, its tiles gzip-compressed as the writer declares them. */
async function archiveOf({ tiles, bounds }: Cut): Promise<Uint8Array> {
  const { writeArchive } = (await tsImport(
    '../tiles/pmtiles-writer.ts',
    import.meta.url,
  )) as typeof import('../tiles/pmtiles-writer');
  return writeArchive(
    tiles.map((t) => ({ ...t, data: gzipSync(t.data) })),
    {
      bounds,
      minZoom: 0,
      maxZoom: MAX_ZOOM,
      metadata: {
        name: 'geo-story basemap land',
        vector_layers: [{ id: LAND_LAYER, fields: {}, minzoom: 0, maxzoom: MAX_ZOOM }],
      },
    },
  );
}

/** A path from the chunk `fileName` to `target`, starting with `.` as `new URL` needs. */
function relativeTo(fileName: string, target: string): string {
  const relative = posix.relative(posix.dirname(fileName), target);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** Cuts and serves or emits the basemap's land tiles, as `form` says a build writes them. */
export function basemapTiles(form: BasemapForm = { dir: 'assets/basemap' }): Plugin {
  let root = process.cwd();
  let serving = false;
  let folder = '';
  let archive = '';
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
      const rest = `layer: ${JSON.stringify(LAND_LAYER)}, bounds: ${JSON.stringify(bounds)}, minzoom: 0, maxzoom: ${MAX_ZOOM}`;
      // The dev server answers the folder form from memory, whatever the build writes.
      if (serving || 'dir' in form) {
        if (!serving && 'dir' in form) folder = `${form.dir}-${hash}`;
        return `export const BASEMAP_TILES = { dir: ${JSON.stringify(serving ? DEV_PATH : PLACEHOLDER)}, ${rest} };\n`;
      }
      archive = `${form.archive}-${hash}.pmtiles`;
      // A global name no transform touches; renderChunk writes the literal `new URL` in its place.
      return `export const BASEMAP_TILES = { archive: ${ARCHIVE_PLACEHOLDER}, ${rest} };\n`;
    },
    renderChunk(code, chunk) {
      if (folder && code.includes(PLACEHOLDER))
        return { code: code.replaceAll(PLACEHOLDER, `${relativeTo(chunk.fileName, folder)}/`), map: null };
      if (archive && code.includes(ARCHIVE_PLACEHOLDER)) {
        const url = `new URL(${JSON.stringify(relativeTo(chunk.fileName, archive))}, import.meta.url).href`;
        return { code: code.replaceAll(ARCHIVE_PLACEHOLDER, url), map: null };
      }
      return null;
    },
    async generateBundle() {
      if (archive) this.emitFile({ type: 'asset', fileName: archive, source: await archiveOf(await cutLand(root)) });
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
