/**
 * MapLibre's stylesheet as the map module adopts it, made at build time:
 * `virtual:geo-story-maplibre-css` exports it as a string without its `data:` images (each
 * `none`), plus the rules that size the SVG icons drawn in their place (withoutDataImages in
 * src/map/control-icons.ts). A page whose policy allows no `data:` images would block them anyway,
 * and they are most of the file: 71.6 KB (10.2 KB gzip) with them, 16 KB (2.6 KB gzip) without.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

const ID = 'virtual:geo-story-maplibre-css';
const RESOLVED = `\0${ID}`;

export function maplibreCss(): Plugin {
  return {
    name: 'geo-story:maplibre-css',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const file = createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.css');
      this.addWatchFile(file);
      // Loaded rather than imported: see scripts/vite/compile-stories.ts.
      const { withoutDataImages } = (await tsImport(
        '../../src/map/control-icons.ts',
        import.meta.url,
      )) as typeof import('../../src/map/control-icons');
      return `export default ${JSON.stringify(withoutDataImages(await readFile(file, 'utf8')))};`;
    },
  };
}
