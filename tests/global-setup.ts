import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { startStaticServer } from './support/static-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the site once, as `npm run build` does, and serves dist/ (plus the test fixtures) on
 * 127.0.0.1: the browser tests look at what a reader would get from a static host.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '..');
  // GEO_STORY_OUT_DIR lets two test runs on one machine build side by side.
  const outDir = resolve(root, process.env.GEO_STORY_OUT_DIR ?? 'dist');
  if (!process.env.GEO_STORY_SKIP_BUILD) {
    await build({ root, logLevel: 'warn', configFile: resolve(root, 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  }
  const server = await startStaticServer([outDir, root]);
  project.provide('baseUrl', server.url);
  return server.close;
}
