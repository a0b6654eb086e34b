/** The front matter of a story: its YAML validated, group and layer ids checked, turned into story fields. */
import { validate } from './explain-zod-issues';
import { fieldName } from './field-path';
import { checkLocalized, languageList } from './languages';
import type { Report } from './report';
import { frontMatterSchema, type FrontMatter } from './schema';
import { DEFAULT_LANGUAGES, type Lang, type LayerStyle, type Story, type StoryLayer } from './types';
import { locate, readYaml, type YamlPart } from './yaml-positions';

/** What a usable front matter gives: the story's own fields, and the layer ids chapters may name. */
export interface FrontMatterResult {
  /** Everything of the story but its file and chapters. */
  story: Omit<Story, 'file' | 'chapters'>;
  /** The ids of the declared layers. */
  layerIds: Set<string>;
  /** The YAML it was read from, to locate its fields later. */
  part: YamlPart;
}

/**
 * Reads the YAML between the front matter fences; undefined (with the issues reported) when it is
 * not usable. `read.languages` gets the story's languages whenever the front matter is valid YAML
 * of the right shape, usable or not, so that chapters are checked against them all the same.
 */
export function readFrontMatter(
  source: string,
  report: Report,
  read: { languages?: readonly Lang[] } = {},
): FrontMatterResult | undefined {
  const yaml = readYaml(source, 2, 1, '', report);
  if (!yaml) return undefined;
  const { part, data } = yaml;
  const front = validate<FrontMatter>(frontMatterSchema, data, part, '', report);
  if (!front) return undefined;

  const languages = front.languages ?? [...DEFAULT_LANGUAGES];
  read.languages = languages;
  let ok = checkLanguages(front, languages, part, report);
  const firstGroup = new Map<string, number>();
  front.groups.forEach((group, i) => {
    ok = unique(firstGroup, group.id, i, part, ['groups', i, 'id'], 'group', report) && ok;
  });
  const firstLayer = new Map<string, number>();
  const used = new Set<string>();
  front.layers.forEach((layer, i) => {
    ok = unique(firstLayer, layer.id, i, part, ['layers', i, 'id'], 'layer', report) && ok;
    if (layer.group === undefined) return;
    used.add(layer.group);
    if (!firstGroup.has(layer.group)) {
      const at = locate(part, ['layers', i, 'group']);
      report.error(
        at.line,
        at.column,
        `layers[${i}].group`,
        `no group has the id "${layer.group}"; ${declared('groups', firstGroup)}`,
      );
      ok = false;
    }
  });
  front.groups.forEach((group, i) => {
    if (used.has(group.id)) return;
    const at = locate(part, ['groups', i, 'id']);
    report.warn(
      at.line,
      at.column,
      `groups[${i}].id`,
      `no layer is in the group "${group.id}", so it shows as an empty heading`,
    );
  });
  if (!ok) return undefined;

  const layers = front.layers.map((layer, i): StoryLayer => {
    const { dashWhere, ...drawn } = layer.style;
    const [where] = Object.entries(dashWhere ?? {});
    const style: LayerStyle = {
      ...drawn,
      ...(drawn.dash && { dash: [...drawn.dash] }),
      ...(where && { dashWhere: { property: where[0], value: where[1] } }),
    };
    return {
      id: layer.id,
      file: layer.file,
      ...(layer['source-layer'] !== undefined && { sourceLayer: layer['source-layer'] }),
      title: layer.title,
      ...(layer.group !== undefined && { group: layer.group }),
      style,
      line: locate(part, ['layers', i]).line,
    };
  });
  const story: FrontMatterResult['story'] = {
    id: front.id,
    title: front.title,
    ...(front.subtitle && { subtitle: front.subtitle }),
    languages,
    defaultLang: front.defaultLang ?? languages[0]!,
    basemap: front.basemap,
    groups: front.groups.map((group) => ({ id: group.id, title: group.title })),
    layers,
  };
  return { story, layerIds: new Set(firstLayer.keys()), part };
}

/**
 * Checks `languages` (each once), `defaultLang` (one of them), and that every piece of text in the
 * front matter is in each of them.
 */
function checkLanguages(front: FrontMatter, languages: Lang[], part: YamlPart, report: Report): boolean {
  let ok = true;
  languages.forEach((lang, i) => {
    if (languages.indexOf(lang) === i) return;
    const at = locate(part, ['languages', i]);
    report.error(at.line, at.column, `languages[${i}]`, `${lang} is listed twice`);
    ok = false;
  });
  if (front.defaultLang && !languages.includes(front.defaultLang)) {
    const at = locate(part, ['defaultLang']);
    report.error(
      at.line,
      at.column,
      'defaultLang',
      `${front.defaultLang} is not one of the story's languages (${languageList(languages)})`,
    );
    ok = false;
  }
  const texts: [PropertyKey[], FrontMatter['title'] | undefined][] = [
    [['title'], front.title],
    [['subtitle'], front.subtitle],
    ...front.groups.map((group, i): [PropertyKey[], FrontMatter['title']] => [['groups', i, 'title'], group.title]),
    ...front.layers.flatMap((layer, i): [PropertyKey[], FrontMatter['title'] | undefined][] => [
      [['layers', i, 'title'], layer.title],
      [['layers', i, 'style', 'dashLabel'], layer.style.dashLabel],
    ]),
  ];
  for (const [path, text] of texts) if (text && !checkLocalized(text, languages, part, path, '', report)) ok = false;
  return ok;
}

/** Records an id; reports it when an earlier item already has it. */
function unique(
  seen: Map<string, number>,
  id: string,
  index: number,
  part: YamlPart,
  path: PropertyKey[],
  what: string,
  report: Report,
): boolean {
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, index);
    return true;
  }
  const at = locate(part, path);
  const firstLine = locate(part, [path[0]!, first, 'id']).line;
  report.error(
    at.line,
    at.column,
    fieldName('', path),
    `duplicate ${what} id "${id}"; it is first used on line ${firstLine}`,
  );
  return false;
}

/** The ids a story declares, for a message about one it does not: `declared layers: a, b`. */
export function declared(what: string, ids: { keys(): Iterable<string>; size: number }): string {
  return ids.size === 0 ? `the story declares no ${what}` : `declared ${what}: ${[...ids.keys()].join(', ')}`;
}
