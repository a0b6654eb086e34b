import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../story/types.js';

/**
 * Local font stack for labels. The style has no `glyphs` URL, so MapLibre draws glyphs with the
 * browser's own fonts (maplibre-style-spec #1068); Noto Sans CJK TC gives Traditional forms
 * where it is installed, and `sans-serif` is the fallback everywhere else.
 */
export const LABEL_FONT = ['Noto Sans CJK TC', 'Noto Sans TC', 'sans-serif'];

/** The feature property holding a name in a language. */
function nameProperty(lang: Lang): 'name_zh_hant' | 'name_en' {
  return lang === 'en' ? 'name_en' : 'name_zh_hant';
}

/**
 * A label expression: the name in `lang`, else the other language's.
 * @example labelText('en'); // ['coalesce', ['get', 'name_en'], ['get', 'name_zh_hant'], '']
 */
export function labelText(lang: Lang): ExpressionSpecification {
  const other = lang === 'en' ? 'zh-Hant' : 'en';
  return ['coalesce', ['get', nameProperty(lang)], ['get', nameProperty(other)], ''];
}

/** Switches label layers of a loaded style to the names in `lang`; ids of layers not on the map are skipped. */
export function relabel(map: MapLibreMap, layerIds: Iterable<string>, lang: Lang): void {
  for (const id of layerIds) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelText(lang));
}
