/**
 * Turns a GeoJSON layer into a PMTiles archive of vector tiles for a story layer.
 *
 * Usage:
 *   npm run tiles -- <in.geojson> <out.pmtiles> [--minzoom 0] [--maxzoom 16] [--layer <name>]
 *     [--attribution <text>]
 *
 * Tiles are cut by @maplibre/geojson-vt (which simplifies per zoom: its tolerance is in tile
 * pixels, so low zooms are coarse and the top zoom keeps the full detail) and encoded by
 * @maplibre/vt-pbf; the archive is written by scripts/tiles/pmtiles-writer.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { FEATURE_ID_PROPERTY } from '../src/map/style.js';
import { parseCommandLine, runsAsCommand } from './lib/cli.js';
import { writeArchive, type TileInput } from './tiles/pmtiles-writer.js';

/** Properties carried into the tiles; everything else is dropped to keep tiles small. */
export const KEPT_PROPERTIES = ['name_zh_hant', 'name_zh_hans', 'name_en', 'source', 'confidence'] as const;
const EXTENT = 4096;

export interface TileOptions {
  minZoom: number;
  maxZoom: number;
  layer: string;
  attribution?: string;
}

function eachPosition(value: unknown, visit: (p: Position) => void): void {
  if (!Array.isArray(value)) return;
  if (typeof value[0] === 'number') visit(value as Position);
  else for (const v of value) eachPosition(v, visit);
}

/** [west, south, east, north] of every coordinate in the collection. */
export function boundsOf(fc: FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features) {
    if (!f.geometry || f.geometry.type === 'GeometryCollection') continue;
    eachPosition(f.geometry.coordinates, ([x, y]) => {
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    });
  }
  if (!Number.isFinite(b[0])) throw new Error('the GeoJSON has no coordinates to tile');
  return b;
}

function tileRange(z: number, [w, s, e, n]: [number, number, number, number]) {
  const count = 2 ** z;
  const tx = (lon: number) => Math.min(count - 1, Math.max(0, Math.floor(((lon + 180) / 360) * count)));
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    const y = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * count;
    return Math.min(count - 1, Math.max(0, Math.floor(y)));
  };
  return { x0: tx(w), x1: tx(e), y0: ty(n), y1: ty(s) };
}

/**
 * Keeps the kept properties and the feature id: every id as text in `FEATURE_ID_PROPERTY`, the
 * property the viewer's highlights filter on, and a non-negative integer id also as the tile
 * feature id (the only ids vector tiles hold, MVT spec 4.2).
 */
function slim(feature: Feature, kept: readonly string[] = KEPT_PROPERTIES): Feature {
  const properties: Record<string, unknown> = {};
  for (const key of kept) if (feature.properties?.[key] !== undefined) properties[key] = feature.properties[key];
  const { id, ...rest } = feature;
  if (id === undefined) return { ...rest, properties };
  properties[FEATURE_ID_PROPERTY] = String(id);
  return Number.isInteger(id) && Number(id) >= 0 ? { ...rest, id, properties } : { ...rest, properties };
}

/** The geometry kinds of the features, as tippecanoe's `tilestats` names them. */
function tileStatsGeometry(fc: FeatureCollection): string[] {
  const kinds = new Set<string>();
  for (const f of fc.features) {
    const type = f.geometry?.type ?? '';
    if (type.endsWith('Polygon')) kinds.add('Polygon');
    else if (type.endsWith('LineString')) kinds.add('LineString');
    else if (type.endsWith('Point')) kinds.add('Point');
  }
  return [...kinds];
}

/** How `cutTiles` cuts a layer. */
export interface CutOptions {
  minZoom: number;
  maxZoom: number;
  /** The source layer's name in every tile. */
  layer: string;
  /** Feature properties carried into the tiles (`KEPT_PROPERTIES` unless given); ids are kept as `slim` says. */
  properties?: readonly string[];
  /** Also return the tiles within the bounds that hold no feature, each an empty tile. */
  keepEmpty?: boolean;
}

/**
 * Cuts a FeatureCollection into Mapbox Vector Tiles (not compressed), every tile from `minZoom`
 * to `maxZoom` within the data's bounds that holds a feature (or every one, with `keepEmpty`).
 * geojson-vt simplifies per zoom: its tolerance is in tile pixels.
 */
export function cutTiles(
  fc: FeatureCollection,
  options: CutOptions,
  fileName = 'input',
): { data: FeatureCollection; tiles: TileInput[]; bounds: [number, number, number, number] } {
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${fileName}: not a GeoJSON FeatureCollection`);
  }
  const { minZoom, maxZoom } = options;
  if (!(
    Number.isInteger(minZoom) &&
    Number.isInteger(maxZoom) &&
    minZoom >= 0 &&
    minZoom <= maxZoom &&
    maxZoom <= 22
  )) {
    throw new Error(
      `--minzoom ${minZoom} / --maxzoom ${maxZoom}: need whole numbers with 0 <= minzoom <= maxzoom <= 22`,
    );
  }
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: fc.features.map((f) => slim(f, options.properties)),
  };
  const bounds = boundsOf(data);
  const index = new GeoJSONVT(data, { maxZoom, indexMaxZoom: Math.min(maxZoom, 5), extent: EXTENT, buffer: 64 });
  const tiles: TileInput[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(z, bounds);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tile = index.getTile(z, x, y);
        if (!tile || tile.features.length === 0) {
          if (options.keepEmpty) tiles.push({ z, x, y, data: new Uint8Array(0) });
          continue;
        }
        tiles.push({ z, x, y, data: fromGeojsonVt({ [options.layer]: tile }, { version: 2, extent: EXTENT }) });
      }
    }
  }
  return { data, tiles, bounds };
}

/** Tiles a FeatureCollection and returns the PMTiles archive bytes. */
export function tileGeoJson(fc: FeatureCollection, options: TileOptions, fileName = 'input'): Uint8Array {
  const { minZoom, maxZoom } = options;
  const cut = cutTiles(fc, options, fileName);
  const { data, bounds } = cut;
  const tiles = cut.tiles.map((t) => ({ ...t, data: gzipSync(t.data) }));
  if (tiles.length === 0) throw new Error(`${fileName}: no tiles were produced`);
  const fields = Object.fromEntries([...KEPT_PROPERTIES, FEATURE_ID_PROPERTY].map((k) => [k, 'String']));
  const geometry = tileStatsGeometry(data);
  return writeArchive(tiles, {
    bounds,
    minZoom,
    maxZoom,
    metadata: {
      name: options.layer,
      ...(options.attribution ? { attribution: options.attribution } : {}),
      vector_layers: [{ id: options.layer, fields, minzoom: minZoom, maxzoom: maxZoom }],
      // tippecanoe's layer statistics, read by viewers for the kinds of geometry a layer holds.
      tilestats: {
        layerCount: 1,
        layers: geometry.map((g) => ({ layer: options.layer, count: data.features.length, geometry: g })),
      },
    },
  });
}

const USAGE =
  'Usage: npm run tiles -- <in.geojson> <out.pmtiles> [--minzoom 0] [--maxzoom 16] [--layer <name>] [--attribution <text>]';

if (runsAsCommand(import.meta.url)) {
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        minzoom: { type: 'string', default: '0' },
        maxzoom: { type: 'string', default: '16' },
        layer: { type: 'string' },
        attribution: { type: 'string' },
      },
    },
    USAGE,
  );
  const [input, output] = positionals;
  if (!input || !output || positionals.length > 2) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const started = performance.now();
    const fc = JSON.parse(readFileSync(input, 'utf8')) as FeatureCollection;
    const bytes = tileGeoJson(
      fc,
      {
        minZoom: Number(values.minzoom),
        maxZoom: Number(values.maxzoom),
        layer: values.layer ?? basename(output, extname(output)),
        ...(values.attribution ? { attribution: values.attribution } : {}),
      },
      input,
    );
    writeFileSync(output, bytes);
    console.log(`${output}: ${bytes.length} bytes in ${Math.round(performance.now() - started)} ms`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
