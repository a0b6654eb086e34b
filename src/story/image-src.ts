/**
 * Which image sources chapter text may fetch: kept apart from the figure syntax (figures.ts), so
 * the sanitiser, which applies it in the page, does not bring the Markdown reader with it.
 */

/** Whether an image's src is allowed: a path beside the story (relative, or from the site's root) or an https URL. */
export function isAllowedImageSrc(src: string): boolean {
  if (src.startsWith('//')) return false;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(src)?.[1];
  return scheme === undefined || scheme.toLowerCase() === 'https';
}
