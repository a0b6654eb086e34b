/** The embedded basemap's land tiles (scripts/vite/basemap-tiles.ts). */
declare module 'virtual:geo-story-basemap-tiles' {
  export const BASEMAP_TILES: {
    /** The tiles' folder, relative to the module that imports this (resolve with import.meta.url). */
    dir: string;
    /** The source layer holding the land. */
    layer: string;
    bounds: [number, number, number, number];
    minzoom: number;
    maxzoom: number;
  };
}
