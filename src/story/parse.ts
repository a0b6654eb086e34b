/**
 * Turns a story file (docs/story-format.md) into a typed `Story` plus every problem found, each
 * located at the line and column of the original file where the author has to fix it.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { parseLang } from './lang';
import { chapterSchema, frontMatterSchema, type ChapterBlock, type FrontMatter } from './schema';
import {
  LANGS,
  type CameraTarget,
  type Chapter,
  type Issue,
  type Lang,
  type LayerStyle,
  type ParseResult,
  type Story,
  type StoryLayer,
  sortIssues,
} from './types';
import { utf8Length } from './utf8-length';

/** Largest story file accepted, in UTF-8 bytes; a story is text, not a data dump. */
export const MAX_STORY_BYTES = 2 * 1024 * 1024;

/** Most YAML alias expansions accepted per document, against "billion laughs" style input. */
export const MAX_YAML_ALIASES = 100;

const LANG_NAMES: Record<Lang, string> = { 'zh-Hant': 'Traditional Chinese', en: 'English' };

// CommonMark fences: up to three spaces of indentation, then three or more backticks or tildes.
const CHAPTER_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*chapter[ \t]*$/;
const ANY_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_OPEN = /^ {0,3}:::[ \t]*([^\s:]\S*)[ \t]*$/;
const CONTAINER_CLOSE = /^ {0,3}:::[ \t]*$/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

/** Reads a story file; see docs/story-format.md for the format and the error policy. */
export function parseStory(text: string, file: string): ParseResult {
  const report = new Report(file);
  const size = utf8Length(text);
  if (size > MAX_STORY_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    report.error(1, undefined, '', `the file is ${mb} MB; a story file may be at most 2 MB`);
    return report.result();
  }
  // Lines are counted the way editors count them: a BOM is not a character, CR LF and lone CR end a line.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);

  if (!FRONT_MATTER_FENCE.test(lines[0] ?? '')) {
    report.error(1, 1, '', 'missing front matter: the file must start with a line "---", then YAML, then "---"');
    return report.result();
  }
  const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_FENCE.test(line));
  if (close < 0) {
    report.error(1, 1, '', 'the front matter is not closed: add a line "---" after its YAML');
    return report.result();
  }

  const front = readFrontMatter(lines.slice(1, close).join('\n'), report);
  const blocks = splitChapters(lines, close + 1, report);
  if (blocks.length === 0) {
    report.error(close + 1, 1, 'chapters', 'the story has no chapters: add a ```chapter block after the front matter');
  }
  const seen: SeenChapters = new Map();
  const chapters = blocks.flatMap((block) => readChapter(block, front?.layerIds, seen, report));
  // Nothing to show without a usable front matter or a single usable chapter.
  if (!front || chapters.length === 0) return report.result();
  return report.result({ ...front.story, file, chapters });
}

/** Collects issues; sorted by position when handed out, so they read top to bottom. */
class Report {
  private readonly issues: Issue[] = [];

  constructor(private readonly file: string) {}

  error(line: number, column: number | undefined, field: string, message: string): void {
    this.add('error', line, column, field, message);
  }

  warn(line: number, column: number | undefined, field: string, message: string): void {
    this.add('warning', line, column, field, message);
  }

  result(story?: Story): ParseResult {
    const issues = sortIssues([...this.issues]);
    return story ? { story, issues } : { issues };
  }

  private add(severity: Issue['severity'], line: number, column: number | undefined, field: string, message: string) {
    const issue: Issue = { file: this.file, line, field, message, severity };
    if (column !== undefined) issue.column = column;
    this.issues.push(issue);
  }
}

// ---------------------------------------------------------------------------------------------
// YAML with positions

/** A YAML document and where its text starts in the story file. */
interface YamlPart {
  doc: Document;
  lines: LineCounter;
  /** File line of the YAML text's first line. */
  firstLine: number;
  /** File line to blame when the document is empty (the opening fence). */
  fenceLine: number;
}

interface Position {
  line: number;
  column: number;
}

function positionOf(part: YamlPart, offset: number | undefined): Position {
  if (offset === undefined || part.doc.contents === null) return { line: part.fenceLine, column: 1 };
  const { line, col } = part.lines.linePos(offset);
  return { line: line + part.firstLine - 1, column: col };
}

/** Parses YAML; reports syntax errors and returns undefined when the text is not usable YAML. */
function readYaml(
  source: string,
  firstLine: number,
  fenceLine: number,
  field: string,
  report: Report,
): { part: YamlPart; data: unknown } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const part: YamlPart = { doc, lines, firstLine, fenceLine };
  for (const warning of doc.warnings) {
    const at = positionOf(part, warning.pos[0]);
    report.warn(at.line, at.column, field, `YAML: ${warning.message}`);
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = positionOf(part, error.pos[0]);
      const message = error.code === 'DUPLICATE_KEY' ? 'a key appears twice in the same map' : error.message;
      report.error(at.line, at.column, field, `invalid YAML: ${message}`);
    }
    return undefined;
  }
  try {
    return { part, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    // yaml throws a ReferenceError for alias expansion past the limit; anything else is a bug to surface.
    if (!(error instanceof ReferenceError)) throw error;
    const message = /excessive alias/i.test(error.message)
      ? `more than ${MAX_YAML_ALIASES} alias expansions (*name)`
      : error.message;
    report.error(firstLine, 1, field, `invalid YAML: ${message}`);
    return undefined;
  }
}

/**
 * Finds where a field lives in the YAML. `key` points at a map key rather than its value;
 * a field that does not exist points at the map that should hold it (at the key naming that map
 * when it has one, which is the line an author looks for).
 */
function locate(part: YamlPart, path: readonly PropertyKey[], key = false): Position {
  let node: unknown = part.doc.contents;
  let naming: { range?: [number, number, number] | null } | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isAlias(node)) node = node.resolve(part.doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isScalar(pair.key)) return positionOf(part, (naming ?? (node as Ranged)).range?.[0]);
      if (key && i === path.length - 1) return positionOf(part, pair.key.range?.[0]);
      // `key:` with nothing after it has no value node; the key is the place.
      if (pair.value === null) return positionOf(part, pair.key.range?.[0]);
      naming = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      naming = undefined;
      node = node.items[segment];
    } else {
      return positionOf(part, (naming ?? (node as Ranged | null))?.range?.[0]);
    }
  }
  return positionOf(part, (node as Ranged | null)?.range?.[0]);
}

interface Ranged {
  range?: [number, number, number] | null;
}

// ---------------------------------------------------------------------------------------------
// Zod issues in plain English

/** The parts of a zod schema definition the error explainer walks. */
interface SchemaDef {
  type: string;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
  items?: SchemaLike[];
  valueType?: SchemaLike;
  innerType?: SchemaLike;
  options?: SchemaLike[];
}

interface SchemaLike {
  _zod: { def: SchemaDef };
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly']);

function unwrap(schema: SchemaLike | undefined): SchemaLike | undefined {
  let current = schema;
  while (current && WRAPPERS.has(current._zod.def.type) && current._zod.def.innerType) {
    current = current._zod.def.innerType;
  }
  return current;
}

function schemaAt(schema: SchemaLike | undefined, path: readonly PropertyKey[]): SchemaLike | undefined {
  let current = unwrap(schema);
  for (const segment of path) {
    const def = current?._zod.def;
    if (!def) return undefined;
    if (def.type === 'object')
      current = def.shape && Object.hasOwn(def.shape, segment) ? def.shape[String(segment)] : undefined;
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'tuple') current = def.items?.[Number(segment)];
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    current = unwrap(current);
  }
  return current;
}

function keysOf(schema: SchemaLike | undefined): string[] {
  const def = unwrap(schema)?._zod.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The input value at a path, and whether it is there at all (a `key:` with no value is there, as null). */
function valueAt(data: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number' && segment < value.length) value = value[segment];
    else if (isPlainMap(value) && Object.hasOwn(value, segment)) value = value[String(segment)];
    else return { present: false, value: undefined };
  }
  return { present: true, value };
}

/** Names a value the way an author wrote it, briefly. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'empty text';
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty map' : 'a map';
  return String(value);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The known key an unknown one most likely meant: same letters ignoring case and separators, or one or two typos. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | undefined;
  let bestDistance = fold(word).length <= 4 ? 1 : 2;
  for (const candidate of candidates) {
    const d = distance(fold(word), fold(candidate));
    if (d === 0) return candidate;
    if (d <= bestDistance) {
      if (d < bestDistance || best === undefined) best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** One schema problem, before it is located. */
interface Problem {
  path: PropertyKey[];
  /** Blame the key itself (an unknown or invalid key) rather than its value. */
  atKey: boolean;
  message: string;
  /** For an unknown key: the known key it probably meant. */
  meant?: PropertyKey[];
  missing?: boolean;
}

/**
 * Chooses the union member the author was aiming at: one whose type matches and, for maps, that
 * shares the most keys with the input; ties go to the member with fewer problems.
 */
function chooseMember(branches: z.core.$ZodIssue[][], members: SchemaLike[], value: unknown): number | undefined {
  let chosen: number | undefined;
  let best = { shared: -1, cost: Infinity };
  branches.forEach((issues, i) => {
    if (issues.some((issue) => issue.path.length === 0 && issue.code === 'invalid_type')) return;
    const keys = keysOf(members[i]);
    const shared = isPlainMap(value) ? Object.keys(value).filter((key) => keys.includes(key)).length : 0;
    if (isPlainMap(value) && keys.length > 0 && shared === 0) return;
    const cost = issues.reduce((n, issue) => n + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1), 0);
    if (shared > best.shared || (shared === best.shared && cost < best.cost)) {
      best = { shared, cost };
      chosen = i;
    }
  });
  return chosen;
}

function explain(
  issues: readonly z.core.$ZodIssue[],
  schema: SchemaLike | undefined,
  base: readonly PropertyKey[],
  data: unknown,
  out: Problem[],
): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    const { present, value } = valueAt(data, path);
    if (issue.code === 'invalid_union') {
      const members = unwrap(schemaAt(schema, issue.path))?._zod.def.options ?? [];
      const chosen = chooseMember(issue.errors, members, value);
      if (chosen !== undefined) {
        explain(issue.errors[chosen]!, members[chosen], path, data, out);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const known = keysOf(schemaAt(schema, issue.path));
      for (const key of issue.keys) {
        const meant = closest(key, known);
        const message = meant
          ? `unknown field; did you mean "${meant}"?`
          : `unknown field; expected one of ${known.join(', ')}`;
        out.push({ path: [...path, key], atKey: true, message, ...(meant && { meant: [...path, meant] }) });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const reason = issue.issues[0]?.message ?? 'invalid key';
      out.push({ path, atKey: true, message: `the key ${describe(path.at(-1))} is not valid: ${reason}` });
      continue;
    }
    if (!present) {
      out.push({ path, atKey: false, missing: true, message: `missing; ${issue.message}` });
      continue;
    }
    out.push({ path, atKey: false, message: `${issue.message}, got ${describe(value)}` });
  }
}

/** Renders `['layers', 1, 'style']` as `layers[1].style`, under an optional prefix. */
function fieldName(prefix: string, path: readonly PropertyKey[]): string {
  let name = prefix;
  for (const segment of path) {
    name += typeof segment === 'number' ? `[${segment}]` : `${name ? '.' : ''}${String(segment)}`;
  }
  return name;
}

/** Validates data against a schema and reports each problem at its place in the YAML. */
function validate<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  part: YamlPart,
  prefix: string,
  report: Report,
): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems: Problem[] = [];
  explain(result.error.issues, schema as unknown as SchemaLike, [], data, problems);
  // "did you mean zoom" already explains why zoom is missing; saying both is noise.
  const meant = new Set(problems.flatMap((p) => (p.meant ? [fieldName('', p.meant)] : [])));
  for (const problem of problems) {
    if (problem.missing && meant.has(fieldName('', problem.path))) continue;
    const at = locate(part, problem.path, problem.atKey);
    report.error(at.line, at.column, fieldName(prefix, problem.path), problem.message);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Front matter

interface FrontMatterResult {
  story: Omit<Story, 'file' | 'chapters'>;
  layerIds: Set<string>;
}

function readFrontMatter(source: string, report: Report): FrontMatterResult | undefined {
  const yaml = readYaml(source, 2, 1, '', report);
  if (!yaml) return undefined;
  const { part, data } = yaml;
  const front = validate<FrontMatter>(frontMatterSchema, data, part, '', report);
  if (!front) return undefined;

  let ok = true;
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
    defaultLang: front.defaultLang,
    basemap: front.basemap,
    groups: front.groups.map((group) => ({ id: group.id, title: group.title })),
    layers,
  };
  return { story, layerIds: new Set(firstLayer.keys()) };
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

function declared(what: string, ids: { keys(): Iterable<string>; size: number }): string {
  return ids.size === 0 ? `the story declares no ${what}` : `declared ${what}: ${[...ids.keys()].join(', ')}`;
}

// ---------------------------------------------------------------------------------------------
// Chapters

/** A chapter as found in the file: its block's YAML and its language containers. */
interface RawChapter {
  index: number;
  /** File line of the opening fence. */
  line: number;
  yaml: string;
  bodies: Partial<Record<Lang, string>>;
  /** Set when the Markdown structure around the block is broken; the chapter is dropped. */
  broken: boolean;
  /** Set when the block has no closing fence: its "YAML" is the rest of the file, not worth reading. */
  unclosed?: boolean;
}

function isLang(tag: string): tag is Lang {
  return (LANGS as readonly string[]).includes(tag);
}

/** Trims blank lines at both ends; inner blank lines are Markdown paragraph breaks. */
function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n');
}

/** Whether `line` closes a code fence opened by `open` (same character, at least as long). */
function closesFence(line: string, open: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!match && match[1]![0] === open[0] && match[1]!.length >= open.length;
}

/** Splits the body into chapters by lines; Markdown itself is not parsed here. */
function splitChapters(lines: string[], start: number, report: Report): RawChapter[] {
  const chapters: RawChapter[] = [];
  let current: RawChapter | undefined;
  let warned = false;
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = CHAPTER_FENCE.exec(line);
    if (fence) {
      const index = chapters.length;
      let end = i + 1;
      while (end < lines.length && !closesFence(lines[end]!, fence[1]!)) end++;
      current = { index, line: i + 1, yaml: lines.slice(i + 1, end).join('\n'), bodies: {}, broken: false };
      chapters.push(current);
      warned = false;
      if (end >= lines.length) {
        const marker = fence[1]!;
        report.error(
          i + 1,
          1,
          `chapters[${index}]`,
          `the chapter block opened here is not closed: add a line "${marker}" after its YAML`,
        );
        current.broken = true;
        current.unclosed = true;
        break;
      }
      i = end + 1;
      continue;
    }
    const open = current && CONTAINER_OPEN.exec(line);
    if (current && open) {
      i = readContainer(lines, i, open[1]!, current, report);
      warned = false;
      continue;
    }
    if (line.trim() !== '' && !warned) {
      report.warn(
        i + 1,
        1,
        '',
        'text outside a chapter is ignored; chapter text goes in a :::zh-Hant or :::en container after its ```chapter block',
      );
      warned = true;
    }
    i++;
  }
  return chapters;
}

/** Reads one `:::tag` container starting at line index `i`; returns the index to continue from. */
function readContainer(lines: string[], i: number, tag: string, chapter: RawChapter, report: Report): number {
  const field = `chapters[${chapter.index}].body.${tag}`;
  let end = i + 1;
  let codeFence: string | undefined;
  let closed = false;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (codeFence) {
      if (closesFence(line, codeFence)) codeFence = undefined;
      continue;
    }
    if (CONTAINER_CLOSE.test(line)) {
      closed = true;
      break;
    }
    // The next chapter or language starting means this container was left open.
    if (CHAPTER_FENCE.test(line)) break;
    const next = CONTAINER_OPEN.exec(line);
    if (next && (isLang(next[1]!) || parseLang(next[1]))) break;
    codeFence = ANY_FENCE.exec(line)?.[1];
  }
  if (!closed) {
    report.error(i + 1, 1, field, `the :::${tag} container opened here is not closed: add a line ":::" after its text`);
    chapter.broken = true;
    return end;
  }
  if (!isLang(tag)) {
    const lang = parseLang(tag);
    const hint = lang ? `; write :::${lang}` : '';
    report.error(i + 1, 1, field, `unknown language "${tag}": expected :::zh-Hant or :::en${hint}`);
    chapter.broken = true;
  } else if (chapter.bodies[tag] !== undefined) {
    report.error(
      i + 1,
      1,
      field,
      `a second :::${tag} container in this chapter; put all its ${LANG_NAMES[tag]} text in one`,
    );
    chapter.broken = true;
  } else {
    const body = trimBlankLines(lines.slice(i + 1, end));
    if (body === '') {
      report.error(i + 1, 1, field, `the :::${tag} container has no text`);
      chapter.broken = true;
    }
    chapter.bodies[tag] = body;
  }
  return end + 1;
}

/** Chapter ids seen so far in the file, with the line of their block, to catch duplicates. */
type SeenChapters = Map<string, number>;

function readChapter(
  raw: RawChapter,
  layerIds: Set<string> | undefined,
  seen: SeenChapters,
  report: Report,
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

  // A null-prototype map: its keys come from the file, and "__proto__" must stay a plain key.
  const highlight: Record<string, (string | number)[]> = Object.create(null);
  for (const [layer, ids] of Object.entries(block.highlight ?? {})) highlight[layer] = [...ids];
  const chapter: Chapter = {
    id: block.id,
    title: block.title,
    camera: toCamera(block.camera),
    layers: [...block.layers],
    highlight,
    body: { 'zh-Hant': raw.bodies['zh-Hant']!, en: raw.bodies.en! },
    sources: (block.sources ?? []).map((source) => ({ title: source.title, ...(source.url && { url: source.url }) })),
    line: raw.line,
    index: raw.index,
  };
  if (block.measure) chapter.measure = { ...block.measure };
  return [chapter];
}

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
  if ('fit' in block.camera) missing(['camera', 'fit'], block.camera.fit.split('/')[0]!);
  if (block.measure) missing(['measure', 'layer'], block.measure.layer);
  return ok;
}
