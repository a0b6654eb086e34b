/**
 * Images in chapter text (docs/story-format.md, "Images"): the figure syntax the viewer draws
 * and the checks `npm run validate` makes of it. A figure is an image on a line of its own, with
 * its size in braces after it, and the rest of its paragraph as the credit:
 *
 *   ![What the image shows](images/diagram.svg "Caption"){width=1200 height=675}
 *   Diagram: the authors, CC BY 4.0
 */
import { Lexer, type Token } from 'marked';
import { isAllowedImageSrc } from './image-src.js';
import { limits } from './limits.js';

/** An image on a line of its own: alt, src (maybe in <>), an optional "caption" and an optional {attributes}. */
export const FIGURE_LINE =
  /^ {0,3}!\[((?:\\.|[^\]\\\n])*)\]\([ \t]*(<[^>\n]*>|[^\s)]+)(?:[ \t]+"((?:\\.|[^"\\\n])*)")?[ \t]*\)(?:\{([^}\n]*)\})?[ \t]*(?:\n|$)/;

/** The size an author declares for an image, in CSS pixels: its space is kept while it loads. */
export interface FigureSize {
  width: number;
  height: number;
}

/** Reads `width=1200 height=675` (quotes allowed); gives the size, or what is wrong with the attributes. */
export function readFigureSize(attributes: string | undefined): FigureSize | { problem: string } {
  if (attributes === undefined) return { problem: 'missing' };
  const values: Record<string, number> = {};
  const rest = attributes.replace(/([a-z-]+)=(["']?)(\d+)\2/gi, (_, name: string, __, value: string) => {
    values[name.toLowerCase()] = Number(value);
    return '';
  });
  if (rest.trim() !== '') return { problem: `"{${attributes}}" holds more than width=… height=…` };
  const { width, height } = values;
  if (!width || !height) return { problem: `"{${attributes}}" needs both width and height, whole numbers above 0` };
  return { width, height };
}

/**
 * What is wrong with a declared size over `limits.imagePixels` (width times height), or
 * `undefined`: such an image is not loaded, its alt text stands in for it.
 * @example tooManyPixels({ width: 10_000, height: 10_000 }) // 'the image is declared 10000 x 10000 pixels, …'
 */
export function tooManyPixels(size: FigureSize, maxPixels = limits.imagePixels): string | undefined {
  if (size.width * size.height <= maxPixels) return undefined;
  return `the image is declared ${size.width} x ${size.height} pixels, more than ${maxPixels} in all (limits.imagePixels): it is not loaded, its alt text stands in; give a smaller image`;
}

/** A problem with an image in a chapter's text, at an offset into that text. */
export interface FigureProblem {
  offset: number;
  message: string;
}

/** An image found in a chapter's text, with where it is. */
export interface FoundImage {
  offset: number;
  alt: string;
  src: string;
  size?: FigureSize;
}

/** Every image token in Markdown tokens, in order (images in links, lists and tables too). */
function imageTokens(tokens: Token[]): { raw: string; text: string; href: string }[] {
  return tokens.flatMap((token) => {
    const children = [
      ...('tokens' in token && Array.isArray(token.tokens) ? token.tokens : []),
      ...('items' in token && Array.isArray(token.items) ? (token.items as Token[]) : []),
    ];
    const own =
      token.type === 'image' ? [{ raw: token.raw, text: token.text as string, href: token.href as string }] : [];
    return [...own, ...imageTokens(children)];
  });
}

/**
 * The images of a chapter's Markdown text and what is wrong with each: no alt text, a src that
 * is neither beside the story nor https, not on a line of its own, no declared size, or a
 * declared size over `limits.imagePixels`.
 * @example chapterImages('![](a.png)').problems[0].message // 'the image has no alt text: …'
 */
export function chapterImages(markdown: string): { images: FoundImage[]; problems: FigureProblem[] } {
  const images: FoundImage[] = [];
  const problems: FigureProblem[] = [];
  let cursor = 0;
  for (const token of imageTokens(new Lexer({ gfm: true }).lex(markdown))) {
    const offset = markdown.indexOf(token.raw, cursor);
    if (offset < 0) continue;
    cursor = offset + token.raw.length;
    const lineStart = markdown.lastIndexOf('\n', offset - 1) + 1;
    const line = FIGURE_LINE.exec(markdown.slice(lineStart));
    // A figure is this image at the start of its line, with nothing after it on the line.
    const figure = line && lineStart + line[0].indexOf('!') === offset ? line : undefined;
    const say = (message: string) => problems.push({ offset, message });
    if (token.text.trim() === '') say('the image has no alt text: say what it shows between the brackets, ![…](file)');
    const src = token.href;
    if (!isAllowedImageSrc(src))
      say(`the image "${src}" must be a file beside the story (a relative path) or an https:// URL`);
    if (!figure) {
      say(
        'an image stands on a line of its own, as a figure with its size after it: ![alt](file){width=1200 height=675}',
      );
      images.push({ offset, alt: token.text, src });
      continue;
    }
    const size = readFigureSize(figure[4]);
    if ('problem' in size) {
      say(
        size.problem === 'missing'
          ? 'give the image its size after it, {width=1200 height=675} (of the file, or its ratio), so its space is kept while it loads'
          : `the image's size ${size.problem}`,
      );
      images.push({ offset, alt: token.text, src });
    } else {
      const tooLarge = tooManyPixels(size);
      if (tooLarge) say(tooLarge);
      images.push({ offset, alt: token.text, src, size });
    }
  }
  return { images, problems };
}
