import { COMPILED_FORMAT, COMPILED_VERSION, type CompiledStory } from './compiled.js';
import { chapterImages, tooManyPixels } from './figures.js';
import { markdownToHtml } from './markdown.js';
import { parseStory } from './parse.js';
import { chapterBodyLine } from './positions.js';
import { sortIssues, type Chapter, type Issue, type Lang, type Story } from './types.js';

/** A chapter's text as HTML in each language it has. */
export function chapterHtml(chapter: Chapter): CompiledStory['html'][string] {
  return Object.fromEntries(Object.entries(chapter.body).map(([lang, body]) => [lang, markdownToHtml(body)]));
}

/** The images of the chapters whose declared size is over `limits.imagePixels`, as issues at their lines. */
function oversizeImages(story: Story): Issue[] {
  return story.chapters.flatMap((chapter) =>
    Object.entries(chapter.body).flatMap(([lang, text]) =>
      chapterImages(text).images.flatMap(({ offset, size }) => {
        const message = size && tooManyPixels(size);
        if (!message) return [];
        const before = text.slice(0, offset).split('\n');
        const line = chapterBodyLine(story, chapter, lang as Lang) + before.length - 1;
        const at = { line, column: before.at(-1)!.length + 1 };
        return [
          {
            file: story.file,
            ...at,
            field: `chapters[${chapter.index}].body.${lang}`,
            message,
            severity: 'error' as const,
          },
        ];
      }),
    ),
  );
}

/**
 * Compiles a story file: parses and validates it, and renders each chapter's Markdown to HTML
 * (not sanitised: the viewer sanitises what it shows, the build also before writing the file);
 * an image declared larger than `limits.imagePixels` is left out, listed among the issues.
 * `simplify` (simplify.ts: `simplifyStory`), when given, first fills in the Simplified Chinese the
 * author left to conversion. The viewer loads this module, with the parser, only for a story
 * given as Markdown, and converts only when a reader asks for Simplified Chinese.
 * @example compileStory(await (await fetch(url)).text(), 'stories/gba.md').story?.title.en
 */
export function compileStory(text: string, file: string, simplify?: (story: Story) => unknown): CompiledStory {
  const { story, issues } = parseStory(text, file);
  // Before conversion: each problem once, at the line the author wrote.
  const all = story ? sortIssues([...issues, ...oversizeImages(story)]) : issues;
  if (story) simplify?.(story);
  const html: CompiledStory['html'] = {};
  for (const chapter of story?.chapters ?? []) html[chapter.id] = chapterHtml(chapter);
  return { format: COMPILED_FORMAT, version: COMPILED_VERSION, story, html, issues: all };
}
