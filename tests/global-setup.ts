import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { fixturePages } from './fixtures/pages/pages.js';
import { startStaticServer } from './support/static-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the site and the library once, as `npm run build` does, and serves dist/ (plus the test
 * fixtures, and the fixture pages from memory) on 127.0.0.1: the browser tests look at what a
 * reader would get from a static host.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '..');
  // GEO_STORY_OUT_DIR lets two test runs on one machine build side by side.
  const outDir = resolve(root, process.env.GEO_STORY_OUT_DIR ?? 'dist');
  if (!process.env.GEO_STORY_SKIP_BUILD) {
    // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build (with its
    // console warnings); build what `npm run build` builds.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root,
        logLevel: 'warn',
        configFile: resolve(root, 'vite.config.ts'),
        build: { outDir, emptyOutDir: true },
      });
      // The library (geo-story.js and its files) goes beside the site, as in `npm run build`.
      await build({
        root,
        logLevel: 'warn',
        configFile: resolve(root, 'vite.lib.config.ts'),
        build: { outDir, emptyOutDir: false },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  const server = await startStaticServer([outDir, root], fixturePages());
  project.provide('baseUrl', server.url);
  return server.close;
}
