/**
 * Where a story's fields are written: checks that run after parsing (the validator's rules against
 * layer data, the viewer's checks once a layer is loaded) report at the line and column of the
 * field at fault, as the parser does.
 */
import type { Chapter, Lang, Story } from './types';

/** A place in a story file, 1-based; the column is missing when only the line is known. */
export interface FieldPosition {
  line: number;
  column?: number;
}

/**
 * Finds a field in the YAML a story was parsed from: in the front matter (`chapter` undefined) or
 * in the block of the chapter with that index; undefined when that part is not known.
 */
export type FieldLocator = (
  chapter: number | undefined,
  path: readonly PropertyKey[],
  key: boolean,
) => FieldPosition | undefined;

// Kept beside the story rather than in it: a Story stays plain data that can be copied and
// compared. The parser hands a locator over its YAML, so this module (which the map module uses)
// needs no YAML code of its own; a compiled story has none and falls back to lines.
const locatorOf = new WeakMap<Story, FieldLocator>();
/** The file line where each chapter's text starts, by chapter index and language. */
const bodyLinesOf = new WeakMap<Story, Map<number, Partial<Record<Lang, number>>>>();

/**
 * Records how to find the fields of `story` in the YAML it was parsed from, and where each
 * chapter's text starts, by chapter index.
 */
export function recordPositions(
  story: Story,
  locator: FieldLocator,
  bodyLines: Map<number, Partial<Record<Lang, number>>> = new Map(),
): void {
  locatorOf.set(story, locator);
  bodyLinesOf.set(story, bodyLines);
}

/** The file line of the first line of a chapter's text in `lang`; the chapter's line when unknown. */
export function chapterBodyLine(story: Story, chapter: Chapter, lang: Lang): number {
  return bodyLinesOf.get(story)?.get(chapter.index)?.[lang] ?? chapter.line;
}

/**
 * Where a field of a chapter block is written, e.g. `chapterFieldPosition(story, chapter,
 * ['highlight', 'corridor', 1])`; `key` points at a map key rather than its value. Falls back to
 * the chapter's line for a story that was not parsed here.
 */
export function chapterFieldPosition(
  story: Story,
  chapter: Chapter,
  path: readonly PropertyKey[],
  key = false,
): FieldPosition {
  return locatorOf.get(story)?.(chapter.index, path, key) ?? { line: chapter.line };
}

/** Where a field of the front matter is written, e.g. `['layers', 2, 'file']`; line 1 when unknown. */
export function frontMatterPosition(story: Story, path: readonly PropertyKey[], key = false): FieldPosition {
  return locatorOf.get(story)?.(undefined, path, key) ?? { line: 1 };
}
