/** The embedded basemap's land tiles (scripts/vite/basemap-tiles.ts). */
declare module 'virtual:geo-story-basemap-tiles' {
  /** Where the tiles are: a folder of `{z}/{x}/{y}.pbf` files, or one PMTiles archive. */
  type Where =
    | {
        /** The tiles' folder, an absolute URL ending in `/`. */
        dir: string;
        archive?: undefined;
      }
    | {
        /** The archive's absolute URL. */
        archive: string;
        dir?: undefined;
      };
  export const BASEMAP_TILES: Where & {
    /** The source layer holding the land. */
    layer: string;
    bounds: [number, number, number, number];
    minzoom: number;
    maxzoom: number;
  };
}

/** MapLibre's stylesheet without its `data:` images (scripts/vite/maplibre-css.ts). */
declare module 'virtual:geo-story-maplibre-css' {
  const css: string;
  export default css;
}
