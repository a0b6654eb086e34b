import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJSON, fetchText, FetchTextError } from './fetch-text';

// A real server with the answers dev and static servers give: an SPA fallback that sends
// index.html for any path (status 200), a 404, a 500, and files that are there.
let server: Server;
let base: string;
let endlessClosed = false;
const INDEX = '<!doctype html><html><body><geo-story></geo-story></body></html>';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/story.md') res.writeHead(200, { 'content-type': 'text/markdown' }).end('---\ntitle: x\n---\n');
    else if (path === '/layer.geojson')
      res.writeHead(200, { 'content-type': 'application/geo+json' }).end('{"type":"FeatureCollection","features":[]}');
    else if (path === '/bad.json') res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":');
    // An HTML body without a content type: detected by its first character.
    else if (path === '/untyped/x.md') res.writeHead(200).end(`\uFEFF  \n${INDEX}`);
    // Declared HTML whose body does not start with `<`: detected by its content type.
    else if (path === '/typed/x.md') res.writeHead(200, { 'content-type': 'text/html' }).end('Cannot GET /typed/x.md');
    else if (path.startsWith('/gone/')) res.writeHead(404).end('Not found');
    else if (path.startsWith('/broken/')) res.writeHead(500, 'Internal Server Error').end('oops');
    // Never answers; or sends its headers and the start of the body, then nothing more.
    else if (path === '/hang.geojson') return;
    // 100 KB declared up front; or sent in chunks without a length, the body never ending.
    else if (path === '/declared.geojson')
      res
        .writeHead(200, { 'content-type': 'application/geo+json', 'content-length': 100_000 })
        .end(' '.repeat(100_000));
    else if (path === '/endless.geojson') {
      res.writeHead(200, { 'content-type': 'application/geo+json' });
      const chunk = ' '.repeat(16_384);
      const more = () => {
        if (!res.destroyed && res.write(chunk)) setImmediate(more);
        else if (!res.destroyed) res.once('drain', more);
      };
      res.once('close', () => (endlessClosed = true));
      more();
      return;
    } else if (path === '/stall.geojson')
      res.writeHead(200, { 'content-type': 'application/geo+json' }).write('{"type":');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(INDEX);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(p: Promise<unknown>): Promise<FetchTextError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchTextError);
  return error as FetchTextError;
}

describe('fetchText', () => {
  it('returns the text of a file that is there', async () => {
    expect(await fetchText(`${base}/story.md`, 'story.md')).toBe('---\ntitle: x\n---\n');
  });

  it('reports the index.html a server answers for a misspelt path as file not found', async () => {
    const error = await failure(fetchText(`${base}/stories/gba-cooperaton.md`, 'stories/gba-cooperaton.md'));
    expect(error.message).toBe('file not found: stories/gba-cooperaton.md');
    expect(error.notFound).toBe(true);
    expect(error.path).toBe('stories/gba-cooperaton.md');
  });

  it('reports an HTML body with no content type as file not found', async () => {
    const error = await failure(fetchText(`${base}/untyped/x.md`, 'x.md'));
    expect(error.message).toBe('file not found: x.md');
  });

  it('reports an answer declared as HTML as file not found', async () => {
    const error = await failure(fetchText(`${base}/typed/x.md`, 'x.md'));
    expect(error.message).toBe('file not found: x.md');
  });

  it('reports a 404 as file not found', async () => {
    const error = await failure(fetchText(`${base}/gone/trail.geojson`, '../geo/trail.geojson'));
    expect(error.message).toBe('file not found: ../geo/trail.geojson');
    expect(error.notFound).toBe(true);
  });

  it('reports another HTTP error with its status', async () => {
    const error = await failure(fetchText(`${base}/broken/x.md`, 'x.md'));
    expect(error.message).toBe('x.md: could not be loaded (HTTP 500 Internal Server Error)');
    expect(error.notFound).toBe(false);
  });

  it('reports a network failure with its reason', async () => {
    // Port 9 (discard) on this machine: nothing listens, the connection is refused.
    const error = await failure(fetchText('http://127.0.0.1:9/x.md', 'x.md'));
    expect(error.message).toMatch(/^x\.md: could not be loaded \(.+\)$/);
    expect(error.notFound).toBe(false);
  });

  it('rethrows an abort as it came', async () => {
    const abort = new AbortController();
    abort.abort();
    const error = await fetchText(`${base}/story.md`, 'story.md', { signal: abort.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(FetchTextError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('fetchText with a timeout', () => {
  it('abandons a server that never answers, saying how long it waited', async () => {
    const error = await failure(fetchText(`${base}/hang.geojson`, 'hang.geojson', { timeoutMs: 300 }));
    expect(error.message).toBe('hang.geojson: could not be loaded (no answer within 0.3 s)');
    expect(error.notFound).toBe(false);
  });

  it('abandons a body that stops arriving', async () => {
    const error = await failure(fetchText(`${base}/stall.geojson`, 'stall.geojson', { timeoutMs: 300 }));
    expect(error.message).toBe('stall.geojson: could not be loaded (no answer within 0.3 s)');
  });

  it('still rethrows an abort through the signal as it came', async () => {
    const abort = new AbortController();
    const p = fetchText(`${base}/hang.geojson`, 'hang.geojson', { signal: abort.signal, timeoutMs: 5000 });
    abort.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('fetchText with a size cap', () => {
  it('refuses a body whose declared length is over the cap, naming the file and the cap', async () => {
    const error = await failure(
      fetchText(`${base}/declared.geojson`, 'declared.geojson', { maxBytes: 50_000, cap: 'layerBytes' }),
    );
    expect(error.message).toBe(
      'declared.geojson: not loaded: the file is 97.7 KB, more than 48.8 KB (limits.layerBytes)',
    );
  });

  it('stops reading a body without a length once it passes the cap', async () => {
    const error = await failure(
      fetchText(`${base}/endless.geojson`, 'endless.geojson', {
        maxBytes: 200_000,
        cap: 'layerBytes',
        timeoutMs: 20_000,
      }),
    );
    expect(error.message).toBe('endless.geojson: not loaded: the file is more than 195.3 KB (limits.layerBytes)');
    // The connection is given up, not drained to its (never coming) end.
    await expect.poll(() => endlessClosed).toBe(true);
  });

  it('reads a body within the cap whole', async () => {
    expect(await fetchText(`${base}/story.md`, 'story.md', { maxBytes: 17 })).toBe('---\ntitle: x\n---\n');
    await failure(fetchText(`${base}/story.md`, 'story.md', { maxBytes: 16 }));
  });
});

describe('fetchJSON', () => {
  it('parses a JSON file', async () => {
    expect(await fetchJSON(`${base}/layer.geojson`, 'layer.geojson')).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });

  it('reports an HTML answer as file not found, not as invalid JSON', async () => {
    const error = await failure(fetchJSON(`${base}/geo/misspelt.geojson`, 'geo/misspelt.geojson'));
    expect(error.message).toBe('file not found: geo/misspelt.geojson');
  });

  it('reports text that is not JSON', async () => {
    const error = await failure(fetchJSON(`${base}/bad.json`, 'bad.json'));
    expect(error.message).toMatch(/^bad\.json: not valid JSON \(.+\)$/);
  });
});
