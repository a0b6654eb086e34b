import DOMPurify from 'dompurify';

/** Turns HTML from a story into HTML safe to put in the page. */
export type SanitizeHtml = (html: string) => string;

/**
 * A sanitiser for chapter HTML, on its own DOMPurify instance (its hooks do not leak into the
 * host page's): scripts, event handlers, styles, forms and frames are removed, and links open in
 * a new tab without access to this page. `win` is the browser's window, or at build time a
 * DOM implementation's (scripts/compile-story.ts).
 * @example sanitizer(window)('<p onclick="x()">hi</p><script>x()</script>'); // '<p>hi</p>'
 */
export function sanitizer(win: Window & typeof globalThis): SanitizeHtml {
  const purifier = DOMPurify(win);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return (html) =>
    purifier.sanitize(html, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
      FORBID_ATTR: ['style'],
    });
}
