import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/**
 * `npm start`'s dev server (the project's own Vite config) on a free port, also allowed to serve
 * files from `dir` (a temporary folder of the test's stories). Close it when done.
 * @example const server = await startDevServer(dir); const url = server.resolvedUrls!.local[0];
 */
export async function startDevServer(dir: string): Promise<ViteDevServer> {
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, fs: { allow: [root, dir] } },
  });
  await server.listen();
  return server;
}
