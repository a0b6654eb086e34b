/**
 * The embedded basemap's land as static vector tiles, cut at build time from
 * geo/basemap/land.geojson by the project's tiler (scripts/build-tiles.ts: @maplibre/geojson-vt
 * simplifies per zoom, @maplibre/vt-pbf encodes), one `{z}/{x}/{y}.pbf` file per tile from zoom 0
 * to 12 within the land's bounds (the tiles without land too, empty, so no map ever asks for a
 * file that is not there); beyond zoom 12 MapLibre draws the zoom-12 tiles larger.
 *
 * The map module imports `virtual:geo-story-basemap-tiles`: the tiles' bounds and zooms, and
 * where they are, as an absolute URL, in one of two forms chosen per build:
 *
 * - `{ dir }`: a folder `<dir>-<hash>/` of `.pbf` files. The site and `dist/`, which are served as
 *   they are built; the dev server answers the tiles from memory.
 * - `{ archive }`: one PMTiles archive `<archive>-<hash>.pmtiles` (scripts/tiles/pmtiles-writer.ts,
 *   tiles gzip-compressed: 190 KB, far above any inline limit, so it stays a file). The npm
 *   package: a consumer's bundler (Vite, webpack 5) copies only files the code names with a literal
 *   `new URL('./file', import.meta.url)`, never a folder reached through a URL template.
 *
 * Either way the chunk holds `new URL('<relative to the chunk>', import.meta.url).href`, written
 * in `renderChunk` after every transform, so it is found wherever the build is copied, and no
 * `new URL` of a variable is left for a bundler to warn about.
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
/**
 * A global name no transform touches, replaced in each chunk by
 * `new URL('<folder or archive relative to that chunk>', import.meta.url).href`.
 */
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
  /** What the build writes: `<dir>-<hash>` or `<archive>-<hash>.pmtiles`. */
  let target = '';
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
      if (serving)
        return `const path = ${JSON.stringify(DEV_PATH)};\nexport const BASEMAP_TILES = { dir: new URL(path, import.meta.url).href, ${rest} };\n`;
      target = 'dir' in form ? `${form.dir}-${hash}` : `${form.archive}-${hash}.pmtiles`;
      return `export const BASEMAP_TILES = { ${'dir' in form ? 'dir' : 'archive'}: ${PLACEHOLDER}, ${rest} };\n`;
    },
    renderChunk(code, chunk) {
      if (!target || !code.includes(PLACEHOLDER)) return null;
      const relative = relativeTo(chunk.fileName, target) + ('dir' in form ? '/' : '');
      return {
        code: code.replaceAll(PLACEHOLDER, `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
        map: null,
      };
    },
    async generateBundle() {
      if (!target) return;
      const cut = await cutLand(root);
      if (!('dir' in form)) this.emitFile({ type: 'asset', fileName: target, source: await archiveOf(cut) });
      else
        for (const t of cut.tiles)
          this.emitFile({ type: 'asset', fileName: `${target}/${t.z}/${t.x}/${t.y}.pbf`, source: t.data });
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
