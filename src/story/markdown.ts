import { Marked } from 'marked';

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

/**
 * Chapter Markdown as HTML, not yet sanitised: whoever puts it in a page passes it through
 * `sanitizeHtml` (src/elements/sanitize-html.ts) first.
 * @example markdownToHtml('# Background'); // '<h3>Background</h3>\n'
 */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown) as string;
}
