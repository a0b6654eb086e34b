import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { FIGURE_LINE, readFigureSize, tooManyPixels } from './figures.js';

/** A figure as the tokenizer reads it (docs/story-format.md, "Images"). */
interface FigureToken extends Tokens.Generic {
  alt: string;
  src: string;
  size?: { width: number; height: number };
  caption: Tokens.Generic[];
  credit: Tokens.Generic[];
}

const escapeAttribute = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const escapeText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/**
 * An image on a line of its own becomes a figure: the image with its declared size (so its space
 * is kept while it loads) and, under it, the title as the caption and the rest of the paragraph
 * as the credit, both as inline Markdown. The sanitiser decides which sources are fetched.
 */
const figure: TokenizerAndRendererExtension = {
  name: 'figure',
  level: 'block',
  tokenizer(src) {
    const match = FIGURE_LINE.exec(src);
    if (!match) return undefined;
    const credit = /^(?:[^\n]*\S[^\n]*(?:\n|$))*/.exec(src.slice(match[0].length))![0];
    const size = readFigureSize(match[4]);
    const token: FigureToken = {
      type: 'figure',
      raw: match[0] + credit,
      alt: unescape(match[1]!),
      src: match[2]!.replace(/^<|>$/g, ''),
      caption: this.lexer.inlineTokens(unescape(match[3] ?? '')),
      credit: this.lexer.inlineTokens(credit.trim()),
      ...('width' in size && { size }),
    };
    return token;
  },
  renderer(token) {
    const { alt, src, size, caption, credit } = token as FigureToken;
    const sized = size ? ` width="${size.width}" height="${size.height}"` : '';
    const captionHtml = this.parser.parseInline(caption);
    const creditHtml = credit.length ? `<small class="credit">${this.parser.parseInline(credit)}</small>` : '';
    const figcaption = captionHtml || creditHtml ? `<figcaption>${captionHtml} ${creditHtml}</figcaption>` : '';
    // Over limits.imagePixels: not loaded, the alt text stands in (the problem is listed by compile.ts).
    if (size && tooManyPixels(size)) return `<figure><p class="alt">${escapeText(alt)}</p>${figcaption}</figure>\n`;
    return `<figure><img src="${escapeAttribute(src)}" alt="${escapeAttribute(alt)}"${sized}>${figcaption}</figure>\n`;
  },
};

// One Marked instance of our own, so a host page's global marked options cannot change ours.
// Headings in chapter text sit two levels below the chapter heading (the story title is h1, a
// chapter h2), so "# Background" in a chapter is an h3 and the outline stays whole.
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  extensions: [figure],
  // Raw HTML in a story is shown as the text it is, never parsed: no tag or attribute of it ever
  // reaches a parser, so a hostile story cannot even make a strict page report a refused inline
  // script or style (DOMPurify, after this, sees only the markup Markdown itself makes).
  renderer: { html: ({ text }) => escapeText(text) },
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
