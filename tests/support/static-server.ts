import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.md': 'text/markdown; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A static file server on 127.0.0.1 over several roots (first match wins), as any plain host would
 * serve the build, answering single byte ranges (unless `ranges` is false: then, as
 * `python3 -m http.server` does, every file whole with 200); `pages` are HTML pages served from
 * memory at their paths, before any root.
 */
export async function startStaticServer(
  roots: string[],
  pages: Record<string, string> = {},
  { ranges = true }: { ranges?: boolean } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const absRoots = roots.map((r) => resolve(r));
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = pages[path];
    if (page !== undefined) {
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? TYPES['.html']!,
        'content-length': Buffer.byteLength(page),
        'cache-control': 'no-store',
      });
      res.end(page);
      return;
    }
    for (const root of absRoots) {
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) break;
      try {
        let info = await stat(file);
        if (info.isDirectory()) {
          file = join(file, 'index.html');
          info = await stat(file);
        }
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        // A single byte range, as static hosts answer it (RFC 9110 section 14): what PMTiles archives are read by.
        const range = ranges ? /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '') : null;
        if (range && Number(range[1]) < info.size) {
          const start = Number(range[1]);
          const end = Math.min(info.size - 1, range[2] ? Number(range[2]) : info.size - 1);
          res.writeHead(206, {
            'content-type': type,
            'content-length': end - start + 1,
            'content-range': `bytes ${start}-${end}/${info.size}`,
            'accept-ranges': 'bytes',
            'cache-control': 'no-store',
          });
          createReadStream(file, { start, end }).pipe(res);
          return;
        }
        res.writeHead(200, {
          'content-type': type,
          'content-length': info.size,
          ...(ranges ? { 'accept-ranges': 'bytes' } : {}),
          'cache-control': 'no-store',
        });
        createReadStream(file).pipe(res);
        return;
      } catch {
        // try the next root
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  // Node ignores a request listener's result: an error in `serve` surfaces as an unhandled
  // rejection, which fails the test run.
  const server: Server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
