import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import { compiledName, shippedStories } from './site-stories.ts';

/**
 * Compiles stories for the viewer (scripts/compile-story.ts): the build writes
 * `stories/<name>.json` beside each story it ships, and the dev server answers a request for
 * `stories/<name>.json` by compiling `stories/<name>.md` then, so a page can name the compiled
 * file in both.
 */
export function compileStories(): Plugin {
  let root = process.cwd();
  const compile = async (file: string) => {
    // Loaded when needed rather than imported: Vite bundles its config with what it imports, and
    // the story modules are written for a bundler (imports without extensions), which tsx runs.
    const { compileSanitised, compiledJson } = (await tsImport(
      '../compile-story.ts',
      import.meta.url,
    )) as typeof import('../compile-story');
    return compiledJson(compileSanitised(await readFile(resolve(root, file), 'utf8'), file));
  };
  return {
    name: 'geo-story:compile-stories',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = /^\/(stories\/[\w/-]+)\.json(\?|$)/.exec(req.url ?? '')?.[1];
        if (!name) return next();
        compile(`${name}.md`).then((json) => {
          res.setHeader('content-type', 'application/json');
          res.end(json);
        }, next);
      });
    },
    async generateBundle() {
      const shipped = shippedStories(root);
      // The site-stories plugin has failed the build already when the config is wrong.
      if (!('files' in shipped)) return;
      for (const file of shipped.files)
        this.emitFile({ type: 'asset', fileName: compiledName(file), source: await compile(file) });
    },
  };
}
