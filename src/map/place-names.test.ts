import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { placeNames } from './place-names.js';

const collection = (features: FeatureCollection['features']): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});
const point: Point = { type: 'Point', coordinates: [114.2, 22.5] };

const data = new Map<string, FeatureCollection>([
  [
    'basemap',
    collection([
      {
        type: 'Feature',
        properties: { label_id: 'hong-kong', name_zh_hant: '香港', name_en: 'Hong Kong' },
        geometry: point,
      },
      {
        type: 'Feature',
        properties: { label_id: 'shenzhen', name_zh_hant: '深圳', name_en: 'Shenzhen' },
        geometry: point,
      },
    ]),
  ],
  [
    'corridor',
    collection([
      {
        type: 'Feature',
        id: 'summit',
        properties: { name_zh_hant: '紅花嶺', name_en: "Robin's Nest" },
        geometry: point,
      },
      { type: 'Feature', id: 7, properties: { name_zh_hant: '沙頭角' }, geometry: point },
    ]),
  ],
]);

describe('placeNames', () => {
  it('names the places in the order the chapter lists them, in each language', () => {
    const places = { corridor: ['summit'], basemap: ['shenzhen', 'hong-kong'] };
    expect(placeNames(places, (k) => data.get(k), 'en')).toEqual(["Robin's Nest", 'Shenzhen', 'Hong Kong']);
    expect(placeNames(places, (k) => data.get(k), 'zh-Hant')).toEqual(['紅花嶺', '深圳', '香港']);
  });

  it('matches ids as text, falls back to the other language, and names a place once', () => {
    expect(placeNames({ corridor: ['7', 7] }, (k) => data.get(k), 'en')).toEqual(['沙頭角']);
  });

  it('leaves out places whose layer is not loaded or that do not exist', () => {
    expect(placeNames({ corridor: ['summit'], missing: ['x'], basemap: ['nowhere'] }, () => undefined, 'en')).toEqual(
      [],
    );
    expect(placeNames({ basemap: ['nowhere', 'hong-kong'] }, (k) => data.get(k), 'en')).toEqual(['Hong Kong']);
  });
});
