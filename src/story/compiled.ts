import { formatIssue, type Issue, type Lang, type Story } from './types.js';

/** The `format` of a compiled story file. */
export const COMPILED_FORMAT = 'geo-story/compiled';
/** The version of the compiled story format this code reads and writes. */
export const COMPILED_VERSION = 1;

/**
 * A story as the build compiles it (`stories/<name>.json` beside `<name>.md`): parsed, validated,
 * and each chapter's text rendered from Markdown to HTML, so that the viewer needs neither the
 * YAML parser, the schema nor the Markdown renderer to show it. The HTML is sanitised when
 * compiled and again by the viewer when it loads the file, which may come from anywhere.
 */
export interface CompiledStory {
  format: typeof COMPILED_FORMAT;
  version: typeof COMPILED_VERSION;
  /** The story; undefined when the file is no story at all (then `issues` says why). */
  story: Story | undefined;
  /** Each chapter's text as HTML, by chapter id, in each of the story's languages it is in. */
  html: Record<string, Partial<Record<Lang, string>>>;
  /** Every issue found in the story file, errors and warnings. */
  issues: Issue[];
}

/** Whether a fetched story file is a compiled story (JSON) rather than Markdown (which starts with front matter). */
export function isCompiled(text: string): boolean {
  return text.trimStart().startsWith('{');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a compiled story file; throws an Error naming `file` when it is not one this version
 * reads. Only the shape the viewer relies on is checked: the build validated the story itself.
 */
export function readCompiled(text: string, file: string): CompiledStory {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not a story: invalid JSON (${(error as Error).message})`);
  }
  if (!isRecord(value) || value.format !== COMPILED_FORMAT)
    throw new Error(`${file}: not a story: a compiled story has "format": "${COMPILED_FORMAT}"`);
  if (value.version !== COMPILED_VERSION)
    throw new Error(
      `${file}: compiled story version ${String(value.version)}; this viewer reads version ${COMPILED_VERSION}`,
    );
  const story = value.story;
  const ok =
    (story === undefined || (isRecord(story) && Array.isArray(story.chapters) && Array.isArray(story.layers))) &&
    isRecord(value.html) &&
    Array.isArray(value.issues);
  if (!ok) throw new Error(`${file}: not a story: the compiled story lacks story, html or issues`);
  return value as unknown as CompiledStory;
}

/** The first error of a compiled story, formatted, if any. */
export function firstError(compiled: CompiledStory): string | undefined {
  const error = compiled.issues.find((i) => i.severity === 'error');
  return error && formatIssue(error);
}
