import { COMPILED_FORMAT, COMPILED_VERSION, type CompiledStory } from './compiled.js';
import { markdownToHtml } from './markdown.js';
import { parseStory } from './parse.js';
import { LANGS, type Lang } from './types.js';

/**
 * Compiles a story file: parses and validates it, and renders each chapter's Markdown to HTML
 * (not sanitised: the viewer sanitises what it shows, the build also before writing the file).
 * The viewer loads this module, with the parser, only for a story given as Markdown.
 * @example compileStory(await (await fetch(url)).text(), 'stories/gba.md').story?.title.en
 */
export function compileStory(text: string, file: string): CompiledStory {
  const { story, issues } = parseStory(text, file);
  const html: CompiledStory['html'] = {};
  for (const chapter of story?.chapters ?? [])
    html[chapter.id] = Object.fromEntries(LANGS.map((lang) => [lang, markdownToHtml(chapter.body[lang])])) as Record<
      Lang,
      string
    >;
  return { format: COMPILED_FORMAT, version: COMPILED_VERSION, story, html, issues };
}
