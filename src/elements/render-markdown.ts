import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { localize } from '../story/lang.js';
import type { Chapter, Lang } from '../story/types.js';

// One Marked instance of our own, so a host page's global marked options cannot change ours.
// Headings in chapter text sit two levels below the chapter heading (the story title is h1, a
// chapter h2), so "# Background" in a chapter is an h3 and the outline stays whole.
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  walkTokens: (token) => {
    if (token.type === 'heading') token.depth = Math.min(token.depth + 2, 6);
  },
});

let purifier: ReturnType<typeof DOMPurify> | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // Our own DOMPurify instance: its hooks do not leak into the host page's.
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purifier;
}

/**
 * Chapter Markdown as sanitised HTML: raw HTML in a story never reaches the page unfiltered
 * (scripts, event handlers, styles, forms and frames are removed by DOMPurify).
 * @example renderMarkdown('**Mirs Bay** <img src=x onerror=alert(1)>')
 */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return getPurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
}

/** Chapter bodies rendered once per chapter and language, not on every render of the element. */
export class ChapterBodies {
  private readonly rendered = new Map<string, string>();

  /** The chapter's body in `lang`, as sanitised HTML. */
  get(chapter: Chapter, lang: Lang): string {
    const key = `${chapter.id}\u0000${lang}`;
    let html = this.rendered.get(key);
    if (html === undefined) {
      html = renderMarkdown(localize(chapter.body, lang));
      this.rendered.set(key, html);
    }
    return html;
  }

  /** Forgets every body (a new story). */
  clear(): void {
    this.rendered.clear();
  }
}
