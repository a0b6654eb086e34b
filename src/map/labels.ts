import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../story/types.js';

/**
 * Local font stack for labels. The style has no `glyphs` URL, so MapLibre draws glyphs with the
 * browser's own fonts (maplibre-style-spec #1068); Noto Sans CJK TC gives Traditional forms
 * where it is installed, and `sans-serif` is the fallback everywhere else.
 */
export const LABEL_FONT = ['Noto Sans CJK TC', 'Noto Sans TC', 'sans-serif'];

/** The font stack for labels in `lang`: Simplified Chinese in the Mainland's glyph forms (SC), else `LABEL_FONT`. */
export function labelFont(lang: Lang): string[] {
  return lang === 'zh-Hans' ? ['Noto Sans CJK SC', 'Noto Sans SC', 'sans-serif'] : LABEL_FONT;
}

/** The feature property holding a name in each language. */
export const NAME_PROPERTIES = { 'zh-Hant': 'name_zh_hant', 'zh-Hans': 'name_zh_hans', en: 'name_en' } as const;

/**
 * The name properties to label with in `lang`, in order of preference: its own, then the other
 * Chinese script's (closer than English to a Chinese reader), then English or Traditional.
 * @example nameProperties('zh-Hans'); // ['name_zh_hans', 'name_zh_hant', 'name_en']
 */
export function nameProperties(lang: Lang): string[] {
  const order: Lang[] =
    lang === 'en'
      ? ['en', 'zh-Hant', 'zh-Hans']
      : lang === 'zh-Hans'
        ? ['zh-Hans', 'zh-Hant', 'en']
        : ['zh-Hant', 'zh-Hans', 'en'];
  return order.map((l) => NAME_PROPERTIES[l]);
}

/**
 * A label expression: the name in `lang`, else in the next language of `nameProperties(lang)`.
 * @example labelText('en'); // ['coalesce', ['get', 'name_en'], ['get', 'name_zh_hant'], ['get', 'name_zh_hans'], '']
 */
export function labelText(lang: Lang): ExpressionSpecification {
  return ['coalesce', ...nameProperties(lang).map((key): ExpressionSpecification => ['get', key]), ''];
}

/** Switches label layers of a loaded style to the names (and font) in `lang`; ids of layers not on the map are skipped. */
export function relabel(map: MapLibreMap, layerIds: Iterable<string>, lang: Lang): void {
  for (const id of layerIds) {
    if (!map.getLayer(id)) continue;
    map.setLayoutProperty(id, 'text-field', labelText(lang));
    map.setLayoutProperty(id, 'text-font', labelFont(lang));
  }
}
