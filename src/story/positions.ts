/**
 * Where a story's fields are written: checks that run after parsing (the validator's rules against
 * layer data, the viewer's checks once a layer is loaded) report at the line and column of the
 * field at fault, as the parser does.
 */
import type { Chapter, Story } from './types';
import { locate, type YamlPart } from './yaml-positions';

/** A place in a story file, 1-based; the column is missing when only the line is known. */
export interface FieldPosition {
  line: number;
  column?: number;
}

/** The YAML of a parsed story: its front matter and each chapter block, by the chapter's index. */
interface StoryYaml {
  front?: YamlPart;
  chapters: Map<number, YamlPart>;
}

// Kept beside the story rather than in it: a Story stays plain data that can be copied and compared.
const yamlOf = new WeakMap<Story, StoryYaml>();

/** Records where the YAML of `story` came from, so its fields can be located later. */
export function recordPositions(story: Story, front: YamlPart | undefined, chapters: Map<number, YamlPart>): void {
  yamlOf.set(story, { front, chapters });
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
  const part = yamlOf.get(story)?.chapters.get(chapter.index);
  return part ? locate(part, path, key) : { line: chapter.line };
}

/** Where a field of the front matter is written, e.g. `['layers', 2, 'file']`; line 1 when unknown. */
export function frontMatterPosition(story: Story, path: readonly PropertyKey[], key = false): FieldPosition {
  const part = yamlOf.get(story)?.front;
  return part ? locate(part, path, key) : { line: 1 };
}
