/** Reads each chapter found in a story: its block's YAML validated, its layer references checked. */
import type { RawChapter } from './chapter-blocks';
import { validate } from './explain-zod-issues';
import { fieldName, isPlainMap, valueAt } from './field-path';
import { declared } from './front-matter';
import { checkLocalized, LANG_NAMES, languageList, missingLanguages } from './languages';
import type { Report } from './report';
import { chapterSchema, FIT_MEASURE, type ChapterBlock } from './schema';
import {
  BASEMAP_PLACES,
  LANGS,
  type CameraTarget,
  type Chapter,
  type ChapterMeasure,
  type FitTarget,
  type Lang,
  type Localized,
} from './types';

type FitCameraBlock = Extract<ChapterBlock['camera'], { fit: unknown }>;
import { locate, readYaml, type YamlPart } from './yaml-positions';

/** Chapter ids seen so far in the file, with the line of their block, to catch duplicates. */
export type SeenChapters = Map<string, number>;

/**
 * Reads one chapter: validates its block, checks its text is in each of `languages` (the story's)
 * and the layers it names against `layerIds` (the front matter's, when usable). Gives the
 * chapter, or none when anything about it is broken; the YAML of a chapter it gives is kept in
 * `parts`, by chapter index.
 */
export function readChapter(
  raw: RawChapter,
  layerIds: Set<string> | undefined,
  languages: readonly Lang[],
  seen: SeenChapters,
  report: Report,
  parts?: Map<number, YamlPart>,
): Chapter[] {
  const prefix = `chapters[${raw.index}]`;
  let ok = !raw.broken && checkBodies(raw, languages, prefix, report);
  if (raw.unclosed) return [];
  const yaml = readYaml(raw.yaml, raw.line + 1, raw.line, prefix, report);
  if (!yaml) return [];
  const block = validate<ChapterBlock>(chapterSchema, yaml.data, yaml.part, prefix, report);
  if (!block) return [];

  const first = seen.get(block.id);
  if (first !== undefined) {
    const at = locate(yaml.part, ['id']);
    report.error(
      at.line,
      at.column,
      `${prefix}.id`,
      `duplicate chapter id "${block.id}"; it is first used on line ${first}`,
    );
    ok = false;
  } else {
    seen.set(block.id, raw.line);
  }
  if (layerIds && !checkReferences(block, yaml.data, yaml.part, prefix, layerIds, report)) ok = false;
  const texts: [PropertyKey[], Localized][] = [
    [['title'], block.title],
    ...(block.sources ?? []).map((source, i): [PropertyKey[], Localized] => [['sources', i, 'title'], source.title]),
  ];
  for (const [path, text] of texts) if (!checkLocalized(text, languages, yaml.part, path, prefix, report)) ok = false;
  if (!ok) return [];

  const chapter: Chapter = {
    id: block.id,
    title: block.title,
    camera: toCamera(block, yaml.part, prefix),
    layers: [...block.layers],
    highlight: idLists(block.highlight),
    places: idLists(block.places),
    body: Object.fromEntries(languages.flatMap((lang) => (raw.bodies[lang] ? [[lang, raw.bodies[lang]]] : []))),
    sources: (block.sources ?? []).map((source) => ({ title: source.title, ...(source.url && { url: source.url }) })),
    line: raw.line,
    index: raw.index,
  };
  if (block.measure) chapter.measure = { ...block.measure };
  parts?.set(raw.index, yaml.part);
  return [chapter];
}

/**
 * Checks the chapter has text in each of the story's languages (Simplified may be left to
 * conversion where Traditional is given), and warns of text in a language the story does not offer.
 */
function checkBodies(raw: RawChapter, languages: readonly Lang[], prefix: string, report: Report): boolean {
  const missing = missingLanguages((lang) => raw.bodies[lang] !== undefined, languages);
  for (const lang of missing)
    report.error(
      raw.line,
      1,
      `${prefix}.body.${lang}`,
      `missing the ${LANG_NAMES[lang]} text, one of the story's languages (${languageList(languages)}): add a :::${lang} container after the chapter block`,
    );
  for (const lang of LANGS)
    if (raw.bodies[lang] !== undefined && !languages.includes(lang))
      report.warn(
        raw.bodyLines[lang]! - 1,
        1,
        `${prefix}.body.${lang}`,
        `the :::${lang} text is not shown: ${lang} is not one of the story's languages (${languageList(languages)}); add it to languages to offer it`,
      );
  return missing.length === 0;
}

/**
 * A copy of a map from layer id to feature ids (`highlight`, `places`), as a null-prototype
 * object: its keys come from the file, and "__proto__" must stay a plain key.
 */
function idLists(lists: Record<string, readonly (string | number)[]> | undefined): Record<string, (string | number)[]> {
  const copy: Record<string, (string | number)[]> = Object.create(null);
  for (const [layer, ids] of Object.entries(lists ?? {})) copy[layer] = [...ids];
  return copy;
}

/** The block's camera as a typed target: each fit reference located, `layer/feature` split, padding per side. */
function toCamera(block: ChapterBlock, part: YamlPart, prefix: string): CameraTarget {
  const { camera } = block;
  const { bearing, pitch, essential } = camera;
  if (!('fit' in camera))
    return { kind: 'view', center: [...camera.center], zoom: camera.zoom, bearing, pitch, essential };
  const padding =
    typeof camera.padding === 'number'
      ? { top: camera.padding, right: camera.padding, bottom: camera.padding, left: camera.padding }
      : { top: 0, right: 0, bottom: 0, left: 0, ...camera.padding };
  return {
    kind: 'fit',
    fit: fitTargets(camera.fit, block.measure, part, prefix),
    padding,
    ...(camera.maxZoom !== undefined && { maxZoom: camera.maxZoom }),
    bearing,
    pitch,
    essential,
  };
}

/** The targets of `fit`: a box, or each reference (a layer, a feature, or `measure`) with where it is written. */
function fitTargets(
  fit: FitCameraBlock['fit'],
  measure: ChapterMeasure | undefined,
  part: YamlPart,
  prefix: string,
): FitTarget[] {
  if (typeof fit[0] === 'number') {
    const [west, south, east, north] = fit as readonly number[] as [number, number, number, number];
    return [{ kind: 'bbox', bbox: [west, south, east, north] }];
  }
  const refs = typeof fit === 'string' ? [fit] : (fit as readonly string[]);
  return refs.map((ref, i): FitTarget => {
    const path = typeof fit === 'string' ? ['camera', 'fit'] : ['camera', 'fit', i];
    const at = { ...locate(part, path), field: fieldName(prefix, path) };
    // Only a chapter with a measure gets here with `fit: measure` (checkReferences).
    if (ref === FIT_MEASURE && measure) return { kind: 'measure', measure: { ...measure }, at };
    const slash = ref.indexOf('/');
    if (slash < 0) return { kind: 'layer', layer: ref, at };
    return { kind: 'layer', layer: ref.slice(0, slash), feature: ref.slice(slash + 1), at };
  });
}

/** The layer ids a block's `fit` names, with the path of each reference (`measure` and boxes name none). */
function fitLayers(camera: ChapterBlock['camera']): { path: PropertyKey[]; ref: string }[] {
  if (!('fit' in camera) || typeof camera.fit[0] === 'number') return [];
  if (typeof camera.fit === 'string') return [{ path: ['camera', 'fit'], ref: camera.fit }];
  return (camera.fit as readonly string[]).map((ref, i) => ({ path: ['camera', 'fit', i], ref }));
}

/** Checks that every layer a chapter names is declared in the front matter. */
function checkReferences(
  block: ChapterBlock,
  data: unknown,
  part: YamlPart,
  prefix: string,
  layerIds: Set<string>,
  report: Report,
): boolean {
  let ok = true;
  const missing = (path: PropertyKey[], id: string, atKey = false) => {
    if (layerIds.has(id)) return;
    const at = locate(part, path, atKey);
    report.error(
      at.line,
      at.column,
      fieldName(prefix, path),
      `no layer has the id "${id}"; ${declared('layers', layerIds)}`,
    );
    ok = false;
  };
  const listed = new Set<string>();
  block.layers.forEach((id, i) => {
    missing(['layers', i], id);
    if (listed.has(id)) {
      const at = locate(part, ['layers', i]);
      report.warn(at.line, at.column, fieldName(prefix, ['layers', i]), `the layer "${id}" is listed twice`);
    }
    listed.add(id);
  });
  // Keys are read from the YAML's own map: the schema's output silently leaves out "__proto__".
  const highlight = valueAt(data, ['highlight']).value;
  if (isPlainMap(highlight)) {
    for (const id of Object.keys(highlight)) {
      if (!layerIds.has(id)) missing(['highlight', id], id, true);
      else if (!listed.has(id)) {
        const at = locate(part, ['highlight', id], true);
        report.warn(
          at.line,
          at.column,
          fieldName(prefix, ['highlight', id]),
          `the layer "${id}" is highlighted but not in this chapter's layers, so the highlight is not seen`,
        );
      }
    }
  }
  const places = valueAt(data, ['places']).value;
  if (isPlainMap(places))
    for (const id of Object.keys(places)) if (id !== BASEMAP_PLACES) missing(['places', id], id, true);
  for (const { path, ref } of fitLayers(block.camera)) {
    if (ref !== FIT_MEASURE) missing(path, ref.split('/')[0]!);
    else if (!block.measure) {
      const at = locate(part, path);
      report.error(
        at.line,
        at.column,
        fieldName(prefix, path),
        "fit: measure frames the chapter's measured stretch, but this chapter has no measure",
      );
      ok = false;
    }
  }
  if (block.measure) missing(['measure', 'layer'], block.measure.layer);
  return ok;
}
