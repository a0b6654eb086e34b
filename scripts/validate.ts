/**
 * Checks story files and GeoJSON layers, printing `file:line:column: error|warning: field: message`.
 * For a story it also checks the layer files it names, and that each chapter's `measure` can be
 * worked out on its layer's data (the line and any named points exist).
 *
 *   npx tsx scripts/validate.ts                  # every stories/**\/*.md and geo/**\/*.geojson
 *   npx tsx scripts/validate.ts stories/gba.md   # just these files (a .md is a story, .geojson/.json GeoJSON)
 *
 * Exits 1 when any error is found; warnings alone do not fail. The checks themselves are the
 * pure functions in src/; this file only reads files and prints.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { measureProblems } from '../src/geo/chapter-measure';
import { highlightProblems } from '../src/geo/chapter-references';
import { fitProblems } from '../src/geo/fit-references';
import { BASEMAP_LABELS } from './basemap/labels';
import { BOX as BASEMAP_AREA } from './build-basemap';
import { imageIssues, type BytesResult } from './lib/image-rule';
import { checkArchive, outsideArea, tiledReferenceIssues, type TiledLayer } from './lib/tiles-rule';
import { TILES_FILE } from '../src/story/schema';
import { DEFAULT_LIMITS, asFeatureCollection, conventionFor, validateGeoJSON } from '../src/geo/validate-geojson';
import { formatBytes } from '../src/story/fetch-text';
import { fieldName } from '../src/story/field-path';
import { DEFAULT_CAPS } from '../src/story/limits';
import { utf8Length } from '../src/story/utf8-length';
import { parseStory } from '../src/story/parse';
import { chapterFieldPosition, frontMatterPosition } from '../src/story/positions';
import type { ArchiveLayer } from '../src/map/tile-archive';
import { BASEMAP_PLACES, formatIssue, sortIssues, type Chapter, type Issue, type Story } from '../src/story/types';

/** The ids a chapter's `places: {basemap: [...]}` may name. */
const BASEMAP_LABEL_IDS = new Set(BASEMAP_LABELS.map((l) => l.properties.label_id));

/** A file's text, or why it could not be read. */
export type ReadResult = { text: string } | { error: string };

/** File access for {@link checkFiles}; paths are relative to the working directory, with `/`. */
export interface FileHost {
  /** Reads a file as UTF-8. */
  read(path: string): ReadResult;
  /** Lists the files under a folder, recursively, as paths like `geo/basemap/land.geojson`. */
  list(dir: string): string[];
  /** Reads a file's bytes (an image in chapter text). */
  bytes(path: string): BytesResult;
  /** Reads `length` bytes of a file from `offset`, fewer at its end (a PMTiles archive's header and metadata). */
  slice(path: string, offset: number, length: number): BytesResult;
}

/** What a run found: issues grouped by file in the order files were checked. */
export interface CheckReport {
  /** Issues by file, each list in line order. */
  byFile: Map<string, Issue[]>;
  /** Number of distinct files checked. */
  files: number;
  errors: number;
  warnings: number;
}

/** What checking a GeoJSON file gave: its error count and, when it has none, its data; or why it could not be read. */
type Checked = { errors: number; data?: FeatureCollection } | { error: string };

const STORY = /\.md$/i;
const GEOJSON = /\.(geo)?json$/i;
// A layer given as a URL is fetched by the viewer at run time; there is nothing here to check.
const URL_LIKE = /^[a-z][a-z\d+.-]*:/i;

/** Files checked when no argument is given: all stories and all GeoJSON in geo/. */
export function defaultFiles(host: FileHost): string[] {
  // A README.md documents the folder; it is not a story.
  const stories = host.list('stories').filter((f) => STORY.test(f) && !/(^|\/)readme\.md$/i.test(f));
  // geo/reference/ holds the inputs the layers are built from and checked against, not layers.
  const layers = host.list('geo').filter((f) => /\.geojson$/i.test(f) && !f.startsWith('geo/reference/'));
  return [...stories.sort(), ...layers.sort()];
}

/** A story layer's data, read without errors, with the file it came from (relative to the cwd). */
interface LoadedLayer {
  target: string;
  data: FeatureCollection;
}

/** The layers of a story that were read without errors, by layer id. */
type LayerData = Map<string, LoadedLayer>;

/**
 * A check of a parsed story against the data of its layers. Layers not in `layers` (URLs, missing
 * or broken files) are reported where they are declared and not checked again by a rule.
 */
type StoryRule = (story: Story, layers: LayerData, host: FileHost) => Issue[];

/** An error at a field of a chapter block, located at its line and column. */
function chapterError(story: Story, chapter: Chapter, path: PropertyKey[], message: string): Issue {
  const field = fieldName(`chapters[${chapter.index}]`, path);
  return { file: story.file, ...chapterFieldPosition(story, chapter, path), field, message, severity: 'error' };
}

/** A declared measurement must be workable on its layer's data, or the chapter silently shows none. */
function measureRule(story: Story, layers: LayerData): Issue[] {
  return story.chapters.flatMap((chapter) => {
    const layer = chapter.measure && layers.get(chapter.measure.layer);
    if (!chapter.measure || !layer) return [];
    return measureProblems(chapter.measure, layer.data).map((problem) =>
      chapterError(story, chapter, ['measure', problem.field], `${layer.target}: ${problem.message}`),
    );
  });
}

/** A named place that is not there would silently get no label. */
function placesRule(story: Story, layers: LayerData): Issue[] {
  return story.chapters.flatMap((chapter) =>
    Object.entries(chapter.places).flatMap(([key, ids]) => {
      const layer = layers.get(key);
      const known =
        key === BASEMAP_PLACES
          ? BASEMAP_LABEL_IDS
          : layer && new Set(layer.data.features.filter((f) => f.geometry?.type === 'Point').map((f) => String(f.id)));
      if (!known) return [];
      const where = key === BASEMAP_PLACES ? 'the basemap has no label' : `${layer!.target} has no Point feature`;
      return ids.flatMap((id, i) =>
        known.has(String(id)) ? [] : [chapterError(story, chapter, ['places', key, i], `${where} with the id "${id}"`)],
      );
    }),
  );
}

/** A highlighted feature that is not in its layer would silently draw nothing. */
function highlightRule(story: Story, layers: LayerData): Issue[] {
  return [...layers].flatMap(([id, layer]) => highlightProblems(story, id, layer.data, layer.target));
}

/** A fit naming a feature its layer lacks would silently frame the rest, or leave the camera where it was. */
function fitRule(story: Story, layers: LayerData): Issue[] {
  const data = (id: string) => layers.get(id)?.data;
  return [...layers].flatMap(([id, layer]) => fitProblems(story, id, data, layer.target));
}

/** The checks run on every story whose layers could be read; each reports at the field at fault. */
/** An image in chapter text without alt text or a declared size, or whose file is missing or of another shape. */
function imageRule(story: Story, _layers: LayerData, host: FileHost): Issue[] {
  return imageIssues(story, (path) => host.bytes(path));
}

const STORY_RULES: StoryRule[] = [measureRule, placesRule, highlightRule, fitRule, imageRule];

/**
 * A story's PMTiles layer: its archive readable, holding the source layer, and (under the embedded
 * basemap) inside the basemap's area; the archive's reading, or the issue at the layer's field.
 */
function archiveIssue(
  story: Story,
  index: number,
  target: string,
  slice: (offset: number, length: number) => BytesResult,
): Issue | { archive: ArchiveLayer } {
  const layer = story.layers[index]!;
  const at = (field: 'file' | 'source-layer') => ({
    file: story.file,
    ...frontMatterPosition(story, ['layers', index, field]),
    field: `layers[${index}].${field}`,
    severity: 'error' as const,
  });
  const checked = checkArchive(slice, layer.sourceLayer ?? '');
  if ('message' in checked) return { ...at(checked.field), message: `${target}: ${checked.message}` };
  const { bounds } = checked.layer;
  if (story.basemap === 'offline' && outsideArea(bounds, BASEMAP_AREA))
    return {
      ...at('file'),
      message: `${target}: the archive's bounds [${bounds.join(', ')}] reach outside the embedded basemap's area [${BASEMAP_AREA.join(', ')}]`,
    };
  return { archive: checked.layer };
}

/** Checks stories (and the layers they name) and GeoJSON files. */
export function checkFiles(paths: string[], host: FileHost): CheckReport {
  const byFile = new Map<string, Issue[]>();
  const add = (file: string, issues: Issue[]) => {
    const list = byFile.get(file) ?? [];
    list.push(...issues);
    byFile.set(file, list);
  };
  const fileError = (file: string, message: string): Issue => ({
    file,
    line: 1,
    field: '',
    message,
    severity: 'error',
  });
  // What each GeoJSON file gave, so a layer shared by several stories is read and reported once.
  const checked = new Map<string, Checked>();

  /** Validates a GeoJSON file; a read failure is reported here only when `report` is set. */
  const checkGeoJSON = (file: string, report: boolean): Checked => {
    const known = checked.get(file);
    if (known !== undefined) return known;
    const read = host.read(file);
    let result: Checked;
    if ('error' in read) {
      if (report) add(file, [fileError(file, read.error)]);
      result = read;
    } else {
      const { data, issues } = validateGeoJSON(read.text, file, { convention: conventionFor(file) });
      add(file, issues);
      const errors = issues.filter((i) => i.severity === 'error').length;
      result = errors === 0 && data ? { errors, data: asFeatureCollection(data) } : { errors };
    }
    checked.set(file, result);
    return result;
  };

  const checkStory = (file: string): void => {
    const read = host.read(file);
    if ('error' in read) {
      add(file, [fileError(file, read.error)]);
      return;
    }
    // As the viewer, which stops reading a story file past this many bytes.
    const bytes = utf8Length(read.text);
    if (bytes > DEFAULT_CAPS.storyBytes) {
      const sizes = `${formatBytes(bytes)}, more than ${formatBytes(DEFAULT_CAPS.storyBytes)}`;
      add(file, [fileError(file, `the story file is ${sizes} (limits.storyBytes); move data into layer files`)]);
      return;
    }
    const { story, issues } = parseStory(read.text, file);
    add(file, issues);
    const layerData: LayerData = new Map();
    const tiled = new Map<string, TiledLayer>();
    story?.layers.forEach((layer, i) => {
      const at = { file, ...frontMatterPosition(story, ['layers', i, 'file']), field: `layers[${i}].file` };
      if (URL_LIKE.test(layer.file) || layer.file.startsWith('/')) {
        add(file, [
          { ...at, message: `${layer.file} is not a relative path, so it is not checked`, severity: 'warning' },
        ]);
        return;
      }
      const target = posix.normalize(posix.join(posix.dirname(file), layer.file));
      if (TILES_FILE.test(layer.file)) {
        const issue = archiveIssue(story, i, target, (o, n) => host.slice(target, o, n));
        if ('archive' in issue) tiled.set(layer.id, { target, archive: issue.archive });
        else add(file, [issue]);
        return;
      }
      // A missing layer is the story's mistake, so it is reported once, at the layer's line.
      const result = checkGeoJSON(target, false);
      if ('error' in result) {
        add(file, [{ ...at, message: `${target}: ${result.error}`, severity: 'error' }]);
      } else if (result.errors > 0) {
        const { errors } = result;
        add(file, [
          { ...at, message: `the layer file ${target} has ${errors} error${errors > 1 ? 's' : ''}`, severity: 'error' },
        ]);
      } else if (result.data) {
        layerData.set(layer.id, { target, data: result.data });
      }
    });
    if (story) for (const rule of STORY_RULES) add(file, rule(story, layerData, host));
    if (story) add(file, tiledReferenceIssues(story, tiled));
  };

  for (const file of paths) {
    if (byFile.has(file)) continue;
    if (STORY.test(file)) checkStory(file);
    else if (GEOJSON.test(file)) checkGeoJSON(file, true);
    else add(file, [fileError(file, 'not a story (.md) or GeoJSON (.geojson, .json) file')]);
  }

  let errors = 0;
  let warnings = 0;
  for (const issues of byFile.values()) {
    sortIssues(issues);
    for (const issue of issues) {
      if (issue.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { byFile, files: byFile.size, errors, warnings };
}

/** The report as printed: one line per issue, then the summary line. */
export function formatReport(report: CheckReport): string[] {
  const lines = [...report.byFile.values()].flat().map(formatIssue);
  lines.push(`${report.files} files checked, ${report.errors} errors, ${report.warnings} warnings`);
  return lines;
}

/** A file's bytes, or why they could not be read. */
function readBytes(path: string): BytesResult {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { error: 'not a file' };
    // Checked before reading: a huge file is refused without loading it into memory.
    if (stat.size > DEFAULT_LIMITS.maxBytes) {
      return { error: `file is larger than ${DEFAULT_LIMITS.maxBytes} bytes; split or simplify it` };
    }
    return { bytes: readFileSync(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(e)})` };
  }
}

/** Reads part of a file, whatever its size. */
function readSlice(path: string, offset: number, length: number): BytesResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = new Uint8Array(length);
    const read = readSync(fd, bytes, 0, length, offset);
    return { bytes: bytes.subarray(0, read) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(e)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Node's file system, seen from `cwd`. */
export function nodeHost(cwd: string): FileHost {
  return {
    read(path) {
      const read = readBytes(resolve(cwd, path));
      return 'bytes' in read ? { text: Buffer.from(read.bytes).toString('utf8') } : read;
    },
    bytes: (path) => readBytes(resolve(cwd, path)),
    slice: (path, offset, length) => readSlice(resolve(cwd, path), offset, length),
    list(dir) {
      try {
        const entries = readdirSync(resolve(cwd, dir), { recursive: true, withFileTypes: true });
        return entries.filter((e) => e.isFile()).map((e) => toDisplay(relative(cwd, resolve(e.parentPath, e.name))));
      } catch {
        return []; // no such folder: nothing to check
      }
    },
  };
}

/** A path as shown and as keyed: relative to the cwd, with `/` on every platform. */
function toDisplay(path: string): string {
  return posix.normalize(path.split(sep).join('/'));
}

/** Runs the CLI; gives the exit code. */
export function main(args: string[], cwd = process.cwd(), write: (line: string) => void = console.log): number {
  const host = nodeHost(cwd);
  const files = args.length ? args.map((a) => toDisplay(relative(cwd, resolve(cwd, a)))) : defaultFiles(host);
  const report = checkFiles(files, host);
  for (const line of formatReport(report)) write(line);
  return report.errors > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
