import { PMTiles } from 'pmtiles';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeArchive } from '../../scripts/tiles/pmtiles-writer.js';
import { RangeOrWholeSource } from './archive-source.js';

const URL_ = 'https://example.org/assets/basemap-1.pmtiles';
const TILE = new Uint8Array([26, 4, 1, 2, 3, 4]);
/** A small archive: zoom 0 and the four tiles of zoom 1, each a different payload. */
const ARCHIVE = writeArchive(
  [
    { z: 0, x: 0, y: 0, data: gzipSync(TILE) },
    ...[0, 1].flatMap((x) => [0, 1].map((y) => ({ z: 1, x, y, data: gzipSync(new Uint8Array([x, y])) }))),
  ],
  { bounds: [-180, -85, 180, 85], minZoom: 0, maxZoom: 1, metadata: {} },
);

/** A host as `python3 -m http.server` answers: the whole file with 200, whatever range was asked for. */
const noRanges = vi.fn(async () => new Response(ARCHIVE.slice(), { status: 200 }));
/** A host that answers a single byte range with 206. */
const ranges = vi.fn(async (_url: string, init?: RequestInit) => {
  const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(new Headers(init?.headers).get('range') ?? '')!.map(Number);
  return new Response(ARCHIVE.slice(start, end! + 1), { status: 206 });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

const bytes = async (archive: PMTiles, z: number, x: number, y: number) =>
  new Uint8Array((await archive.getZxy(z, x, y))!.data);

describe('RangeOrWholeSource', () => {
  it('reads tiles by range requests where the host answers them', async () => {
    vi.stubGlobal('fetch', ranges);
    const archive = new PMTiles(new RangeOrWholeSource(URL_, 5000));
    expect(await bytes(archive, 0, 0, 0)).toEqual(TILE);
    expect(await bytes(archive, 1, 1, 0)).toEqual(new Uint8Array([1, 0]));
    // The header with the root directory, then each tile's own bytes.
    expect(ranges).toHaveBeenCalledTimes(3);
    expect(ranges.mock.calls.map(([, init]) => new Headers(init?.headers).get('range'))[0]).toBe('bytes=0-16383');
  });

  it('keeps the whole archive a host without range support sends, and reads every tile from it', async () => {
    vi.stubGlobal('fetch', noRanges);
    const archive = new PMTiles(new RangeOrWholeSource(URL_, 5000));
    expect(await bytes(archive, 0, 0, 0)).toEqual(TILE);
    for (const [x, y] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ] as const)
      expect(await bytes(archive, 1, x, y)).toEqual(new Uint8Array([x, y]));
    expect(noRanges).toHaveBeenCalledTimes(1);
  });

  it('says what the host answered, and asks again after a failure', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('not found', { status: 404 }))
      .mockImplementation(noRanges);
    vi.stubGlobal('fetch', fetch);
    const source = new RangeOrWholeSource(URL_, 5000);
    await expect(source.getBytes(0, 10)).rejects.toThrow('HTTP 404');
    expect(new Uint8Array((await source.getBytes(0, 7)).data)).toEqual(new TextEncoder().encode('PMTiles'));
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives up on a host that does not answer within its time', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init?: RequestInit) =>
          new Promise<Response>((_, fail) => init?.signal?.addEventListener('abort', () => fail(init.signal!.reason))),
      ),
    );
    await expect(new RangeOrWholeSource(URL_, 50).getBytes(0, 10)).rejects.toThrow(/timed out|abort/i);
  });
});
