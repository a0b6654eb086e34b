/**
 * Builds the GeoJSON layers of the Greater Bay Area story (geo/*.geojson) from the reference facts
 * in places.json and, for the sea areas, from the basemap land; prints their lengths and areas.
 *
 * Usage (from anywhere; output paths are relative to the repository):
 *   npx tsx scripts/build-story-layers.ts [places.json] [--land geo/basemap/land.geojson]
 *                                         [--boundary geo/basemap/boundary.geojson]
 * places.json defaults to geo/reference/places.json.
 *
 * Every file is RFC 7946: WGS 84 lon/lat, exterior rings counter-clockwise and holes clockwise
 * (section 3.1.6), rings closed, coordinates rounded to 6 decimals (about 0.1 m). Every feature
 * carries a string `id`, `name_zh_hant`, `name_zh_hans` (the reference sheet's Mainland name, else
 * converted from the Traditional with OpenCC), `name_en`, `source` and `confidence`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { parseCommandLine, runsAsCommand } from './lib/cli.js';
import { buildStoryLayers } from './story-layers/build.js';
import { landIndex, type StoryLand } from './story-layers/land.js';
import { layerText } from './story-layers/layer.js';
import type { PlacesFile } from './story-layers/places-file.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE =
  'usage: tsx scripts/build-story-layers.ts [places.json] [--land land.geojson] [--boundary boundary.geojson]';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The basemap land and boundary, or null when there is no land file. */
function readLand(landFile: string, boundaryFile: string): StoryLand | null {
  if (!existsSync(landFile)) return null;
  const fc = readJson<FeatureCollection>(landFile);
  return {
    all: landIndex(fc),
    hk: landIndex(fc, 'HK'),
    cn: landIndex(fc, 'CN'),
    boundary: existsSync(boundaryFile) ? readJson<FeatureCollection>(boundaryFile) : null,
  };
}

function main(): void {
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        land: { type: 'string', default: resolve(REPO, 'geo/basemap/land.geojson') },
        boundary: { type: 'string', default: resolve(REPO, 'geo/basemap/boundary.geojson') },
      },
    },
    USAGE,
  );
  if (positionals.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const facts = readJson<PlacesFile>(resolve(positionals[0] ?? resolve(REPO, 'geo/reference/places.json')));
  const landFile = resolve(values.land);
  const land = readLand(landFile, resolve(values.boundary));

  const { layers, report } = buildStoryLayers(facts, land);
  for (const { name, features } of layers) {
    const file = resolve(REPO, 'geo', `${name}.geojson`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, layerText(features));
    console.log(`wrote geo/${name}.geojson (${features.length} features)`);
  }
  if (!land) console.warn(`no land file at ${landFile}: sea layers (mirs-bay, port-shelter) not rebuilt`);
  console.log(report.join('\n'));
}

if (runsAsCommand(import.meta.url)) main();
