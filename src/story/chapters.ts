/** Reads each chapter found in a story: its block's YAML validated, its layer references checked. */
import { LANG_NAMES, type RawChapter } from './chapter-blocks';
import { validate } from './explain-zod-issues';
import { fieldName, isPlainMap, valueAt } from './field-path';
import { declared } from './front-matter';
import type { Report } from './report';
import { chapterSchema, type ChapterBlock } from './schema';
import { BASEMAP_PLACES, LANGS, type CameraTarget, type Chapter } from './types';
import { locate, readYaml, type YamlPart } from './yaml-positions';

/** Chapter ids seen so far in the file, with the line of their block, to catch duplicates. */
export type SeenChapters = Map<string, number>;

/**
 * Reads one chapter: validates its block and checks the layers it names against `layerIds` (the
 * front matter's, when usable). Gives the chapter, or none when anything about it is broken; the
 * YAML of a chapter it gives is kept in `parts`, by chapter index.
 */
export function readChapter(
  raw: RawChapter,
  layerIds: Set<string> | undefined,
  seen: SeenChapters,
  report: Report,
  parts?: Map<number, YamlPart>,
): Chapter[] {
  const prefix = `chapters[${raw.index}]`;
  let ok = !raw.broken;
  for (const lang of LANGS) {
    if (raw.bodies[lang] === undefined && !raw.broken) {
      report.error(
        raw.line,
        1,
        `${prefix}.body.${lang}`,
        `missing the ${LANG_NAMES[lang]} text: add a :::${lang} container after the chapter block`,
      );
      ok = false;
    }
  }
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
  if (!ok) return [];

  const chapter: Chapter = {
    id: block.id,
    title: block.title,
    camera: toCamera(block.camera),
    layers: [...block.layers],
    highlight: idLists(block.highlight),
    places: idLists(block.places),
    body: { 'zh-Hant': raw.bodies['zh-Hant']!, en: raw.bodies.en! },
    sources: (block.sources ?? []).map((source) => ({ title: source.title, ...(source.url && { url: source.url }) })),
    line: raw.line,
    index: raw.index,
  };
  if (block.measure) chapter.measure = { ...block.measure };
  parts?.set(raw.index, yaml.part);
  return [chapter];
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

/** The block's camera as a typed target; `fit: layer/feature` is split into its two ids. */
function toCamera(camera: ChapterBlock['camera']): CameraTarget {
  if ('fit' in camera) {
    const slash = camera.fit.indexOf('/');
    return {
      kind: 'fit',
      layer: slash < 0 ? camera.fit : camera.fit.slice(0, slash),
      ...(slash >= 0 && { feature: camera.fit.slice(slash + 1) }),
      padding: camera.padding,
      ...(camera.maxZoom !== undefined && { maxZoom: camera.maxZoom }),
      bearing: camera.bearing,
      pitch: camera.pitch,
    };
  }
  return { kind: 'view', center: [...camera.center], zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch };
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
  if ('fit' in block.camera) missing(['camera', 'fit'], block.camera.fit.split('/')[0]!);
  if (block.measure) missing(['measure', 'layer'], block.measure.layer);
  return ok;
}
