import type { Header } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { archiveErrorText, readArchiveLayer } from './tile-archive.js';

const header = {
  tileType: 1,
  minZoom: 0,
  maxZoom: 16,
  minLon: 113.8,
  minLat: 22.1,
  maxLon: 114.5,
  maxLat: 22.6,
} as Header;
const metadata = {
  vector_layers: [
    { id: 'land', fields: { __geo_story_id: 'String' } },
    { id: 'roads', fields: {} },
  ],
  tilestats: {
    layers: [
      { layer: 'land', geometry: 'Polygon' },
      { layer: 'roads', geometry: 'LineString' },
    ],
  },
};

describe('readArchiveLayer', () => {
  it('reads bounds, zooms, geometry kinds and ids of the source layer', () => {
    expect(readArchiveLayer(header, metadata, 'land')).toEqual({
      layer: { bounds: [113.8, 22.1, 114.5, 22.6], minZoom: 0, maxZoom: 16, kinds: ['polygon'], hasIds: true },
    });
    expect(readArchiveLayer(header, metadata, 'roads')).toMatchObject({ layer: { kinds: ['line'], hasIds: false } });
    // An archive without tilestats: the kinds are unknown.
    expect(readArchiveLayer(header, { vector_layers: [{ id: 'land' }] }, 'land')).toMatchObject({
      layer: { kinds: [] },
    });
  });

  it('names the source layers an archive has when the one asked for is not among them, and refuses raster tiles', () => {
    expect(readArchiveLayer(header, metadata, 'buildings')).toEqual({
      problem: 'the archive has no source layer "buildings"; its layers: land, roads',
    });
    expect(readArchiveLayer(header, {}, 'land')).toEqual({
      problem: 'the archive has no source layer "land"; its metadata lists no vector_layers',
    });
    expect(readArchiveLayer({ ...header, tileType: 2 }, metadata, 'land')).toEqual({
      problem: 'the archive holds PNG tiles; a story layer draws vector tiles (MVT)',
    });
  });
});

describe('archiveErrorText', () => {
  it("says in the reader's terms what the pmtiles reader threw", () => {
    expect(archiveErrorText(new Error('Bad response code: 404'), 'a.pmtiles')).toBe('file not found: a.pmtiles');
    expect(archiveErrorText(new Error('Bad response code: 403'), 'a.pmtiles')).toBe(
      'a.pmtiles: could not be loaded (HTTP 403)',
    );
    expect(archiveErrorText(new Error('Wrong magic number for PMTiles archive'), 'a.pmtiles')).toBe(
      'a.pmtiles: not a PMTiles archive',
    );
    expect(
      archiveErrorText(
        new Error(
          'Server returned no content-length header or content-length exceeding request. Check that your storage backend supports HTTP Byte Serving.',
        ),
        'a.pmtiles',
      ),
    ).toMatch(/^a\.pmtiles: the server sent the whole file .* range requests \(Accept-Ranges: bytes\)$/);
    expect(archiveErrorText(new TypeError('Failed to fetch'), 'a.pmtiles')).toMatch(/network error.*CORS/);
  });
});
