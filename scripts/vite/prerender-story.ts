/**
 * Text at first paint: the built page's `<geo-story src="stories/<name>.json">` (or `.md`) gets
 * the story's title, subtitle and chapters as plain HTML inside it, in `slot="prerendered"`. The
 * page reads without JavaScript and search engines index it; once the element has loaded the
 * story it shows its own text in place of this (until then it shows this, not "Loading story").
 * The chapter HTML is the compiled story's, sanitised (scripts/compile-story.ts); titles are escaped.
 */
import { readFile } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import type { CompiledStory } from '../../src/story/compiled.js';
import { langTag, localize, parseLang, resolveLang } from '../../src/story/lang.js';
import type { Lang } from '../../src/story/types.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Chapter HTML with the images' relative sources made relative to the page (at the site's root)
 * rather than to the story file, as the element resolves them (docs/story-format.md, "Images").
 */
function imagesFromRoot(html: string, storyFile: string): string {
  return html.replace(/(<img\b[^>]*?\ssrc=")([^"]*)"/g, (whole, start: string, src: string) =>
    /^([a-z][a-z\d+.-]*:|\/|#)/i.test(src) ? whole : `${start}${posix.join(posix.dirname(storyFile), src)}"`,
  );
}

/**
 * The prerendered content of a `<geo-story>` showing `compiled` in `lang`: a block with the
 * title, the subtitle and each chapter (its heading and its sanitised HTML).
 * @example prerendered(compileSanitised(text, 'stories/a.md'), 'en');
 */
export function prerendered(compiled: CompiledStory, lang: Lang): string {
  const story = compiled.story;
  if (!story) return '';
  const chapters = story.chapters.map(
    (c) =>
      `<section data-prerendered-chapter="${escapeHtml(c.id)}"><h2>${escapeHtml(localize(c.title, lang))}</h2>\n${imagesFromRoot(compiled.html[c.id]?.[lang] ?? '', story.file)}</section>`,
  );
  const subtitle = story.subtitle ? `<p>${escapeHtml(localize(story.subtitle, lang))}</p>` : '';
  return `<div slot="prerendered" lang="${langTag(lang)}"><h1>${escapeHtml(localize(story.title, lang))}</h1>${subtitle}\n${chapters.join('\n')}\n</div>`;
}

/** An empty `<geo-story ...></geo-story>` whose src names a story file of stories/. */
const ELEMENT = /<geo-story\b([^>]*?)\ssrc="(?:\.\/)?(stories\/[\w/-]+)\.(?:json|md)"([^>]*)>\s*<\/geo-story>/g;

/** Fills each empty `<geo-story src="stories/...">` of the site's HTML pages with its story, prerendered. */
export function prerenderStories(): Plugin {
  let root = process.cwd();
  return {
    name: 'geo-story:prerender-stories',
    configResolved(config) {
      root = config.root;
    },
    async transformIndexHtml(html) {
      const matches = [...html.matchAll(ELEMENT)];
      if (matches.length === 0) return html;
      // Loaded when needed rather than imported: see scripts/vite/compile-stories.ts.
      const { compileSanitised } = (await tsImport(
        '../compile-story.ts',
        import.meta.url,
      )) as typeof import('../compile-story');
      let out = html;
      for (const m of matches) {
        const file = `${m[2]}.md`;
        const compiled = compileSanitised(await readFile(resolve(root, file), 'utf8'), file);
        const attrs = `${m[1]} ${m[3]}`;
        const asked = /\slang="([^"]*)"/.exec(attrs)?.[1];
        const story = compiled.story;
        const lang = story ? resolveLang(parseLang(asked), story.languages, story.defaultLang) : 'zh-Hant';
        out = out.replace(m[0], m[0].replace(/>\s*<\/geo-story>$/, `>\n${prerendered(compiled, lang)}\n</geo-story>`));
      }
      return out;
    },
  };
}
