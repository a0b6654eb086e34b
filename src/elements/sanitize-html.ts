import DOMPurify from 'dompurify';
import { isAllowedImageSrc } from '../story/image-src.js';

/**
 * Turns HTML from a story into HTML safe to put in the page; images resolve against `base` (the
 * story file's URL) when it is given.
 */
export type SanitizeHtml = (html: string, base?: string) => string;

/** `src` resolved against `base`, or undefined when it is no URL. */
function resolveUrl(src: string, base: string): URL | undefined {
  try {
    return new URL(src, base);
  } catch {
    return undefined;
  }
}

/**
 * A sanitiser for chapter HTML, on its own DOMPurify instance (its hooks do not leak into the
 * host page's): scripts, event handlers, styles, forms and frames are removed, and links open in
 * a new tab without access to this page. `win` is the browser's window, or at build time a
 * DOM implementation's (scripts/compile-story.ts).
 * @example sanitizer(window)('<p onclick="x()">hi</p><script>x()</script>'); // '<p>hi</p>'
 */
export function sanitizer(win: Window & typeof globalThis): SanitizeHtml {
  const purifier = DOMPurify(win);
  /** The URL images resolve against during one (synchronous) sanitize call; none at build time. */
  let imageBase: string | undefined;
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG') {
      // An image is a file beside the story (or on the page's site) or an https URL; nothing else
      // is fetched. DOMPurify empties a src it refuses (javascript:), which would fetch the story itself.
      const src = node.getAttribute('src')?.trim() ?? '';
      const url = src && isAllowedImageSrc(src) ? resolveUrl(src, imageBase ?? 'https://relative.invalid/') : undefined;
      const allowed = url && (url.protocol === 'https:' || url.origin === win.location.origin);
      if (!allowed) node.removeAttribute('src');
      else if (imageBase !== undefined) node.setAttribute('src', url.href);
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
    }
  });
  return (html, base) => {
    imageBase = base;
    try {
      return purifier.sanitize(html, {
        USE_PROFILES: { html: true },
        FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
        FORBID_ATTR: ['style'],
      });
    } finally {
      imageBase = undefined;
    }
  };
}
