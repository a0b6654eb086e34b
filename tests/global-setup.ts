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
  if (!process.env.GEO_STORY_SKIP_BUILD) {
    await build({ root, logLevel: 'warn', configFile: resolve(root, 'vite.config.ts') });
  }
  const server = await startStaticServer([resolve(root, 'dist'), root]);
  project.provide('baseUrl', server.url);
  return server.close;
}
