/**
 * `npm run build:package`: the npm package's `lib/` (gitignored), as `package.json` `files` ships it.
 *
 * 1. `vite build --config vite.npm.config.ts` twice: `lib/index.js` (Lit external) and
 *    `lib/geo-story.js` (self-contained), sharing the map chunk, the worker and the basemap.
 * 2. MapLibre's worker ends with a `sourceMappingURL` to a map that does not ship: the line goes.
 * 3. The public types: `tsc` writes the declarations of `src/index.ts` to a scratch folder and
 *    rollup-plugin-dts bundles what the entry reaches into `lib/index.d.ts` (nothing else ships).
 *    rollup-plugin-license writes `lib/licenses/index.txt` and `lib/licenses/geo-story.txt`:
 *    each package bundled into that build, its version, licence and licence text.
 * 4. `lib/sample/`: a story with its layers. `lib/custom-elements.json` from the repository's manifest (`scripts/package/manifest.ts`),
 *    and `lib/react.js` + `lib/react.d.ts`, the entry with React 19 JSX typings written from it.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { build } from 'vite';
import { reactTypings } from './package/jsx.ts';
import { packageManifest, type Manifest } from './package/manifest.ts';

const root = resolve(import.meta.dirname, '..');
const lib = resolve(root, 'lib');

/** Removes a trailing `//# sourceMappingURL=...` line from each `.js`/`.mjs` file under `dir`. */
export async function stripSourceMapComments(dir: string): Promise<string[]> {
  const stripped: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.m?js$/.test(entry.name)) continue;
    const file = resolve(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    const without = text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n');
    if (without !== text) {
      await writeFile(file, without);
      stripped.push(file);
    }
  }
  return stripped;
}

/**
 * Packages the public types import: Lit (a dependency), `geojson` (`@types/geojson`, a dependency)
 * and `maplibre-gl` (the `map` getter's type; an optional peer dependency, see README).
 */
const TYPE_PACKAGES = /^(lit|lit-html|lit-element|@lit\/reactive-element|geojson|maplibre-gl)(\/|$)/;

async function bundleTypes(): Promise<void> {
  // Not under node_modules/: rollup-plugin-dts leaves whatever lies there out of the bundle.
  const scratch = await mkdtemp(resolve(tmpdir(), 'geo-story-types-'));
  execFileSync('npx', ['tsc', '-p', 'tsconfig.lib.json', '--outDir', scratch], { cwd: root, stdio: 'inherit' });
  const bundle = await rollup({
    input: resolve(scratch, 'index.d.ts'),
    plugins: [dts()],
    external: (id) => TYPE_PACKAGES.test(id),
    // Any other package in the public types would be one a consumer lacks: fail, naming it.
    onwarn(warning) {
      throw new Error(`public types: ${warning.message}`);
    },
  });
  await bundle.write({ file: resolve(lib, 'index.d.ts'), format: 'es' });
  await bundle.close();
  await writeFile(resolve(lib, 'geo-story.d.ts'), "export * from './index.js';\n");
  await rm(scratch, { recursive: true, force: true });
}

/** The story of `tests/fixtures/stories/three-chapters.md`, shipped as `lib/sample/` with its layers beside it. */
const SAMPLE_STORY = 'tests/fixtures/stories/three-chapters.md';

/**
 * `lib/sample/three-places.md` and the layer files it names, each beside it: the story's
 * `file: ../../../geo/x.geojson` becomes `file: x.geojson`, which resolves relative to the story.
 * Returns the layer files copied.
 */
export async function writeSample(outDir: string): Promise<string[]> {
  const story = await readFile(resolve(root, SAMPLE_STORY), 'utf8');
  const layers = [...story.matchAll(/^ {4}file: \.\.\/\.\.\/\.\.\/geo\/([\w-]+\.geojson)$/gm)].map((m) => m[1]!);
  if (layers.length === 0) throw new Error(`${SAMPLE_STORY}: no layer file under geo/ found`);
  await mkdir(outDir, { recursive: true });
  await writeFile(resolve(outDir, 'three-places.md'), story.replaceAll('file: ../../../geo/', 'file: '));
  for (const file of layers) await copyFile(resolve(root, 'geo', file), resolve(outDir, file));
  return layers;
}

export async function buildPackage(): Promise<void> {
  for (const mode of ['index', 'standalone']) {
    await build({ configFile: resolve(root, 'vite.npm.config.ts'), mode, root });
  }
  await stripSourceMapComments(lib);
  await bundleTypes();
  const source = JSON.parse(await readFile(resolve(root, 'custom-elements.json'), 'utf8')) as Manifest;
  const manifest = packageManifest(source, 'lib/index.js');
  await writeFile(resolve(lib, 'custom-elements.json'), JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(resolve(lib, 'react.js'), "export * from './index.js';\n");
  await writeFile(resolve(lib, 'react.d.ts'), reactTypings(manifest));
  await writeSample(resolve(lib, 'sample'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await buildPackage();
}
