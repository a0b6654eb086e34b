import type { Plugin } from 'vite';

/**
 * The site's pages ask for the map chunk (MapLibre and the map glue) at once, with
 * `<link rel="modulepreload">`, in parallel with the entry, instead of when the element imports it.
 * The library build does not do this: a host page's head is its own.
 */
export function preloadMap(): Plugin {
  return {
    name: 'geo-story:preload-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'story-map');
        if (!chunk || !html.includes('<geo-story')) return html;
        return {
          html,
          tags: [
            {
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
              injectTo: 'head',
            },
          ],
        };
      },
    },
  };
}
