import type { Feature, FeatureCollection } from 'geojson';
import { BASEMAP_PLACES, type Lang } from '../story/types.js';
import { nameProperties } from './labels.js';

/** The name of a feature in `lang`, else in the next language that has one; undefined when it has none. */
function nameOf(feature: Feature, lang: Lang): string | undefined {
  const p = feature.properties ?? {};
  const name: unknown = nameProperties(lang)
    .map((key): unknown => p[key])
    .find((value) => value !== undefined && value !== null);
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/**
 * The names of the places a chapter names (`Chapter.places`), in `lang` and in the order the
 * chapter lists them, each once: a story layer's places are its features by id (compared as text),
 * the basemap's are its labels by `label_id`. A key whose data is not there yet gives no names.
 * @example placeNames({ basemap: ['hong-kong'] }, (key) => data.get(key), 'en'); // ['Hong Kong']
 */
export function placeNames(
  places: Readonly<Record<string, readonly (string | number)[]>>,
  data: (key: string) => FeatureCollection | undefined,
  lang: Lang,
): string[] {
  const names: string[] = [];
  for (const [key, ids] of Object.entries(places)) {
    const features = data(key)?.features ?? [];
    const idOf = (f: Feature): string | undefined => {
      const id: unknown = key === BASEMAP_PLACES ? f.properties?.label_id : f.id;
      return id === undefined || id === null ? undefined : String(id);
    };
    for (const id of ids) {
      const feature = features.find((f) => idOf(f) === String(id));
      const name = feature && nameOf(feature, lang);
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
