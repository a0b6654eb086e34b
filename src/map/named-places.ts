/**
 * Labels of the places a chapter's text names. Each story layer, and the basemap's labels, get one
 * symbol layer above every other layer, filtered to the chapter's `places`: MapLibre places the
 * symbols of higher layers first, so a named place keeps its label where the others collide, and
 * the same name in its own layer's label (drawn below) gives way to it.
 */
import type { FilterSpecification, Map as MapLibreMap, SymbolLayerSpecification } from 'maplibre-gl';
import { BASEMAP_PLACES, type Lang } from '../story/types.js';
import { BASEMAP_SOURCE } from './basemap-style.js';
import { labelFont, labelText } from './labels.js';
import type { FeatureIds } from './chapter-state.js';
import { FEATURE_ID_PROPERTY, storySourceId } from './style.js';

/** Id of the named-places layer of a story layer, or of the basemap (`basemap`). */
export function namedPlacesLayerId(key: string): string {
  return `named-places::${key}`;
}

/** The property a named place is matched on: the copied feature id, or a basemap label's `label_id`. */
const idProperty = (key: string): string => (key === BASEMAP_PLACES ? 'label_id' : FEATURE_ID_PROPERTY);

/** The filter showing exactly these places (none when empty). */
export function namedPlacesFilter(key: string, ids: FeatureIds): FilterSpecification {
  return ['in', ['to-string', ['get', idProperty(key)]], ['literal', ids.map(String)]];
}

/** The symbol layer of one key, showing nothing until a chapter names places. */
export function namedPlacesLayer(key: string, lang: Lang): SymbolLayerSpecification {
  const basemap = key === BASEMAP_PLACES;
  return {
    id: namedPlacesLayerId(key),
    type: 'symbol',
    source: basemap ? BASEMAP_SOURCE.labels : storySourceId(key),
    filter: namedPlacesFilter(key, []),
    layout: {
      'text-field': labelText(lang),
      'text-font': labelFont(lang),
      // Smaller at the low zooms of whole-region views, where named places crowd together.
      'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 10, 14],
      // Story points have a marker: the name goes beside it, or above or below where two named
      // points are close (Hung Fa Chai and Robin's Nest, 500 m apart).
      ...(basemap
        ? {}
        : {
            // Beside the marker first: a name under a marker covers the ground just south of it,
            // where a second named point may stand.
            'text-variable-anchor': [
              'left',
              'right',
              'top',
              'bottom',
              'top-left',
              'top-right',
              'bottom-left',
              'bottom-right',
            ] as const,
            'text-radial-offset': 0.9,
          }),
      // Narrow lines: long names ("Heung Yuen Wai / Liantang") wrap rather than crowd out neighbours.
      'text-max-width': 6,
    },
    paint: { 'text-color': '#111111', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  };
}

/** Adds the named-places layers for the story layers and, when the style has its labels, the basemap; returns their ids by key. */
export function addNamedPlaces(map: MapLibreMap, layerIds: readonly string[], lang: Lang): Map<string, string> {
  const keys = [...layerIds, ...(map.getSource(BASEMAP_SOURCE.labels) ? [BASEMAP_PLACES] : [])];
  const ids = new Map<string, string>();
  for (const key of keys) {
    const layer = namedPlacesLayer(key, lang);
    map.addLayer(layer);
    ids.set(key, layer.id);
  }
  return ids;
}
