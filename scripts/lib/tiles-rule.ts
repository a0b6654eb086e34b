/**
 * What `npm run validate` checks of a story layer drawn from a PMTiles archive: the header (read
 * by the `pmtiles` package's own parser), the metadata, the source layer, the bounds, and the
 * chapter fields a tiled layer cannot serve. Only the first 16 KiB and the metadata are read, so
 * an archive of any size is checked at once.
 */
import { gunzipSync } from 'node:zlib';
import { bytesToHeader, type Header } from 'pmtiles';
import { readArchiveLayer, type ArchiveLayer } from '../../src/map/tile-archive';
import { fieldName } from '../../src/story/field-path';
import { chapterFieldPosition } from '../../src/story/positions';
import type { Chapter, Issue, Story } from '../../src/story/types';
import type { BytesResult } from './image-rule';

/** Reads `length` bytes of a file from `offset` (fewer at its end). */
export type ReadSlice = (offset: number, length: number) => BytesResult;

/** What an archive says of a source layer, or what is wrong and in which field of the layer. */
export type ArchiveCheck = { layer: ArchiveLayer } | { field: 'file' | 'source-layer'; message: string };

const HEADER_BYTES = 127;
const GZIP = 2;
const NONE = 1;

/**
 * Reads an archive's header and metadata and checks the source layer `sourceLayer` in it.
 * @example checkArchive((o, n) => host.slice('geo/land.pmtiles', o, n), 'land'); // { layer } or { field, message }
 */
export function checkArchive(slice: ReadSlice, sourceLayer: string): ArchiveCheck {
  const start = slice(0, HEADER_BYTES);
  if ('error' in start) return { field: 'file', message: start.error };
  const bytes = start.bytes;
  if (bytes.length < HEADER_BYTES || new TextDecoder().decode(bytes.subarray(0, 7)) !== 'PMTiles')
    return { field: 'file', message: 'not a PMTiles archive (it does not start with "PMTiles")' };
  let header: Header;
  try {
    header = bytesToHeader(bytes.slice().buffer);
  } catch (error) {
    return { field: 'file', message: (error as Error).message };
  }
  if (header.specVersion !== 3)
    return { field: 'file', message: `PMTiles version ${header.specVersion}; the viewer reads version 3` };
  let metadata: unknown = {};
  if (header.jsonMetadataLength > 0) {
    const read = slice(header.jsonMetadataOffset, header.jsonMetadataLength);
    if ('error' in read) return { field: 'file', message: read.error };
    if (header.internalCompression !== GZIP && header.internalCompression !== NONE)
      return {
        field: 'file',
        message: 'its metadata is compressed in a way the viewer cannot read (only gzip or none)',
      };
    try {
      const text = header.internalCompression === GZIP ? gunzipSync(read.bytes) : read.bytes;
      metadata = JSON.parse(new TextDecoder().decode(text));
    } catch (error) {
      return { field: 'file', message: `its metadata cannot be read (${(error as Error).message})` };
    }
  }
  const reading = readArchiveLayer(header, metadata, sourceLayer);
  return 'problem' in reading ? { field: 'source-layer', message: reading.problem } : reading;
}

/** A tiled layer of a story that was read without errors, with its archive's path. */
export interface TiledLayer {
  target: string;
  archive: ArchiveLayer;
}

function chapterError(story: Story, chapter: Chapter, path: PropertyKey[], message: string): Issue {
  const field = fieldName(`chapters[${chapter.index}]`, path);
  return { file: story.file, ...chapterFieldPosition(story, chapter, path), field, message, severity: 'error' };
}

/**
 * The chapter fields that need a layer's every feature at once, which a tiled layer never has:
 * `places`, `measure.layer` and a fit naming one feature; and a highlight of an archive whose
 * features carry no id property (it would silently draw nothing).
 */
export function tiledReferenceIssues(story: Story, tiled: ReadonlyMap<string, TiledLayer>): Issue[] {
  return story.chapters.flatMap((chapter) => {
    const issues: Issue[] = [];
    for (const [key, ids] of Object.entries(chapter.places))
      if (tiled.has(key) && ids.length > 0)
        issues.push(
          chapterError(
            story,
            chapter,
            ['places', key],
            `"${key}" is a tiled layer: places name Point features of a GeoJSON layer`,
          ),
        );
    if (chapter.measure && tiled.has(chapter.measure.layer))
      issues.push(
        chapterError(
          story,
          chapter,
          ['measure', 'layer'],
          `"${chapter.measure.layer}" is a tiled layer: a measure needs the whole line, from a GeoJSON layer`,
        ),
      );
    const camera = chapter.camera;
    if (camera.kind === 'fit')
      camera.fit.forEach((target) => {
        if (target.kind === 'layer' && target.feature !== undefined && tiled.has(target.layer))
          issues.push({
            file: story.file,
            line: target.at.line,
            column: target.at.column,
            field: target.at.field,
            message: `"${target.layer}" is a tiled layer: a fit frames it whole (fit: ${target.layer}) or a box, not one of its features`,
            severity: 'error',
          });
      });
    for (const [key, ids] of Object.entries(chapter.highlight)) {
      const layer = tiled.get(key);
      if (layer && ids.length > 0 && !layer.archive.hasIds)
        issues.push(
          chapterError(
            story,
            chapter,
            ['highlight', key],
            `${layer.target}: its features carry no __geo_story_id property, so no highlight can find them; build it with npm run tiles`,
          ),
        );
    }
    return issues;
  });
}

/**
 * Whether an archive's bounds lie inside `area` ([west, south, east, north]): outside it the
 * layer would be drawn where the embedded basemap has no land.
 * @example outsideArea([113.8, 22.1, 114.5, 22.6], [112, 21.6, 115, 23.6]); // false
 */
export function outsideArea(bounds: readonly number[], area: readonly number[]): boolean {
  const [w, s, e, n] = bounds as [number, number, number, number];
  const [aw, as, ae, an] = area as [number, number, number, number];
  return w < aw || s < as || e > ae || n > an;
}
