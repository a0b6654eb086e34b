import { COMPILED_FORMAT, COMPILED_VERSION, type CompiledStory } from './compiled.js';
import { markdownToHtml } from './markdown.js';
import { parseStory } from './parse.js';
import type { Chapter, Story } from './types.js';

/** A chapter's text as HTML in each language it has. */
export function chapterHtml(chapter: Chapter): CompiledStory['html'][string] {
  return Object.fromEntries(Object.entries(chapter.body).map(([lang, body]) => [lang, markdownToHtml(body)]));
}

/**
 * Compiles a story file: parses and validates it, and renders each chapter's Markdown to HTML
 * (not sanitised: the viewer sanitises what it shows, the build also before writing the file).
 * `simplify` (simplify.ts: `simplifyStory`), when given, first fills in the Simplified Chinese the
 * author left to conversion. The viewer loads this module, with the parser, only for a story
 * given as Markdown, and converts only when a reader asks for Simplified Chinese.
 * @example compileStory(await (await fetch(url)).text(), 'stories/gba.md').story?.title.en
 */
export function compileStory(text: string, file: string, simplify?: (story: Story) => unknown): CompiledStory {
  const { story, issues } = parseStory(text, file);
  if (story) simplify?.(story);
  const html: CompiledStory['html'] = {};
  for (const chapter of story?.chapters ?? []) html[chapter.id] = chapterHtml(chapter);
  return { format: COMPILED_FORMAT, version: COMPILED_VERSION, story, html, issues };
}
