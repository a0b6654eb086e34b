/**
 * Compiles a story file for the viewer (see src/story/compiled.ts): parsed, validated, each
 * chapter's Markdown rendered and sanitised, written as JSON. The build writes one beside each
 * story (scripts/vite/compile-stories.ts); the viewer then shows it without the parser.
 *
 * DOMPurify needs a DOM, which Node lacks: jsdom provides one (the DOM implementation DOMPurify
 * itself is tested against). The viewer sanitises the file's HTML again when it loads it.
 */
import { JSDOM } from 'jsdom';
import { compileStory } from '../src/story/compile.js';
import { simplifyStory } from '../src/story/simplify.js';
import type { CompiledStory } from '../src/story/compiled.js';
import { sanitizer, type SanitizeHtml } from '../src/elements/sanitize-html.js';

let sanitize: SanitizeHtml | undefined;

/**
 * The story in `text` (named `file` in its issues) compiled, its Simplified Chinese converted
 * where the author left it to conversion, with every chapter's HTML sanitised.
 */
export function compileSanitised(text: string, file: string): CompiledStory {
  sanitize ??= sanitizer(new JSDOM('').window as unknown as Window & typeof globalThis);
  const compiled = compileStory(text, file, simplifyStory);
  for (const html of Object.values(compiled.html))
    for (const [lang, text] of Object.entries(html)) html[lang as keyof typeof html] = sanitize(text);
  return compiled;
}

/** The compiled story as the file the build writes. */
export function compiledJson(compiled: CompiledStory): string {
  return `${JSON.stringify(compiled)}\n`;
}
